// What a Vite container evaluates is not always what it runs: its modules run the module that Vite's
// module cache (`__mf_module_cache__.share`) holds under their key. Two consequences, on the real runtimes:
//  - a copy evaluated while the cache already held the module to run is dormant, not a second copy
//    (@module-federation/vite 1.23.8 imports a workspace singleton that another shared singleton depends
//    on eagerly) — and a copy evaluated into an empty cache is live, and still a duplicate;
//  - a non-singleton request with nothing filed under its own version gets the singleton's module, of
//    another version: CONCORD-201 names the version it really runs, and no phantom copy is listed;
//  - a Vite host files its own copy at init, then the runtime's pick of another version over it, under its
//    own name: the cache holds the pick (CONCORD-201 judges that version, for every app) and the host's
//    copy, which no module runs any more, is no live copy unless a container loads it from the scope.
import concord, {
  assertSingleInstances,
  type ConcordDiagnostic,
  type ConcordRuntimeOptions,
  getDiagnostics,
  getInstances,
} from '@concord/runtime-plugin';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  type AppSpec,
  evaluate,
  PAIRS,
  page,
  quietly,
  type Remote,
  resetQuietPage,
  rspackRemote,
  viteRemote,
} from './harness';

beforeEach(resetQuietPage);

const STATE = '@concord/shared-state';
const codes = () => getDiagnostics().map((d) => `${d.code} ${d.package}`);
const copies = (pkg: string) => getInstances()[pkg]?.map((c) => `${c.version} ${c.app} ${c.source}`);
const beacons = () =>
  ((globalThis as Record<symbol, unknown>)[Symbol.for('concord.beacons')] as Record<string, unknown>[]).map(
    (b) => `${b.package} ${b.app}${b.dormant ? ' dormant' : ''}`,
  );
const facts = (d: ConcordDiagnostic) => ({
  versions: d.versions,
  requiredVersion: d.requiredVersion,
  consumer: d.consumer,
  provider: d.provider,
});

/** Loads what the host uses, then each remote; returns each remote's outcome (its deps, or the error). */
async function run(host: AppSpec, remotes: Remote[], load: string[]) {
  const { value } = await quietly(async () => {
    const p = page(host, remotes, concord);
    for (const pkg of load) await p.load(pkg);
    const out: Record<string, unknown> = {};
    for (const r of remotes)
      out[r.spec.name] = await p.loadRemote(r.spec.name).then(
        (m) =>
          Object.fromEntries(Object.entries(m.deps).map(([k, d]) => [k, `${d.version} ${d.evaluatedBy}`])),
        (e: { code?: string }) => e.code,
      );
    return out;
  });
  return value;
}

