// The runtime plugin. Every container registers its own instance (the build plugins put it in every
// build's `runtimePlugins`); all instances report into the one page-wide registry.
//
// Hooks only record and flag: the page-wide scan runs once per batch of changes (a timer), and on demand
// (API calls, throw-mode beacons). No `afterRegisterShare`: the runtime emits it for every share on
// every loadShare (85,640 times on the 50-remote benchmark page) and `init`, `initContainer` and
// `afterLoadShare` already flag every change that matters.
//
// Throwing is done only where the runtime lets a throw fail the offending load and nothing else
// (reference §1.2):
//  - the `resolveShare` resolver, replaced for a singleton out of range (Rspack/webpack consumers: the
//    load rejects before anything is loaded);
//  - `beforeGetExpose` for containers whose share choices bypass the hooks (Vite) or that the scan
//    found running an offending copy: their exposes fail;
//  - the beacon of a second copy, inside that copy's own evaluation (any bundler, any load path,
//    including the silent local fallback).
// Never from a container's init: under version-first the host's own loadShare awaits every remote's
// init, so a throw there would fail the host too.
import type { ModuleFederationRuntimePlugin } from '@module-federation/runtime';
import { expose } from './api';
import { hookBeacons } from './beacon-hook';
import { ConcordError } from './error';
import { type ConcordRuntimeOptions, DEFAULTS, type ResolvedOptions, resolveOptions } from './options';
import { appOf, type Instance, type Registry, registry } from './registry';
import { failure, fault, report } from './report';
import { declared, touch, unsatisfied } from './scan';
import { satisfy } from './verdict';
import { VERSION } from './version';

/** The hooks Concord uses, typed by Module Federation's own plugin type. */
type HookName =
  | 'init'
  | 'resolveShare'
  | 'afterLoadShare'
  | 'errorLoadShare'
  | 'initContainer'
  | 'beforeGetExpose';
type Hooks = Required<Pick<ModuleFederationRuntimePlugin, HookName>>;
type Args<K extends HookName> = Parameters<Hooks[K]>[0];

/**
 * The object handed to the runtime: `{ name: 'concord', version, ...hooks }`. The argument types come from
 * the peer `@module-federation/runtime` a project installs (type-only imports: zero bytes), so a project
 * checks the plugin against its own runtime's types.
 */
export interface ConcordRuntimePlugin {
  name: 'concord';
  version: string;
  init(args: Args<'init'>): void;
  resolveShare(args: Args<'resolveShare'>): void;
  afterLoadShare(args: Args<'afterLoadShare'>): void;
  errorLoadShare(args: Args<'errorLoadShare'>): void;
  initContainer(args: Args<'initContainer'>): void;
  beforeGetExpose(args: Args<'beforeGetExpose'>): void;
}

/**
 * Creates the Concord runtime plugin for one container. Never throws, whatever is on the page: in
 * `warn` mode nothing Concord does can fail the container's load.
 * @example
 * import concord from '@concord/runtime-plugin';
 * createInstance({ name: 'host', plugins: [concord({ app: 'host', bundler: 'vite', mode: 'throw' })] });
 */
export default function concordRuntimePlugin(options?: ConcordRuntimeOptions): ConcordRuntimePlugin {
  const r = registry();
  // Invalid options (checked in development builds only) warn and fall back to the defaults: a typo in
  // a build config must not break the container's load.
  let o: ResolvedOptions = DEFAULTS;
  try {
    o = resolveOptions(options);
  } catch (e) {
    try {
      console.warn((e as Error).message);
    } catch {
      // A console that throws: the defaults still apply.
    }
  }
  try {
    if (o.onDiagnostic) r.listeners.add(o.onDiagnostic);
    for (const w of o.watch) r.watch.add(w);
  } catch (e) {
    fault(r, 'factory', e);
  }
  expose(r);
  hookBeacons(r);
  return hooks(r, o);
}

/** The hooks of one plugin instance, each body guarded. */
function hooks(r: Registry, o: ResolvedOptions): ConcordRuntimePlugin {
  let bound: string | undefined;
  const changed = () => touch(r, o);

  const join = (ins: Instance) => {
    const name = ins?.name;
    if (!name) return;
    bound = name;
    r.containers.set(name, { name, app: o.app ?? name, bundler: o.bundler, options: o, instance: ins });
    changed();
  };

  /**
   * A singleton out of range, judged in the hook itself, before the runtime loads anything (`from` still
   * names the provider). Only when the consumer is blocked (`throw`) is the resolver replaced: the
   * runtime calls it right after, outside any try, so the load rejects with the ConcordError.
   */
  const wrap = (args: Args<'resolveShare'>) => {
    const { shareScopeMap, scope, pkgName: pkg, version, shareInfo } = args;
    const candidate = shareScopeMap?.[scope]?.[pkg]?.[version];
    // Who provided the entry, remembered before a load overwrites its `from`.
    if (candidate && !r.providers.has(candidate)) r.providers.set(candidate, candidate.from);
    const { singleton, requiredVersion: req } = shareInfo?.shareConfig ?? {};
    if (singleton && typeof req === 'string' && version && version !== '0' && !satisfy(version, req)) {
      const d = unsatisfied(r, shareInfo.from ?? bound, pkg, version, candidate, req, o);
      if (d)
        args.resolver = () => {
          throw failure(d);
        };
    }
  };

  const bodies: { [K in HookName]: (args: Args<K>) => void } = {
    init: ({ origin }) => join(origin),
    resolveShare: wrap,
    afterLoadShare: changed,
    errorLoadShare: ({ pkgName: pkg, recovered, error, origin, shareInfo, shareScopeMap }) => {
      if (!recovered || error || !r.watch.has(pkg)) return;
      const consumer = appOf(r, origin?.name);
      const versions = Object.keys(shareScopeMap?.default?.[pkg] ?? {});
      report(
        r,
        'CONCORD-205',
        pkg,
        consumer.app,
        {
          consumer,
          versions,
          requiredVersion: shareInfo?.shareConfig?.requiredVersion as string | undefined,
        },
        o,
      );
    },
    initContainer: changed,
    beforeGetExpose: ({ moduleInfo: m }) => {
      // Before a remote's module is handed out: check the declarations of a container whose share choices
      // bypass the hooks (not rspack/webpack: those are judged in resolveShare when they consume) now —
      // the page-wide scan is batched — then fail the load if a throw-mode finding blocked it.
      // @module-federation/vite renames a host's remotes (`__mfe_internal__host__…__cart`) and keeps the
      // container's name as the alias.
      const c = r.containers.get(m?.name) ?? r.containers.get(m?.alias as string);
      if (c && !c.bundler.endsWith('pack')) declared(r, c.instance, o, true);
      const d = r.blocked.get(c?.name as string);
      if (d) throw failure(d);
    },
  };
  // Every hook body is guarded: an internal fault is recorded (CONCORD-207), never propagated, so the
  // app's load goes on in `warn` mode; only a deliberate ConcordError escapes.
  const plugin: Record<string, unknown> = { name: 'concord', version: VERSION };
  for (const k in bodies) {
    const body = bodies[k as HookName] as (args: unknown) => void;
    plugin[k] = (args: unknown) => {
      try {
        body(args);
      } catch (e) {
        if (e instanceof ConcordError) throw e;
        // Named by hook and container: a fault on one runtime version must say which container it hit.
        fault(r, `${k} in "${o.app ?? bound}"`, e);
      }
    };
  }
  return plugin as unknown as ConcordRuntimePlugin;
}
