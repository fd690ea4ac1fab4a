// Concord's `satisfy` must give the runtime's verdict, quirks included: the runtime decides which
// singleton loads, so a diagnostic computed with any other semver would contradict what happens.
// Compared with BOTH installed runtimes (2.9.3 and the 2.9.1 that Vite builds bundle).
import { satisfy } from '@concord/runtime-plugin/semver';
import { satisfy as satisfy293 } from '@module-federation/runtime';
import { satisfy as satisfy291 } from '@module-federation/runtime-2-9-1';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

const versions = [
  '0',
  '5',
  '5.1',
  '0.0.0',
  '0.0.1',
  '0.1.0',
  '0.1.9',
  '1.0.0',
  '1.2.3',
  '1.2.10',
  '2.0.0',
  '4.5.0',
  '5.0.0',
  '5.1.0',
  '18.2.0',
  '18.3.1',
  '19.0.0',
  '19.3.1',
  'v1.2.3',
  '=1.2.3',
  '>1.2.3',
  ' 1.2.3',
  '1.2.3 ',
  '01.2.3',
  '1.2.3-0',
  '1.2.3-alpha',
  '1.2.3-alpha.1',
  '1.2.3-alpha.beta',
  '1.2.3-beta.2',
  '1.2.3-beta.11',
  '1.2.3-rc.1',
  '1.2.3-0x1A',
  '1.2.3-Infinity',
  '1.2.3+build.5',
  '1.2.3-rc.1+build',
  '18.3.1-rc.1',
  '19.0.0-canary-abc',
  'not-a-version',
  '1.2.3.4',
];

const ranges = [
  '',
  ' ',
  '*',
  'x',
  'X',
  '>=0.0.0',
  '>= 0.0.0',
  '>=0a0b0',
  '^1.0.0',
  '^1.2.3',
  '^ 1.2.3',
  '^1.2',
  '^1',
  '^1.x',
  '^0.0.1',
  '^0.1.0',
  '^0.1',
  '^0.0',
  '^0',
  '^1.2.3-alpha',
  '^0.0.1-alpha',
  '^0.1.2-beta.1',
  '^18.2.0',
  '^19.0.0',
  '^4.5.0',
  '^5',
  '~1.2.3',
  '~ 1.2.3',
  '~>1.2.3',
  '~1.2',
  '~1',
  '~1.2.3-beta',
  '1.2.3',
  '=1.2.3',
  'v1.2.3',
  '1.2',
  '1',
  '1.x',
  '1.2.x',
  '1.2.*',
  '>1.2.3',
  '>1.2',
  '>1',
  '>=1.2',
  '<1.2',
  '<=1.2',
  '<=1',
  '>=1.2.3 <2.0.0',
  '>=1.0.0 < 2.0.0',
  '>= 1.0.0',
  '< 2.0.0',
  '<2.0.0-0',
  '<=1.2.3-alpha',
  '>1.2.3-alpha.1',
  '1.2.3 - 2.3.4',
  '1.2 - 2.3',
  '1 - 2',
  '1.2.3 - 2.3.4-beta',
  '* - 2',
  '1.2.3 - *',
  '^1.0.0 || ^2.0.0',
  '^1.0.0 || ',
  '|| ^2.0.0',
  '^3.0.0 || >=5',
  '>=*',
  '<*',
  '>*',
  '=*',
  'workspace:*',
  'workspace:^1.0.0',
  'latest',
  'npm:foo@^1',
  '>=18 <20',
  '18.3.1-rc.1',
  '^18.3.1-rc.0',
  '>1.2.3 <1.2.3',
  '1.2.3 1.2.3',
];

describe('satisfy matches the runtime', () => {
  it.each([
    ['2.9.3', satisfy293],
    ['2.9.1', satisfy291],
  ])('on every pair of the table (runtime %s)', (_, runtimeSatisfy) => {
    const mismatches: string[] = [];
    for (const v of versions)
      for (const r of ranges)
        if (satisfy(v, r) !== runtimeSatisfy(v, r))
          mismatches.push(`${JSON.stringify(v)} ${JSON.stringify(r)}`);
    expect(mismatches).toEqual([]);
  });

  it('keeps the documented quirks', () => {
    expect(satisfy('18.3.1', '^18.2.0')).toBe(true);
    expect(satisfy('19.0.0', '^18.2.0')).toBe(false);
    expect(satisfy('0', '*')).toBe(false);
    expect(satisfy('5', '^5.0.0')).toBe(false);
    expect(satisfy('18.3.1-rc.1', '^18.0.0')).toBe(true);
    expect(satisfy('1.0.0', '>=0.0.0')).toBe(false);
  });

  const id = fc.oneof(
    fc.constantFrom('0', '1', '2', '9', '10', '01', 'x', 'X', '*'),
    fc.nat({ max: 30 }).map(String),
  );
  const preId = fc.constantFrom('alpha', 'beta', 'rc', '0', '1', '11', 'x1', 'a-b', '0x1');
  const prerelease = fc.option(
    fc.array(preId, { minLength: 1, maxLength: 3 }).map((p) => `-${p.join('.')}`),
    { nil: '' },
  );
  const partial = fc
    .tuple(
      fc.constantFrom('', 'v', '=', ' '),
      id,
      fc.option(id, { nil: undefined }),
      fc.option(id, { nil: undefined }),
      prerelease,
      fc.constantFrom('', '', '+b.1'),
    )
    .map(
      ([prefix, a, b, c, pre, build]) =>
        `${prefix}${a}${b === undefined ? '' : `.${b}`}${b === undefined || c === undefined ? '' : `.${c}${pre}${build}`}`,
    );
  const comparator = fc
    .tuple(fc.constantFrom('', '^', '~', '~>', '>', '>=', '<', '<=', '=', '^ ', '>= ', '< '), partial)
    .map(([o, p]) => `${o}${p}`);
  const conjunction = fc.oneof(
    fc.array(comparator, { minLength: 1, maxLength: 3 }).map((c) => c.join(' ')),
    fc.tuple(partial, partial).map(([a, b]) => `${a} - ${b}`),
  );
  const range = fc.array(conjunction, { minLength: 1, maxLength: 3 }).map((c) => c.join(' || '));
  const version = fc.oneof(
    fc
      .tuple(fc.nat({ max: 20 }), fc.nat({ max: 20 }), fc.nat({ max: 20 }), prerelease)
      .map(([a, b, c, pre]) => `${a}.${b}.${c}${pre}`),
    partial,
  );

  it('on generated versions and ranges, against both runtimes', () => {
    fc.assert(
      fc.property(version, range, (v, r) => {
        const ours = satisfy(v, r);
        expect(ours).toBe(satisfy293(v, r));
        expect(ours).toBe(satisfy291(v, r));
      }),
      { numRuns: 10_000 },
    );
  }, 60_000);
});
