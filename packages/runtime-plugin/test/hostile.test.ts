// The hostile-input table: whatever is on the page — another Concord copy's registry, a frozen or throwing
// beacon array, hostile beacon records, a read-only or throwing `__CONCORD__`, corrupt federation data,
// containers Concord cannot check — every load goes through in `warn` mode and in `throw` mode the page's
// real verdicts stand. Each case runs on the REAL runtimes (2.9.3 + 2.9.1, and an all-2.8.1 page), in both
// modes, and asserts the code it must produce (or that it produces none), that the loads, the share scope
// and the other findings are exactly those of the same page without the hostile input, and that the
// hostile thing itself is left as it was.
import concord, { getDiagnostics, getInstances } from '@concord/runtime-plugin';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type AppSpec,
  federation,
  page,
  quietly,
  type RUNTIMES,
  type Runtime,
  resetQuietPage,
  rspackRemote,
  viteRemote,
} from './harness';

// biome-ignore lint/suspicious/noExplicitAny: fault injection into untyped globals
const G = globalThis as any;
const REGISTRY = Symbol.for('concord.registry');
const BEACONS = Symbol.for('concord.beacons');
const boom = () => {
  throw new Error('boom');
};
/** A property of globalThis, configurable so that the next page can delete it. */
const define = (key: PropertyKey, d: PropertyDescriptor) =>
  Object.defineProperty(globalThis, key, { configurable: true, ...d });
const thrower = new Proxy({}, { get: boom, has: boom, ownKeys: boom, getPrototypeOf: boom });
const record = (over: Record<string, unknown> = {}) => ({
  package: 'zustand',
  version: '5.1.0',
  app: 'host',
  bundler: 'vite',
  ...over,
});

type Mode = 'warn' | 'throw';
type Runtimes = readonly [keyof typeof RUNTIMES, keyof typeof RUNTIMES];

/**
 * Host (Vite) sharing zustand, an Rspack remote and a Vite remote sharing react. In `warn` mode each
 * remote bundles a private jotai, so there ARE findings to keep; in `throw` mode the page is clean, so any
 * failed load would be the hostile input's doing.
 */
async function loadPage(mode: Mode, [hostRuntime, remoteRuntime]: Runtimes) {
  const bundled = (v: string): Record<string, string> => (mode === 'warn' ? { jotai: v } : {});
  const remote = (make: typeof rspackRemote, name: string, bundler: 'rspack' | 'vite', jotai: string) =>
    make(
      {
        name,
        bundler,
        runtime: remoteRuntime,
        concord: { mode },
        shared: { react: { version: '19.3.1' } },
        bundled: bundled(jotai),
      },
      concord,
    );
  const remotes = [
    remote(rspackRemote, 'catalog', 'rspack', '2.0.0'),
    remote(viteRemote, 'cart', 'vite', '2.1.0'),
  ];
  const host: AppSpec = {
    name: 'host',
    bundler: 'vite',
    runtime: hostRuntime,
    shareStrategy: 'loaded-first',
    concord: { mode },
    shared: { zustand: { version: '5.1.0', singleton: true } },
  };
  return quietly(async () => {
    const p = page(host, remotes, concord);
    const loaded = [(await p.load('zustand')).version];
    for (const r of remotes) loaded.push((await p.loadRemote(r.spec.name)).app);
    return loaded;
  });
}

/** What the page did: the loads, the share scope's loaded versions, and the findings. */
async function observe(mode: Mode, runtimes: Runtimes) {
  const { value } = await loadPage(mode, runtimes);
  const share: string[] = [];
  // The containers' own share scopes (the hostile cases add others, unreadable ones among them).
  for (const ins of federation().__INSTANCES__ as { name: string; shareScopeMap: Record<string, object> }[])
    for (const [pkg, versions] of Object.entries(ins.shareScopeMap?.default ?? {}))
      for (const [v, e] of Object.entries(versions as Record<string, { loaded?: boolean; lib?: unknown }>))
        if (e?.loaded || e?.lib) share.push(`${ins.name} ${pkg}@${v}`);
  const diagnostics = getDiagnostics();
  return {
    loads: value,
    share: share.sort(),
    findings: diagnostics.map((d) => `${d.code} ${d.package}`),
    instances: Object.keys(getInstances()).sort(),
    diagnostics,
  };
}

const ownKeys = (o: object) => Reflect.ownKeys(o).map(String).sort();
const BUILTINS = [Object.prototype, Array.prototype, Function.prototype, Map.prototype, Set.prototype];
const builtinKeys = () => BUILTINS.map(ownKeys);

interface Case {
  /** Puts the hostile thing on the page; returns a check that it was left as it was. */
  inject: () => (() => void) | undefined;
  /** The codes (with the package or the fault's place) the case must add, and nothing else. */
  adds: string[];
  /** Beacons cannot register: the findings only beacons give are missing, and nothing else changes. */
  blind?: boolean;
}

