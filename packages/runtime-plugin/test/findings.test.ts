// Every finding, produced by the real runtimes — 2.9.3 (enhanced) and 2.9.1 (what Vite builds bundle)
// side by side on one __FEDERATION__ — for Rspack-style consumers (seen through the share hooks) and
// Vite-style consumers (whose share choices bypass the hooks: seen through the scans and beacons).
import concord, { type ConcordDiagnostic, getDiagnostics, getInstances } from '@concord/runtime-plugin';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  type AppSpec,
  federation,
  KINDS,
  PAIRS,
  page,
  quietly,
  type Remote,
  RUNTIMES,
  resetQuietPage,
  rspackRemote,
  viteRemote,
} from './harness';

beforeEach(resetQuietPage);

type Make = typeof rspackRemote;

const codes = () => getDiagnostics().map((d) => `${d.code} ${d.package}`);
const only = (code: string) => getDiagnostics().filter((d) => d.code === code);
const facts = (d: ConcordDiagnostic) => ({
  package: d.package,
  versions: d.versions,
  requiredVersion: d.requiredVersion,
  consumer: d.consumer,
  provider: d.provider,
});

const hostSpec = (over: Partial<AppSpec> = {}): AppSpec => ({
  name: 'host',
  bundler: 'vite',
  shared: { zustand: { version: '5.1.0', singleton: true } },
  ...over,
});

/** Builds the page, loads what the host uses, then every remote; returns the console lines. */
async function run(host: AppSpec, remotes: Remote[], load = ['zustand']) {
  const { lines, value } = await quietly(async () => {
    const p = page(host, remotes, concord);
    for (const pkg of load) await p.load(pkg);
    const loaded = [];
    for (const r of remotes) loaded.push(await p.loadRemote(r.spec.name));
    return loaded;
  });
  return { lines, modules: value };
}

