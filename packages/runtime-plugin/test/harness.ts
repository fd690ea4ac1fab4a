// A page of federated containers in Node, on the REAL runtimes: 2.9.3 (what @module-federation/enhanced
// ships) and 2.9.1 (what @module-federation/vite 1.23 bundles), side by side on one __FEDERATION__; and
// the older 2.8.1 and 2.6.0 for the runtime-range tests.
// Remotes are in-memory remote entries `{ init, get }` handed to the host through a `loadEntry` hook.
//
//  - rspack containers follow @module-federation/webpack-bundler-runtime: `runtime.init(initOptions)`
//    at startup; `init()` = initOptions + initShareScopeMap + initializeSharing(from: 'build');
//    each consumed share = `loadShare(pkg, { customShareInfo })`, `false` → the bundled fallback.
//  - vite containers follow @module-federation/vite's generated remoteEntry: `init()` creates the
//    instance and registers its shares, then "bridges" providers from the share scope straight into
//    `globalThis.__mf_module_cache__.share` WITHOUT the share hooks; its modules read that cache and
//    fall back to their own copy — the blind spot the plugin must see through. As in 1.23.8, a
//    non-singleton share with nothing filed under its own version gets the singleton's module (of any
//    version), and an `eager` share evaluates its own copy before the cache is read.
//
// Every evaluated copy of a library runs the real beacon snippet from `@concord/runtime-plugin/inject`.
import type concord from '@concord/runtime-plugin';
import type { ConcordRuntimeOptions } from '@concord/runtime-plugin';
import { beaconSnippet } from '@concord/runtime-plugin/inject';
import * as runtime293 from '@module-federation/runtime';
import * as runtime26 from '@module-federation/runtime-2-6';
import * as runtime28 from '@module-federation/runtime-2-8';
import * as runtime291 from '@module-federation/runtime-2-9-1';
import { vi } from 'vitest';

// biome-ignore lint/suspicious/noExplicitAny: test boundary with runtime objects
type Any = any;
export type Runtime = typeof runtime293;
export const RUNTIMES = {
  '2.9.3': runtime293,
  '2.9.1': runtime291 as unknown as Runtime,
  // Older runtimes people still run: enhanced 2.8.x (no `satisfy` export) and what @module-federation/vite
  // 1.16.x bundles (2.6).
  '2.8.1': runtime28 as unknown as Runtime,
  '2.6.0': runtime26 as unknown as Runtime,
};
export type Factory = typeof concord;

export interface Share {
  version: string;
  singleton?: boolean;
  requiredVersion?: string | false | null;
  strictVersion?: boolean;
}

export interface AppSpec {
  name: string;
  bundler: 'vite' | 'rspack' | 'webpack';
  /** Declared shared packages. */
  shared?: Record<string, Share>;
  /** Packages bundled privately (left out of `shared`): package → version. */
  bundled?: Record<string, string>;
  /** Shares this container consumes with a bundled fallback but does not provide (rspack). */
  consumes?: Record<string, Share>;
  /** Plugin options; `false` for a container built without Concord. */
  concord?: ConcordRuntimeOptions | false;
  /** Which runtime the container bundles (default: 2.9.3 for rspack, 2.9.1 for vite). */
  runtime?: keyof typeof RUNTIMES;
  /** Which plugin copy the container bundles. */
  plugin?: Factory;
  /** Host only: `loaded-first` inits remotes when they are first used, not on the first loadShare. */
  shareStrategy?: 'version-first' | 'loaded-first';
  /**
   * Host only: declares its remotes as a @module-federation/vite host does — under an internal name
   * (`__mfe_internal__host__…__cart`), with the container's name as `alias`.
   */
  internalRemoteNames?: boolean;
  /** `false`: the container's libraries carry no beacon (built without Concord's build plugins). */
  beacons?: boolean;
  /**
   * Vite only: shares whose own copy the container imports statically, so it evaluates before the module
   * cache is read — @module-federation/vite 1.23.8 does so for a workspace singleton that another shared
   * singleton depends on (`usesEagerWorkspaceFallback`); the cache's module, when there, is still the
   * one the container runs.
   */
  eager?: string[];
  /**
   * Host only: starts as a @module-federation/vite host does. Its remoteEntry's `init()` seeds the host's own
   * copy of each share into the module cache before the runtime shares anything (`__mfSeedLocalShared`: no
   * other container is known yet), under the host's name; loading a share through the runtime then files
   * what the runtime picked over it (the bridge), under the `from` of the slot it came from — which the
   * runtime has overwritten with the host's name — and the host's modules run that.
   */
  seeds?: boolean;
}