const CASES: Record<string, Case> = {
  'a number under the registry key': {
    inject: () => {
      G[REGISTRY] = 42;
      return () => expect(G[REGISTRY]).toBe(42);
    },
    adds: ['CONCORD-209'],
  },
  'a string under the registry key': {
    inject: () => {
      G[REGISTRY] = 'registry';
      return () => expect(G[REGISTRY]).toBe('registry');
    },
    adds: ['CONCORD-209'],
  },
  'null under the registry key': {
    inject: () => {
      G[REGISTRY] = null;
      return () => expect(G[REGISTRY]).toBeNull();
    },
    adds: ['CONCORD-209'],
  },
  'a registry of another shape (an older Concord: arrays instead of Maps)': {
    inject: () => {
      const other = { version: '0.0.9', diagnostics: [], containers: {}, listeners: [] };
      G[REGISTRY] = other;
      const before = JSON.stringify(other);
      return () => expect(JSON.stringify(G[REGISTRY])).toBe(before);
    },
    adds: ['CONCORD-209'],
  },
  'a registry of another shape (Maps, but no watch set)': {
    inject: () => {
      const other = { version: '9.0.0', diagnostics: new Map(), containers: new Map(), listeners: new Set() };
      G[REGISTRY] = other;
      return () => {
        expect(G[REGISTRY]).toBe(other);
        expect([other.diagnostics.size, other.containers.size, other.listeners.size]).toEqual([0, 0, 0]);
      };
    },
    adds: ['CONCORD-209'],
  },
  'a frozen registry of another shape': {
    inject: () => {
      G[REGISTRY] = Object.freeze({ version: '0.0.1' });
      return () => expect(Object.isFrozen(G[REGISTRY])).toBe(true);
    },
    adds: ['CONCORD-209'],
  },
  'a registry key whose getter throws': {
    inject: () => {
      define(REGISTRY, { get: boom });
      return () => expect(() => G[REGISTRY]).toThrow('boom');
    },
    adds: ['CONCORD-209'],
  },
  'a read-only, empty registry key': {
    inject: () => {
      define(REGISTRY, { value: undefined, writable: false });
      return () => expect(Object.getOwnPropertyDescriptor(globalThis, REGISTRY)?.writable).toBe(false);
    },
    adds: ['CONCORD-209'],
  },
  'a registry key whose setter throws': {
    inject: () => {
      define(REGISTRY, { get: () => undefined, set: boom });
      return undefined;
    },
    adds: ['CONCORD-209'],
  },
  'a proxy that throws on every trap under the registry key': {
    inject: () => {
      G[REGISTRY] = thrower;
      return () => expect(G[REGISTRY]).toBe(thrower);
    },
    adds: ['CONCORD-209'],
  },
  'a frozen, empty beacon array': {
    inject: () => {
      const a = Object.freeze([]);
      G[BEACONS] = a;
      return () => expect([G[BEACONS], a.length, Object.isFrozen(a)]).toEqual([a, 0, true]);
    },
    adds: ['CONCORD-207 beacons'],
    blind: true,
  },
  'a frozen beacon array holding a record': {
    inject: () => {
      const a = Object.freeze([Object.freeze(record())]);
      G[BEACONS] = a;
      return () => expect(G[BEACONS]).toEqual([record()]);
    },
    adds: ['CONCORD-207 beacons'],
    blind: true,
  },
  'a sealed beacon array': {
    inject: () => {
      G[BEACONS] = Object.seal([]);
      return () => expect(Object.isSealed(G[BEACONS])).toBe(true);
    },
    adds: ['CONCORD-207 beacons'],
    blind: true,
  },
  'a beacon key whose getter throws': {
    inject: () => {
      define(BEACONS, { get: boom });
      return () => expect(() => G[BEACONS]).toThrow('boom');
    },
    adds: ['CONCORD-207 beacons'],
    blind: true,
  },
  'a read-only beacon key holding a number': {
    inject: () => {
      define(BEACONS, { value: 42, writable: false });
      return () => expect(G[BEACONS]).toBe(42);
    },
    adds: ['CONCORD-207 beacons'],
    blind: true,
  },
  'garbage beacon records (null, numbers, strings, wrong types)': {
    inject: () => {
      G[BEACONS] = [
        null,
        42,
        'zustand',
        { package: 1 },
        record({ version: 2 }),
        record({ app: undefined }),
        [],
      ];
      return undefined;
    },
    adds: [],
  },
  'beacon records whose getters throw': {
    inject: () => {
      G[BEACONS] = [Object.defineProperty({}, 'package', { get: boom, enumerable: true })];
      return undefined;
    },
    adds: [],
  },
  'a beacon record that is a proxy throwing on every trap': {
    inject: () => {
      G[BEACONS] = [thrower];
      return undefined;
    },
    adds: [],
  },
  'a beacon record whose fields change between reads': {
    inject: () => {
      let n = 0;
      G[BEACONS] = [
        Object.defineProperty(record({ app: 'cart' }), 'package', {
          get: () => (n++ % 2 ? { not: 'a string' } : 'jotai'),
          enumerable: true,
        }),
      ];
      return undefined;
    },
    adds: [],
  },
  '10,000 garbage beacon records': {
    inject: () => {
      G[BEACONS] = Array.from({ length: 10_000 }, (_, i) => ({ package: i, version: null }));
      return () => expect(G[BEACONS].length).toBeGreaterThanOrEqual(10_000);
    },
    adds: [],
  },
  'beacons named like Object.prototype members from an app nobody runs': {
    inject: () => {
      G[BEACONS] = [
        record({ package: '__proto__', app: 'toString', bundler: 'webpack' }),
        record({ package: 'constructor', app: 'toString', bundler: 'webpack' }),
      ];
      return () =>
        expect(getInstances()).toEqual(expect.objectContaining({ constructor: expect.any(Array) }));
    },
    // An app with copies on the page but no federation instance: a webpack built-in container.
    adds: ['CONCORD-210'],
  },
  'a copy from a webpack built-in container (beacons, no runtime instance)': {
    inject: () => {
      G[BEACONS] = [record({ package: 'mobx', version: '6.13.0', app: 'legacy', bundler: 'webpack' })];
      return undefined;
    },
    adds: ['CONCORD-210'],
  },
  'a read-only foreign __CONCORD__': {
    inject: () => {
      const foreign = Object.freeze({ getDiagnostics: () => [] });
      define('__CONCORD__', { value: foreign, writable: false });
      return () => expect(G.__CONCORD__).toBe(foreign);
    },
    adds: [],
  },
  'a __CONCORD__ whose getter throws': {
    inject: () => {
      define('__CONCORD__', { get: boom });
      return () => expect(() => G.__CONCORD__).toThrow('boom');
    },
    adds: ['CONCORD-207 __CONCORD__'],
  },
  'a read-only, empty __CONCORD__': {
    inject: () => {
      define('__CONCORD__', { value: undefined, writable: false });
      return () => expect(G.__CONCORD__).toBeUndefined();
    },
    adds: ['CONCORD-207 __CONCORD__'],
  },
  'a share-scope slot whose getter throws': {
    inject: () => {
      G.__FEDERATION__.__SHARE__.ghost = {
        default: { zustand: Object.defineProperty({}, '9.9.9', { get: boom, enumerable: true }) },
      };
      return undefined;
    },
    adds: ['CONCORD-207 share scope'],
  },
  'an instance of a runtime older than 2.6 on the page': {
    inject: () => {
      G.__FEDERATION__.__INSTANCES__.push({
        name: 'fossil',
        version: '2.4.0',
        options: { name: 'fossil', shared: {} },
      });
      return undefined;
    },
    adds: ['CONCORD-210'],
  },
  'an instance whose options throw on read': {
    inject: () => {
      G.__FEDERATION__.__INSTANCES__.push({
        name: 'ghost',
        options: Object.defineProperty({ name: 'ghost' }, 'shared', { get: boom, enumerable: true }),
      });
      return undefined;
    },
    adds: ['CONCORD-207 instance options'],
  },
};