describe.each(PAIRS)('host on runtime %s, remotes on %s', (hostRuntime, remoteRuntime) => {
  const host = (over: Partial<AppSpec> = {}) => hostSpec({ runtime: hostRuntime, ...over });
  const remote = (make: Make, spec: AppSpec) => make({ runtime: remoteRuntime, ...spec }, concord);

  describe('CONCORD-201 a singleton whose requiredVersion the live version does not satisfy', () => {
    it('names the Rspack consumer (seen in the resolver) and the provider', async () => {
      const catalog = remote(rspackRemote, {
        name: 'catalog',
        bundler: 'rspack',
        shared: { zustand: { version: '4.5.0', singleton: true } },
      });
      const { lines, modules } = await run(host(), [catalog]);
      // The runtime gave catalog the host's 5.1.0 and said so only with its uncoded warning.
      expect(modules[0]!.deps.zustand).toMatchObject({ version: '5.1.0', evaluatedBy: 'host' });
      expect(lines.some((l) => l.includes('does not satisfy the requirement of catalog'))).toBe(true);
      expect(only('CONCORD-201').map(facts)).toEqual([
        {
          package: 'zustand',
          versions: ['5.1.0'],
          requiredVersion: '^4.5.0',
          consumer: { app: 'catalog', bundler: 'rspack' },
          provider: { app: 'host', bundler: 'vite' },
        },
      ]);
    });

    it('names the Vite consumer (its share choice never reaches the hooks)', async () => {
      const cart = remote(viteRemote, {
        name: 'cart',
        bundler: 'vite',
        shared: { zustand: { version: '4.5.0', singleton: true } },
      });
      // loaded-first: the remote initialises when first used, so its bridge finds the host's copy.
      const { modules } = await run(host({ shareStrategy: 'loaded-first' }), [cart]);
      expect(modules[0]!.deps.zustand).toMatchObject({ version: '5.1.0', evaluatedBy: 'host' });
      expect(only('CONCORD-201').map(facts)).toEqual([
        {
          package: 'zustand',
          versions: ['5.1.0'],
          requiredVersion: '^4.5.0',
          consumer: { app: 'cart', bundler: 'vite' },
          provider: { app: 'host', bundler: 'vite' },
        },
      ]);
    });

    it('names the real provider although the runtime overwrote `from` on load', async () => {
      // cart provides 5.1.0; the host (accepting >=4) loads it; `from` then says "host".
      const cart = remote(rspackRemote, {
        name: 'cart',
        bundler: 'rspack',
        shared: { zustand: { version: '5.1.0', singleton: true } },
      });
      const catalog = remote(rspackRemote, {
        name: 'catalog',
        bundler: 'rspack',
        shared: { zustand: { version: '4.5.0', singleton: true } },
      });
      await run(
        host({ shared: { zustand: { version: '4.6.0', singleton: true, requiredVersion: '>=4' } } }),
        [cart, catalog],
      );
      const slot = federation().__SHARE__.host.default.zustand['5.1.0'];
      expect(slot.from).toBe('host');
      expect(only('CONCORD-201').map((d) => [d.consumer?.app, d.provider])).toEqual([
        ['catalog', { app: 'cart', bundler: 'rspack' }],
      ]);
    });

    it('stays silent when the range is satisfied', async () => {
      const catalog = remote(rspackRemote, {
        name: 'catalog',
        bundler: 'rspack',
        shared: { zustand: { version: '5.0.2', singleton: true } },
      });
      await run(host(), [catalog]);
      expect(codes()).toEqual([]);
    });
  });

  describe('CONCORD-202 a watched package live in more than one copy', () => {
    it('two loaded versions in the share scope (non-singleton version split)', async () => {
      const catalog = remote(rspackRemote, {
        name: 'catalog',
        bundler: 'rspack',
        shared: { zustand: { version: '4.5.0' } },
      });
      const { modules } = await run(host({ shared: { zustand: { version: '5.1.0' } } }), [catalog]);
      expect(modules[0]!.deps.zustand).toMatchObject({ version: '4.5.0', evaluatedBy: 'catalog' });
      const [d] = only('CONCORD-202');
      expect(d?.versions).toEqual(['5.1.0', '4.5.0']);
      expect(d?.copies?.map((c) => `${c.version} ${c.app} ${c.bundler}`)).toEqual([
        '5.1.0 host vite',
        '4.5.0 catalog rspack',
      ]);
    });

    it('also without beacons: the share scope alone shows two loaded versions', async () => {
      const catalog = remote(rspackRemote, {
        name: 'catalog',
        bundler: 'rspack',
        beacons: false,
        shared: { zustand: { version: '4.5.0' } },
      });
      await run(host({ beacons: false, shared: { zustand: { version: '5.1.0' } } }), [catalog]);
      expect(only('CONCORD-202')[0]?.copies?.map((c) => `${c.version} ${c.app} ${c.source}`)).toEqual([
        '5.1.0 host share-scope',
        '4.5.0 catalog share-scope',
      ]);
    });

    it.each(KINDS)(
      'a same-version second copy (%s remote on its local fallback), seen by beacons',
      async (bundler, make) => {
        // The remote initialises before the host loaded anything, finds no loaded provider and falls
        // back to its own copy of the SAME version: one share-scope slot, two evaluated copies.
        const spec: AppSpec = {
          name: 'cart',
          bundler,
          shared: { zustand: { version: '5.1.0', singleton: true } },
        };
        if (bundler === 'rspack') spec.shared = {};
        if (bundler === 'rspack')
          spec.consumes = { zustand: { version: '5.1.0', requiredVersion: '^6.0.0' } };
        await run(host(), [remote(make, spec)]);
        const [d] = only('CONCORD-202');
        expect(d?.copies?.map((c) => `${c.version} ${c.app} ${c.source}`)).toEqual([
          '5.1.0 host beacon',
          '5.1.0 cart beacon',
        ]);
      },
    );

    it('two different module objects in the Vite module cache (no beacons)', async () => {
      const a = remote(viteRemote, {
        name: 'a',
        bundler: 'vite',
        beacons: false,
        shared: { jotai: { version: '2.1.0' } },
      });
      const b = remote(viteRemote, {
        name: 'b',
        bundler: 'vite',
        beacons: false,
        shared: { jotai: { version: '2.2.0' } },
      });
      await run(host({ beacons: false }), [a, b]);
      expect(getInstances().jotai?.map((c) => `${c.version} ${c.app} ${c.source}`)).toEqual([
        '2.1.0 a module-cache',
        '2.2.0 b module-cache',
      ]);
      expect(only('CONCORD-202').map((d) => d.package)).toEqual(['jotai']);
    });

    it('ignores unwatched packages', async () => {
      const catalog = remote(rspackRemote, {
        name: 'catalog',
        bundler: 'rspack',
        shared: { lodash: { version: '4.17.0', requiredVersion: '~4.17.0' } },
      });
      await run(host({ shared: { lodash: { version: '4.18.0' } } }), [catalog], ['lodash']);
      expect(getInstances().lodash).toHaveLength(2);
      expect(codes()).toEqual([]);
    });
  });

  describe('CONCORD-203 a watched package running as a private copy', () => {
    it.each(KINDS)('in a %s app that did not share it', async (bundler, make) => {
      await run(host(), [remote(make, { name: 'catalog', bundler, bundled: { zustand: '5.1.0' } })]);
      expect(only('CONCORD-203').map(facts)).toEqual([
        {
          package: 'zustand',
          versions: ['5.1.0'],
          requiredVersion: undefined,
          consumer: { app: 'catalog', bundler },
          provider: undefined,
        },
      ]);
      expect(codes()).toEqual(['CONCORD-202 zustand', 'CONCORD-203 zustand']);
    });

    it('reports a lone private copy too (the next app that shares it makes a duplicate)', async () => {
      await run(host(), [
        remote(rspackRemote, { name: 'catalog', bundler: 'rspack', bundled: { jotai: '2.0.0' } }),
      ]);
      expect(codes()).toEqual(['CONCORD-203 jotai']);
    });

    it('needs the app to run Concord: without its instance, a copy is only a copy', async () => {
      await run(host(), [
        remote(rspackRemote, {
          name: 'legacy',
          bundler: 'rspack',
          concord: false,
          bundled: { jotai: '2.0.0' },
        }),
      ]);
      expect(codes()).toEqual([]);
      expect(getInstances().jotai).toEqual([
        { package: 'jotai', version: '2.0.0', app: 'legacy', bundler: 'rspack', source: 'beacon' },
      ]);
    });
  });

  describe('CONCORD-205 the silent local fallback', () => {
    it('errorLoadShare with recovered: true for a watched package', async () => {
      const catalog = remote(rspackRemote, {
        name: 'catalog',
        bundler: 'rspack',
        consumes: { zustand: { version: '4.5.0', requiredVersion: '^4.5.0' } },
      });
      const { modules } = await run(host({ shared: { zustand: { version: '5.1.0' } } }), [catalog]);
      expect(modules[0]!.deps.zustand).toMatchObject({ version: '4.5.0', evaluatedBy: 'catalog' });
      expect(only('CONCORD-205').map(facts)).toEqual([
        {
          package: 'zustand',
          versions: ['5.1.0'],
          requiredVersion: '^4.5.0',
          consumer: { app: 'catalog', bundler: 'rspack' },
          provider: undefined,
        },
      ]);
      expect(codes()).toContain('CONCORD-202 zustand');
    });
  });

  describe('CONCORD-204 singleton declared by one container and not by another', () => {
    it.each(KINDS)('host singleton, %s remote not', async (bundler, make) => {
      await run(host(), [
        remote(make, { name: 'catalog', bundler, shared: { zustand: { version: '5.1.0' } } }),
      ]);
      expect(only('CONCORD-204').map(facts)).toEqual([
        {
          package: 'zustand',
          versions: [],
          requiredVersion: undefined,
          consumer: { app: 'catalog', bundler },
          provider: { app: 'host', bundler: 'vite' },
        },
      ]);
    });
  });

  describe('CONCORD-206 a suspicious range', () => {
    it.each([
      ['workspace:*', 'workspace:*', ['5.1.0']],
      ['null', null, ['5.1.0']],
      ['an exact pin off the provider patch', '5.1.1', ['5.1.1', '5.1.2']],
    ] as const)('%s', async (_, requiredVersion, versions) => {
      const shared = { zustand: { version: versions[0], singleton: true, requiredVersion } };
      const provider = { zustand: { version: versions[1] ?? '5.1.0', singleton: true } };
      await run(host({ shared: provider }), [
        remote(rspackRemote, { name: 'catalog', bundler: 'rspack', shared }),
      ]);
      const [d] = only('CONCORD-206');
      expect(d && facts(d)).toMatchObject({
        package: 'zustand',
        requiredVersion,
        versions,
        consumer: { app: 'catalog', bundler: 'rspack' },
      });
      if (versions[1]) expect(d?.provider).toEqual({ app: 'host', bundler: 'vite' });
    });
  });
});

it('runs both runtime versions on one __FEDERATION__', async () => {
  const catalog = rspackRemote({ name: 'catalog', bundler: 'rspack', runtime: '2.9.3' }, concord);
  const cart = viteRemote({ name: 'cart', bundler: 'vite', runtime: '2.9.1' }, concord);
  await run(hostSpec({ runtime: '2.9.1' }), [catalog, cart]);
  const instances = federation().__INSTANCES__;
  expect(instances.map((i: { name: string; version: string }) => `${i.name}@${i.version}`).sort()).toEqual([
    'cart@2.9.1',
    'catalog@2.9.3',
    'host@2.9.1',
  ]);
  expect(RUNTIMES['2.9.1']).not.toBe(RUNTIMES['2.9.3']);
});
