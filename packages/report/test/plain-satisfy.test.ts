// The analysis answers plain (version, range) questions without the runtime's `satisfy` (src/analyze/
// plain-satisfy.ts, for speed), and everything else with it. Here both answers meet: on a grid of versions
// and ranges, edge cases included (0.x carets, `>=0.0.0`, which the runtime never satisfies, empty `||`
// parts, 15-digit numbers, prereleases and odd spacing that go to the runtime), each consumer's verdict is
// exactly what the runtime's own `satisfy` says.
import { analyze } from '@concord/report';
import { satisfy } from '@module-federation/runtime-core';
import { describe, expect, it } from 'vitest';
import { load, rspackManifest } from './helpers/manifests';

const VERSIONS = [
  '0.0.0',
  '0.0.1',
  '0.0.2',
  '0.1.0',
  '0.1.5',
  '0.2.0',
  '1.0.0',
  '1.2.2',
  '1.2.3',
  '1.2.4',
  '1.3.0',
  '2.0.0',
  '2.5.1',
  '3.0.0',
  '10.20.30',
  '999999999999999.0.0',
  '1.2.3-rc.1',
  '01.2.3',
  'v1.2.3',
  '1.2',
];

const RANGES = [
  '^1.2.3',
  '~1.2.3',
  '1.2.3',
  '=1.2.3',
  '>=1.2.3',
  '>1.2.3',
  '<=1.2.3',
  '<1.2.3',
  '^0.1.0',
  '^0.1.5',
  '^0.0.1',
  '^0.0.0',
  '~0.0.0',
  '~0.1.5',
  '~0.0.1',
  '>=0.0.0',
  '>=0.0.0 >=0.0.0',
  '>=0.0.0 <1.0.0',
  '>=1.0.0 <2.0.0',
  '>1.0.0 <=2.0.0',
  '^1.0.0 || ^2.0.0',
  '~1.2.0 || >=3.0.0 <4.0.0',
  '=1.2.3 || 2.0.0',
  '^3.0.0 ||',
  '|| ^3.0.0',
  '^3.0.0 || >=0.0.0',
  '*',
  '',
  ' ^1.2.3 ',
  '>=1.0.0  <2.0.0',
  '^999999999999999.0.0',
  '<1000000000000000.0.0',
  '>0.0.0',
  '<=0.0.0',
  '1.2',
  '^1.2',
  '1.x',
  'x',
  '>= 1.2.3',
  '^ 1.2.3',
  '1.0.0 - 2.0.0',
  '^1.2.3-rc.0',
  '~>1.2.3',
  'v1.2.3',
  '=v1.2.3',
  '01.2.3',
];

/** Each range's verdict when every app shares `version` as a singleton: one analysis per version. */
function verdicts(version: string): Map<string, string> {
  const inputs = RANGES.map((range, i) =>
    load(rspackManifest(`app-${i}`, [{ name: 'lib', version, requiredVersion: range }])),
  );
  const report = analyze(inputs, { host: false });
  const row = report.matrix.find((r) => r.package === 'lib')!;
  return new Map(RANGES.map((range, i) => [range, row.cells[i]!.verdict]));
}

describe('plain (version, range) answers are the runtime satisfy answers', () => {
  for (const version of VERSIONS)
    it(`version ${JSON.stringify(version)}`, () => {
      const got = verdicts(version);
      const want = new Map(RANGES.map((r) => [r, satisfy(version, r) ? 'ok' : 'mismatch']));
      expect(got).toEqual(want);
    });

  it('covers both answers and both paths on the grid', () => {
    const answers = VERSIONS.flatMap((v) => RANGES.map((r) => satisfy(v, r)));
    expect(answers.filter(Boolean).length).toBeGreaterThan(100);
    expect(answers.filter((a) => !a).length).toBeGreaterThan(100);
  });
});