describe.each(PAIRS)('host on runtime %s, Vite remotes on %s', (hostRuntime, remoteRuntime) => {
  const host = (shared: AppSpec['shared'], over: Partial<AppSpec> = {}): AppSpec => ({
    name: 'host',
    bundler: 'vite',
    runtime: hostRuntime,
    shared,
    ...over,
  });
  const vite = (name: string, shared: AppSpec['shared'], over: Partial<AppSpec> = {}) =>
    viteRemote({ name, bundler: 'vite', runtime: remoteRuntime, shared, ...over }, concord);
  const rspack = (name: string, shared: AppSpec['shared']) =>
    rspackRemote({ name, bundler: 'rspack', runtime: remoteRuntime, shared }, concord);
  const state = { [STATE]: { version: '0.1.0', singleton: true } };
  const throwing: ConcordRuntimeOptions = { mode: 'throw' };

  describe('a copy evaluated eagerly while the cache already holds the module to run', () => {
    it('is dormant: no finding, one live copy, assertSingleInstances() passes', async () => {
      // loaded-first: the remotes initialise after the host loaded its copy, and bridge it into the cache.
      const remotes = [vite('cart', state, { eager: [STATE] }), vite('account', state, { eager: [STATE] })];
      const out = await run(host(state, { shareStrategy: 'loaded-first' }), remotes, [STATE]);
      // Each remote evaluated its own copy, and runs the host's.
      expect(out).toEqual({ cart: { [STATE]: '0.1.0 host' }, account: { [STATE]: '0.1.0 host' } });
      expect(beacons()).toEqual([`${STATE} host`, `${STATE} cart dormant`, `${STATE} account dormant`]);
      expect(codes()).toEqual([]);
      expect(copies(STATE)).toEqual(['0.1.0 host beacon']);
      expect(() => assertSingleInstances()).not.toThrow();
    });

    it('does not fail its container in throw mode', async () => {
      const cart = vite('cart', state, { eager: [STATE], concord: throwing });
      const out = await run(host(state, { shareStrategy: 'loaded-first' }), [cart], [STATE]);
      expect(out.cart).toEqual({ [STATE]: '0.1.0 host' });
      expect(codes()).toEqual([]);
    });
  });

  describe('a copy evaluated eagerly into an empty cache', () => {
    // version-first: the host's first loadShare initialises the remote before anything is loaded, and
    // the host's own copy never reaches the cache, so the remote runs the copy it evaluated.
    it('is live: the same-version duplicate is reported', async () => {
      const out = await run(host(state), [vite('cart', state, { eager: [STATE] })], [STATE]);
      expect(out.cart).toEqual({ [STATE]: '0.1.0 cart' });
      expect(codes()).toEqual([`CONCORD-202 ${STATE}`]);
      expect(getDiagnostics()[0]?.copies?.map((c) => `${c.version} ${c.app} ${c.source}`)).toEqual([
        '0.1.0 host beacon',
        '0.1.0 cart beacon',
      ]);
      expect(() => assertSingleInstances()).toThrow(/CONCORD-202 .*@concord\/shared-state/);
    });

    it('fails its own evaluation in throw mode', async () => {
      const cart = vite('cart', state, { eager: [STATE], concord: throwing });
      expect((await run(host(state), [cart], [STATE])).cart).toBe('CONCORD-202');
    });
  });

  describe('a non-singleton request with nothing filed under its own version', () => {
    const zustand5 = { zustand: { version: '5.1.0', singleton: true } };
    const split = { zustand: { version: '4.5.7', requiredVersion: '^4.5.7' } };

    it('runs the singleton’s module: CONCORD-201 names that version, and no phantom copy', async () => {
      // account (a Vite singleton consumer) files the host's 5.1.0 in the cache, as a Vite host would.
      const out = await run(
        host(zustand5, { shareStrategy: 'loaded-first' }),
        [vite('account', zustand5), vite('cart', split)],
        ['zustand'],
      );
      expect(out.cart).toEqual({ zustand: '5.1.0 host' });
      expect(
        getDiagnostics()
          .filter((d) => d.code === 'CONCORD-201')
          .map(facts),
      ).toEqual([
        {
          versions: ['5.1.0'],
          requiredVersion: '^4.5.7',
          consumer: { app: 'cart', bundler: 'vite' },
          provider: { app: 'host', bundler: 'vite' },
        },
      ]);
      expect(codes()).not.toContain('CONCORD-202 zustand');
      expect(copies('zustand')).toEqual(['5.1.0 host beacon']);
    });

    it('fails in throw mode with CONCORD-201', async () => {
      const cart = vite('cart', split, { concord: throwing });
      const out = await run(
        host(zustand5, { shareStrategy: 'loaded-first' }),
        [vite('account', zustand5), cart],
        ['zustand'],
      );
      expect(out.cart).toBe('CONCORD-201');
      expect(out.account).toEqual({ zustand: '5.1.0 host' });
    });

    it('runs its own copy when no singleton is filed: a real second copy, and no CONCORD-201', async () => {
      const out = await run(
        host(zustand5, { shareStrategy: 'loaded-first' }),
        [vite('cart', split)],
        ['zustand'],
      );
      expect(out.cart).toEqual({ zustand: '4.5.7 cart' });
      expect(codes()).toContain('CONCORD-202 zustand');
      expect(codes()).not.toContain('CONCORD-201 zustand');
      expect(copies('zustand')).toEqual(['5.1.0 host beacon', '4.5.7 cart beacon']);
    });
  });

  describe('a Vite host’s own copy, seeded at init, then replaced by the runtime’s pick of another version', () => {
    // The cart-on-contract-2 page: version-first picks cart's 2.0.0 of a singleton the others build on 1.2.0.
    const C = '@acme/contract';
    const v1 = { [C]: { version: '1.2.0', singleton: true } };
    const v2 = { [C]: { version: '2.0.0', singleton: true } };
    // The build plugins add the contract package to every app's watch list.
    const seeding = { seeds: true, concord: { watch: [C] } };
    const unsatisfied = () =>
      getDiagnostics()
        .filter((d) => d.code === 'CONCORD-201')
        .map((d) => `${d.consumer?.app} ← ${d.provider?.app} ${d.versions}`)
        .sort();

    it('is no live copy, and the remote whose copy everyone runs gets no CONCORD-201', async () => {
      const remotes = [vite('cart', v2), vite('account', v1), rspack('catalog', v1)];
      const out = await run(host(v1, seeding), remotes, [C]);
      expect(out).toEqual({
        cart: { [C]: '2.0.0 cart' },
        account: { [C]: '2.0.0 cart' },
        catalog: { [C]: '2.0.0 cart' },
      });
      // What the cache shows: the host filed cart's 2.0.0 under its own name.
      const share = (
        globalThis as unknown as { __mf_module_cache__: { share: Record<PropertyKey, unknown> } }
      ).__mf_module_cache__.share;
      const owners = share[Symbol.for('module-federation.shared-cache-owners')] as Record<string, string>;
      expect(share[`default:${C}`]).toMatchObject({ version: '2.0.0', evaluatedBy: 'cart' });
      expect(owners[`default:${C}`]).toBe('host');
      expect(unsatisfied()).toEqual(['account ← cart 2.0.0', 'catalog ← cart 2.0.0', 'host ← cart 2.0.0']);
      expect(codes()).not.toContain(`CONCORD-202 ${C}`);
      expect(copies(C)).toEqual(['2.0.0 cart share-scope']);
      expect(() => assertSingleInstances()).not.toThrow();
    });

    it('is not judged for a remote while the host starts: its own copy is only filed until the runtime picks', async () => {
      const { value } = await quietly(async () => {
        const p = page(host(v1, seeding), [vite('cart', v2)], concord);
        // version-first: the host's start initialises cart (which registers 2.0.0) before anything loads; a
        // scan now sees the host's own 1.2.0 in the cache, which cart never runs.
        await Promise.all(p.host.initializeSharing('default', { strategy: 'version-first' }));
        const early = unsatisfied();
        await p.load(C);
        return { early, cart: (await p.loadRemote('cart')).deps[C] };
      });
      expect(value.early).toEqual([]);
      expect(value.cart).toMatchObject({ version: '2.0.0', evaluatedBy: 'cart' });
      expect(unsatisfied()).toEqual(['host ← cart 2.0.0']);
    });

    it('is judged for a remote when its module is handed out: then the cache holds what it runs', async () => {
      // Nothing loads the host's 2.0.0 through the runtime: only its filing names it.
      const out = await run(host(v2, seeding), [vite('cart', v1)], []);
      expect(out.cart).toEqual({ [C]: '2.0.0 host' });
      expect(unsatisfied()).toEqual(['cart ← host 2.0.0']);
    });

    it('leaves a private copy of another version counted: only the declared version is seeded', async () => {
      await run(host(v1, seeding), [vite('cart', v2)], [C]);
      // A dependency of the host bundles its own @acme/contract 1.5.0 (with the build plugins' beacon).
      quietly(() => evaluate(C, '1.5.0', 'host', 'vite'));
      expect(copies(C)).toEqual(['1.5.0 host beacon', '2.0.0 cart share-scope']);
      expect(codes()).toContain(`CONCORD-202 ${C}`);
    });

    it('still counts when a container loads it from the share scope: a real second copy', async () => {
      // catalog does not share it as a singleton: the runtime gives it the host's 1.2.0 slot, in its range.
      const catalog = rspack('catalog', { [C]: { version: '1.2.0' } });
      const out = await run(host(v1, seeding), [vite('cart', v2), catalog], [C]);
      expect(out).toEqual({ cart: { [C]: '2.0.0 cart' }, catalog: { [C]: '1.2.0 host' } });
      expect(unsatisfied()).toEqual(['host ← cart 2.0.0']);
      expect(codes()).toContain(`CONCORD-202 ${C}`);
      // Versions only: this host's slot is the runtime's copy of its declaration (createInstance registers
      // one), whose `from` the load overwrote with catalog's name, so nothing on the page names the host.
      expect(
        getInstances()
          [C]?.map((c) => `${c.version} ${c.source}`)
          .sort(),
      ).toEqual(['1.2.0 share-scope', '2.0.0 share-scope']);
      expect(() => assertSingleInstances()).toThrow(/CONCORD-202 .*@acme\/contract/);
    });

    it('is the live copy while the runtime picks it: the same seed, and the remotes run the host’s', async () => {
      const out = await run(host(v2, seeding), [vite('cart', v1)], [C]);
      expect(out.cart).toEqual({ [C]: '2.0.0 host' });
      expect(unsatisfied()).toEqual(['cart ← host 2.0.0']);
      expect(copies(C)).toEqual(['2.0.0 host beacon']);
    });
  });
});