/** A library module object: one per evaluation, so identity tells copies apart. */
export interface Lib {
  pkg: string;
  version: string;
  evaluatedBy: string;
}

const G = globalThis as Any;

/** The page's `__FEDERATION__` global. */
export const federation = (): Any => G.__FEDERATION__;

/** Evaluates one copy of a library's entry module, with the beacon the build plugins append. */
export function evaluate(pkg: string, version: string, app: string, bundler: string, beacon = true): Lib {
  const lib = { pkg, version, evaluatedBy: app };
  if (beacon) new Function(beaconSnippet({ package: pkg, version, app, bundler }))();
  return lib;
}

/** Clears everything a page holds: federation globals, Concord's registry and beacons, Vite's cache. */
export function resetPage() {
  const F = G.__FEDERATION__;
  if (F) {
    F.__INSTANCES__ = [];
    F.__SHARE__ = {};
    F.__GLOBAL_PLUGIN__ = [];
    F.moduleInfo = {};
  }
  for (const k of Object.keys(G.__GLOBAL_LOADING_REMOTE_ENTRY__ ?? {}))
    delete G.__GLOBAL_LOADING_REMOTE_ENTRY__[k];
  delete G[Symbol.for('concord.registry')];
  delete G[Symbol.for('concord.beacons')];
  delete G.__CONCORD__;
  delete G.__mf_module_cache__;
}

/**
 * `beforeEach(resetQuietPage)`: a fresh page, and a console that stays quiet while the test runs (findings
 * that scans outside `quietly` report would print); restored after the test.
 */
export function resetQuietPage() {
  resetPage();
  for (const k of ['warn', 'groupCollapsed', 'groupEnd'] as const)
    vi.spyOn(console, k).mockImplementation(() => {});
  return () => vi.restoreAllMocks();
}

const pluginOf = (spec: AppSpec, fallback: Factory) =>
  spec.concord === false
    ? []
    : [(spec.plugin ?? fallback)({ app: spec.name, bundler: spec.bundler, ...spec.concord })];

const shareConfig = (s: Share) => ({
  singleton: !!s.singleton,
  requiredVersion: s.requiredVersion === undefined ? `^${s.version}` : s.requiredVersion,
  strictVersion: !!s.strictVersion,
  eager: false,
});

/** The container's own copies, evaluated at most once each (like modules in one bundle). */
function ownCopies(spec: AppSpec) {
  const cache = new Map<string, Lib>();
  return (pkg: string, version: string) =>
    cache.get(pkg) ??
    (cache.set(pkg, evaluate(pkg, version, spec.name, spec.bundler, spec.beacons !== false)).get(pkg) as Lib);
}

const declared = (spec: AppSpec, own: (pkg: string, v: string) => Lib) =>
  Object.fromEntries(
    Object.entries(spec.shared ?? {}).map(([pkg, s]) => [
      pkg,
      {
        version: s.version,
        scope: ['default'],
        get: async () => () => own(pkg, s.version),
        shareConfig: shareConfig(s),
      },
    ]),
  );

export interface Remote {
  spec: AppSpec;
  entry: () => Any;
}

/** An Rspack (enhanced) container's remote entry. */
export function rspackRemote(spec: AppSpec, plugin: Factory): Remote {
  const rt = RUNTIMES[spec.runtime ?? '2.9.3'];
  const own = ownCopies(spec);
  return {
    spec,
    entry: () => {
      // The bundle's startup: webpack-bundler-runtime `init()` → `runtime.init(initOptions)`.
      const ins: Any = rt.init({
        name: spec.name,
        remotes: [],
        shared: declared(spec, own) as Any,
        plugins: pluginOf(spec, plugin),
      });
      return {
        init(shareScope: Any, initScope: Any, remoteEntryInitOptions: Any) {
          ins.initOptions({ name: spec.name, remotes: [], ...remoteEntryInitOptions });
          ins.initShareScopeMap('default', shareScope, {
            hostShareScopeMap: remoteEntryInitOptions?.shareScopeMap ?? {},
          });
          return Promise.all(
            ins.initializeSharing('default', {
              strategy: ins.options.shareStrategy,
              initScope,
              from: 'build',
            }),
          );
        },
        async get() {
          // The exposed chunk's consumes, then its bundled (private) dependencies.
          const deps: Record<string, Lib> = {};
          const consumed = { ...spec.shared, ...spec.consumes };
          for (const [pkg, s] of Object.entries(consumed)) {
            const factory = await ins.loadShare(pkg, {
              customShareInfo: { shareConfig: shareConfig(s), scope: ['default'] },
              context: { trigger: 'build' },
            });
            deps[pkg] = factory === false ? own(pkg, s.version) : factory();
          }
          for (const [pkg, v] of Object.entries(spec.bundled ?? {})) deps[pkg] = own(pkg, v);
          return () => ({ app: spec.name, deps });
        },
      };
    },
  };
}