const RUNS: [string, Runtimes][] = [
  ['2.9.3 host, 2.9.1 remotes', ['2.9.3', '2.9.1']],
  ['an all-2.8.1 page', ['2.8.1', '2.8.1']],
];

/** `CONCORD-207` findings are named by where the fault happened, others by package. */
const named = (d: { code: string; package: string; detail?: string }) =>
  d.code === 'CONCORD-207'
    ? `${d.code} ${d.detail?.split(':')[0]}`
    : d.code === 'CONCORD-209' || d.code === 'CONCORD-210'
      ? d.code
      : `${d.code} ${d.package}`;

describe.each(RUNS)('on %s', (_, runtimes) => {
  describe.each(['warn', 'throw'] as const)('in %s mode', (mode) => {
    let baseline: Awaited<ReturnType<typeof observe>>;
    let keys: string[][];
    beforeEach(async () => {
      const restore = resetQuietPage();
      baseline = await observe(mode, runtimes);
      restore();
      resetQuietPage();
      keys = builtinKeys();
    });
    afterEach(() => {
      // No case may leave a builtin prototype changed.
      expect(builtinKeys()).toEqual(keys);
      for (const k of [REGISTRY, BEACONS, '__CONCORD__']) delete G[k];
    });

    it.each(Object.entries(CASES))('%s', async (_, c) => {
      // The page exists (its __FEDERATION__ too) before the input goes on it, as on a real page.
      new Function('return this')();
      G.__FEDERATION__ ??= { __INSTANCES__: [], __SHARE__: {}, __GLOBAL_PLUGIN__: [], moduleInfo: {} };
      const unchanged = c.inject();
      const seen = await observe(mode, runtimes);
      expect(seen.loads).toEqual(baseline.loads);
      expect(seen.share).toEqual(baseline.share);
      const added = seen.diagnostics.map(named).filter((n) => !baseline.findings.includes(n));
      expect([...new Set(added)].sort()).toEqual([...c.adds].sort());
      const kept = [...new Set(baseline.findings.filter((f) => !seen.findings.includes(f)))];
      // Only a blind page (no beacon can register) may miss what beacons alone show: the private jotai.
      expect(kept).toEqual(c.blind && mode === 'warn' ? ['CONCORD-202 jotai', 'CONCORD-203 jotai'] : []);
      unchanged?.();
    });
  });
});
