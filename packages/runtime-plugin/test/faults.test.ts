// A fault inside the plugin never breaks an app's load in `warn` mode: corrupt share scopes, garbage
// beacons, getters that throw, a broken console. Each fault is recorded as CONCORD-207 and the real
// findings still come through.
import concord, { getDiagnostics, getInstances } from '@concord/runtime-plugin';
import { registerInstance } from '@concord/runtime-plugin/beacon';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { type AppSpec, page, quietly, resetQuietPage, rspackRemote, viteRemote } from './harness';

beforeEach(resetQuietPage);

// biome-ignore lint/suspicious/noExplicitAny: fault injection into untyped globals
const G = globalThis as any;
const boom = () => {
  throw new Error('boom');
};
const host: AppSpec = {
  name: 'host',
  bundler: 'vite',
  shared: { zustand: { version: '5.1.0', singleton: true } },
};

/**
 * A page with a Rspack and a Vite remote. In `warn` mode each bundles a private jotai, so there ARE
 * findings to survive the fault; in `throw` mode the page is clean, so any throw would be the fault's.
 */
async function loadPage(mode: 'warn' | 'throw' = 'warn') {
  const bundled = (v: string): Record<string, string> => (mode === 'warn' ? { jotai: v } : {});
  const remotes = [
    rspackRemote(
      {
        name: 'catalog',
        bundler: 'rspack',
        concord: { mode },
        shared: { react: { version: '19.3.1' } },
        bundled: bundled('2.0.0'),
      },
      concord,
    ),
    viteRemote(
      {
        name: 'cart',
        bundler: 'vite',
        concord: { mode },
        shared: { react: { version: '19.3.1' } },
        bundled: bundled('2.1.0'),
      },
      concord,
    ),
  ];
  return quietly(async () => {
    const p = page({ ...host, shareStrategy: 'loaded-first', concord: { mode } }, remotes, concord);
    const loaded = [(await p.load('zustand')).version];
    for (const r of remotes) loaded.push((await p.loadRemote(r.spec.name)).app);
    return loaded;
  });
}

const codes = () => getDiagnostics().map((d) => `${d.code} ${d.package || d.detail?.split(':')[0]}`);

describe.each(['warn', 'throw'] as const)(
  'in %s mode, the page loads and the real findings survive',
  (mode) => {
    it.each([
      [
        'a corrupt __SHARE__ entry (a version slot whose getter throws)',
        () => {
          G.__FEDERATION__.__SHARE__.ghost = {
            default: {
              zustand: {
                get '9.9.9'() {
                  return boom();
                },
              },
            },
          };
        },
      ],
      [
        'an unexpected __SHARE__ shape (a string scope, a null package)',
        () => {
          G.__FEDERATION__.__SHARE__.odd = { default: 'not a scope', other: { jotai: null } };
        },
      ],
      [
        'a beacon array with garbage',
        () => {
          G[Symbol.for('concord.beacons')] = [
            null,
            42,
            'zustand',
            { package: 1 },
            { package: 'jotai', version: 2 },
            Object.defineProperty({}, 'package', { get: boom }),
          ];
        },
      ],
      [
        'a non-array beacon global',
        () => {
          G[Symbol.for('concord.beacons')] = 42;
        },
      ],
      [
        'an instance whose shared declarations throw on read',
        () => {
          G.__FEDERATION__.__INSTANCES__.push({
            name: 'ghost',
            options: Object.defineProperty({ name: 'ghost' }, 'shared', { get: boom }),
          });
        },
      ],
      [
        'an instance whose shared declarations are garbage',
        () => {
          G.__FEDERATION__.__INSTANCES__.push({
            name: 'junk',
            options: { name: 'junk', shared: { zustand: [null, 'x', 42], react: 'not a list' } },
          });
        },
      ],
      [
        'a Vite module cache whose keys throw',
        () => {
          G.__mf_module_cache__ = { share: new Proxy({}, { ownKeys: boom }) };
        },
      ],
      [
        'a Vite module cache with a throwing getter',
        () => {
          G.__mf_module_cache__ = {
            share: Object.defineProperty({}, 'default:zustand', { get: boom, enumerable: true }),
          };
        },
      ],
      [
        'a garbage registry left on the page',
        () => {
          G[Symbol.for('concord.registry')] = 42;
        },
      ],
    ])('%s', async (_, inject) => {
      inject();
      const { value } = await loadPage(mode);
      expect(value).toEqual(['5.1.0', 'catalog', 'cart']);
      if (mode === 'warn')
        // The private jotai copies are still reported (202 + a 203 each) whatever else broke.
        expect(codes()).toEqual(expect.arrayContaining(['CONCORD-202 jotai', 'CONCORD-203 jotai']));
      // Faults of the page itself (207, and 209 for the garbage registry) are the only findings.
      else expect(codes().filter((c) => !/^CONCORD-20[79]/.test(c))).toEqual([]);
    });
  },
);

it('records each internal fault as CONCORD-207 with where it happened', async () => {
  G.__FEDERATION__.__INSTANCES__.push({
    name: 'ghost',
    options: Object.defineProperty({ name: 'ghost' }, 'shared', { get: boom }),
  });
  await loadPage();
  const faults = getDiagnostics().filter((d) => d.code === 'CONCORD-207');
  expect(faults.map((d) => [d.detail, d.severity])).toEqual([['instance options: Error: boom', 'warning']]);
});

it('a throwing onDiagnostic listener is recorded, not propagated', async () => {
  const p = quietly(async () => {
    const remote = rspackRemote(
      { name: 'catalog', bundler: 'rspack', bundled: { zustand: '5.1.0' } },
      concord,
    );
    const pg = page({ ...host, concord: { onDiagnostic: boom } }, [remote], concord);
    await pg.load('zustand');
    return (await pg.loadRemote('catalog')).app;
  });
  expect((await p).value).toBe('catalog');
  expect(codes().sort()).toEqual(['CONCORD-202 zustand', 'CONCORD-203 zustand', 'CONCORD-207 onDiagnostic']);
});

it('a broken console does not break the load', async () => {
  vi.spyOn(console, 'warn').mockImplementation(boom);
  vi.spyOn(console, 'groupCollapsed').mockImplementation(boom);
  const pg = page(
    host,
    [rspackRemote({ name: 'catalog', bundler: 'rspack', bundled: { zustand: '5.1.0' } }, concord)],
    concord,
  );
  await pg.load('zustand');
  expect((await pg.loadRemote('catalog')).app).toBe('catalog');
});

it('a hook called with arguments of an unexpected shape records a fault and returns', async () => {
  const plugin = concord({ app: 'x' }) as unknown as Record<string, (args: unknown) => unknown>;
  for (const hook of [
    'init',
    'resolveShare',
    'afterLoadShare',
    'errorLoadShare',
    'initContainer',
    'beforeGetExpose',
  ])
    expect(() => plugin[hook]!(undefined)).not.toThrow();
  expect(getDiagnostics().every((d) => d.code === 'CONCORD-207')).toBe(true);
  // Each fault names the hook and the container it ran for.
  expect(getDiagnostics().map((d) => d.detail?.split(':')[0])).toContain('init in "x"');
});

it('a beacon registered through the API with garbage fields is ignored', () => {
  registerInstance({ package: 'zustand', version: '5.1.0', app: 'a', bundler: 'vite' });
  registerInstance(null as never);
  expect(getInstances().zustand).toHaveLength(1);
});