/** @module-federation/vite's module cache (`__mf_module_cache__.share`). */
const cache = () => {
  G.__mf_module_cache__ ||= { share: {}, remote: {} };
  return G.__mf_module_cache__.share;
};
const OWNERS = Symbol.for('module-federation.shared-cache-owners');
/** A share's module-cache key: `scope:pkg` for a singleton, `scope:pkg@version` otherwise. */
const key = (pkg: string, s: Share) => `default:${s.singleton ? pkg : `${pkg}@${s.version}`}`;
/** Files `value` under `k` with its owner; only into an empty key unless `over` (the bridge's rebind). */
const write = (k: string, value: unknown, owner: string, over = false) => {
  const c = cache();
  if (c[k] !== undefined && !over) return;
  c[k] = value;
  if (!c[OWNERS]) Object.defineProperty(c, OWNERS, { value: {}, enumerable: false });
  c[OWNERS][k] = owner;
};

/** A Vite (@module-federation/vite) container's remote entry. */
export function viteRemote(spec: AppSpec, plugin: Factory): Remote {
  const rt = RUNTIMES[spec.runtime ?? '2.9.1'];
  const own = ownCopies(spec);
  return {
    spec,
    entry: () => ({
      async init(shared: Any, initScope: Any) {
        const usedShared = Object.fromEntries(
          Object.entries(spec.shared ?? {}).map(([pkg, s]) => [
            pkg,
            {
              name: pkg,
              version: s.version,
              scope: ['default'],
              from: spec.name,
              loaded: false,
              get: async () => () => own(pkg, s.version),
              shareConfig: shareConfig(s),
            },
          ]),
        );
        const ins: Any = rt.init({
          name: spec.name,
          remotes: [],
          shared: usedShared as Any,
          plugins: pluginOf(spec, plugin),
        });
        ins.initShareScopeMap('default', shared);
        await Promise.all(
          ins.initializeSharing('default', { strategy: 'version-first', from: 'build', initScope }),
        );
        // Bridge loaded providers into the module cache, reading the scope directly (no share hooks).
        for (const [pkg, s] of Object.entries(spec.shared ?? {})) {
          const versions = shared[pkg] ?? {};
          const loaded = Object.keys(versions).filter((v) => versions[v].lib);
          const pick = s.singleton ? loaded[0] : loaded.find((v) => v === s.version);
          if (pick) write(key(pkg, s), versions[pick].lib(), versions[pick].from);
        }
        // Then a share with nothing under its own key takes the singleton's module and owner, whatever
        // its version: how 1.23.8 hands a non-singleton request another version.
        for (const [pkg, s] of Object.entries(spec.shared ?? {})) {
          const single = `default:${pkg}`;
          if (cache()[key(pkg, s)] === undefined && cache()[single] !== undefined)
            write(key(pkg, s), cache()[single], cache()[OWNERS][single]);
        }
      },
      async get() {
        return () => {
          const deps: Record<string, Lib> = {};
          for (const [pkg, s] of Object.entries(spec.shared ?? {})) {
            const k = key(pkg, s);
            if (spec.eager?.includes(pkg)) own(pkg, s.version);
            if (cache()[k] === undefined) write(k, own(pkg, s.version), spec.name);
            deps[pkg] = cache()[k];
          }
          for (const [pkg, v] of Object.entries(spec.bundled ?? {})) deps[pkg] = own(pkg, v);
          return { app: spec.name, deps };
        };
      },
    }),
  };
}

/**
 * A webpack container built with webpack's OWN ModuleFederationPlugin (`webpack.container`): no
 * @module-federation/runtime instance, no runtime plugin. Its `init(shareScope)` registers its shares into
 * the scope the host hands it as webpack's ShareRuntimeModule does (`{ get, from: uniqueName, eager }`,
 * kept only when the version is new), and its modules take the highest registered version, else their own
 * copy.
 */
export function webpackBuiltinRemote(spec: AppSpec): Remote {
  const own = ownCopies(spec);
  let scope: Any;
  return {
    spec,
    entry: () => ({
      init(shareScope: Any) {
        scope = shareScope;
        for (const [pkg, s] of Object.entries(spec.shared ?? {})) {
          shareScope[pkg] ??= {};
          const versions = shareScope[pkg];
          if (!versions[s.version])
            versions[s.version] = {
              get: () => Promise.resolve(() => own(pkg, s.version)),
              from: spec.name,
              eager: false,
            };
        }
      },
      async get() {
        const deps: Record<string, Lib> = {};
        for (const [pkg, s] of Object.entries(spec.shared ?? {})) {
          const versions = scope?.[pkg] ?? {};
          const highest = Object.keys(versions).sort((a, b) =>
            b.localeCompare(a, 'en', { numeric: true }),
          )[0];
          const entry = highest ? versions[highest] : undefined;
          if (entry) entry.loaded = 1;
          deps[pkg] = entry ? (await entry.get())() : own(pkg, s.version);
        }
        for (const [pkg, v] of Object.entries(spec.bundled ?? {})) deps[pkg] = own(pkg, v);
        return () => ({ app: spec.name, deps });
      },
    }),
  };
}

/** Both kinds of remote, for `describe.each` / `it.each`. */
export const KINDS = [
  ['rspack', rspackRemote],
  ['vite', viteRemote],
] as const;

/** Host and remotes on different runtimes, both ways round: [host runtime, remote runtime]. */
export const PAIRS = [
  ['2.9.3', '2.9.1'],
  ['2.9.1', '2.9.3'],
  // A 2.8 container next to 2.9 ones, both ways round, and pages all on 2.8 or all on 2.6.
  ['2.9.3', '2.8.1'],
  ['2.8.1', '2.9.3'],
  ['2.8.1', '2.8.1'],
  ['2.6.0', '2.6.0'],
] as const;

export interface Page {
  host: Any;
  /** Loads a shared package in the host, as the host's own code would. */
  load(pkg: string): Promise<Lib>;
  /** Loads a remote's exposed module through the host. */
  loadRemote(name: string): Promise<{ app: string; deps: Record<string, Lib> }>;
}

/** A host (a runtime-driven container) and its remotes. */
export function page(host: AppSpec, remotes: Remote[], plugin: Factory): Page {
  const rt = RUNTIMES[host.runtime ?? '2.9.3'];
  const own = ownCopies(host);
  const entries = new Map(remotes.map((r) => [r.spec.name, r]));
  const memoryLoader = {
    name: 'memory-loader',
    loadEntry: ({ remoteInfo }: Any) =>
      (entries.get(remoteInfo.name) ?? entries.get(remoteInfo.alias))?.entry(),
  };
  const ins: Any = rt.createInstance({
    name: host.name,
    remotes: remotes.map((r) => ({
      entry: `http://127.0.0.1/${r.spec.name}/remoteEntry.js`,
      ...(host.internalRemoteNames
        ? { name: `__mfe_internal__${host.name}__mf_owner__1__${r.spec.name}`, alias: r.spec.name }
        : { name: r.spec.name }),
    })),
    shared: declared(host, own) as Any,
    plugins: [...pluginOf(host, plugin), memoryLoader as Any],
    ...(host.shareStrategy && { shareStrategy: host.shareStrategy }),
  });
  if (host.seeds)
    for (const [pkg, s] of Object.entries(host.shared ?? {}))
      write(key(pkg, s), own(pkg, s.version), host.name);
  return {
    host: ins,
    async load(pkg) {
      const factory = await ins.loadShare(pkg);
      const lib: Lib = factory === false ? own(pkg, host.shared![pkg]!.version) : factory();
      if (host.seeds && factory) {
        const versions = ins.shareScopeMap.default[pkg];
        const slot = Object.values(versions).find((e: Any) => e.lib?.() === lib) as Any;
        write(key(pkg, host.shared![pkg]!), lib, slot.from, true);
      }
      return lib;
    },
    async loadRemote(name) {
      return ins.loadRemote(`${name}/App`);
    },
  };
}

/** Collects what the console receives while `fn` runs and right after (the batched scan). */
export async function quietly<T>(fn: () => Promise<T> | T) {
  const lines: string[] = [];
  const saved = { ...console };
  for (const k of ['warn', 'error', 'log', 'groupCollapsed', 'groupEnd', 'info'] as const)
    console[k] = (...args: unknown[]) =>
      void lines.push(`${k}: ${args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ')}`);
  try {
    const value = await fn();
    // Let the plugin's batched scan (a timer) run, as it would right after on a page.
    await new Promise((resolve) => setTimeout(resolve, 0));
    return { value, lines };
  } finally {
    Object.assign(console, saved);
  }
}
