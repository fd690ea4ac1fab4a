// The page-wide scan: what the hooks cannot see. Vite containers resolve their shares inside their
// remoteEntry without the share hooks, so after every change Concord reads every instance's declared
// `options.shared`, the live share-scope slots, Vite's module cache and the beacons.
import { BEACONS, type Beacon, beacons, isLive, liveCopies, ownerOf, providerOf, versionOf } from './copies';
import { ConcordError } from './error';
import { modeFor, type ResolvedOptions } from './options';
import {
  appOf,
  containersOf,
  type Instance,
  page,
  type Registry,
  registry,
  type Share,
  shares,
} from './registry';
import { failure, fault, report } from './report';
import { satisfy as port } from './semver';
import type { ConcordDiagnostic } from './types';

// The runtime's verdict, memoised (~8 µs a call, and the same few pairs come back on every load and scan).
// Concord's own port, not an import from @module-federation/runtime: 2.8 does not export `satisfy` (a
// bundler then calls undefined) and 2.6/2.7 make a static import of it fail at ESM link time (a blank
// page); the semver module of runtime-core is byte-identical from 2.6.0 to 2.9.3, and test/semver.test.ts
// proves the port returns what the runtime returns. A Map: no version or range can shadow a key.
const verdicts = new Map<string, boolean>();
export const satisfy = (version: string, range: string) => {
  const k = `${version} ${range}`;
  let v = verdicts.get(k);
  if (v === undefined) {
    v = port(version, range);
    verdicts.set(k, v);
  }
  return v;
};

/**
 * A finding blocks the offending container's exposes (see the `beforeGetExpose` hook) when that
 * container's own mode for the package is `throw`. Returns whether it did.
 */
export const block = (r: Registry, container: string | undefined, d: ConcordDiagnostic | undefined) => {
  const o = r.containers.get(container as string)?.options;
  if (d && o && modeFor(o, d.package) === 'throw') return !!r.blocked.set(container!, d);
};

/** CONCORD-201 for one consumer: `version` is what the runtime gives it, `e` that version's slot. */
export const unsatisfied = (
  r: Registry,
  name: string | undefined,
  pkg: string,
  version: string,
  e: Partial<Share> | undefined,
  req: string,
  o?: ResolvedOptions,
) => {
  const consumer = appOf(r, name);
  const d = report(
    r,
    'CONCORD-201',
    pkg,
    `${consumer.app}|${version}`,
    { consumer, provider: providerOf(r, e), versions: [version], requiredVersion: req },
    o,
  );
  return block(r, name, d) && d;
};

/** Every declared share of every instance on the page: [instance, container name, package, share]. */
const declarations = (r: Registry) => {
  const out: [Instance, string, string, Share][] = [];
  for (const ins of instances())
    try {
      for (const pkg in ins.options.shared)
        for (const s of ins.options.shared[pkg] ?? [])
          if (s?.shareConfig) out.push([ins, ins.options.name, pkg, s]);
    } catch (e) {
      fault(r, 'instance options', e);
    }
  return out;
};

/** Live share-scope slots of `pkg` in the scopes a declaration names, as [version, entry]. */
const liveSlots = (ins: Instance, pkg: string, s: Share) => {
  const live: [string, Share][] = [];
  for (const sc of s.scope ?? ['default'])
    for (const [v, e] of Object.entries(ins.shareScopeMap?.[sc]?.[pkg] ?? {}))
      if (v !== '0' && isLive(e)) live.push([v, e]);
  return live;
};

/**
 * One container's declared shares: membership in a container's own options is the truth about who
 * provides an entry; and CONCORD-201 — the only way to see consumers whose share choices never reach the
 * hooks (Vite containers) — for the module a Vite container runs (from its module cache, singleton or
 * not) and for its singletons against the live slots.
 */
export function declared(r: Registry, ins: Instance, o?: ResolvedOptions) {
  try {
    const name = ins.options.name;
    const vite = r.containers.get(name)?.bundler === 'vite';
    for (const pkg in ins.options.shared)
      for (const s of ins.options.shared[pkg] ?? [])
        if (s?.shareConfig) {
          if (!r.providers.has(s)) r.providers.set(s, name);
          const { singleton, requiredVersion: req } = s.shareConfig;
          if (typeof req !== 'string') continue;
          // A Vite container runs what the module cache holds under its key: another app's copy is
          // judged against its range, singleton or not (@module-federation/vite hands a non-singleton
          // the singleton's module, of any version, when nothing is filed under its own version).
          const from = vite ? ownerOf(pkg, s) : undefined;
          const v = versionOf(r, from, pkg);
          if (v && !satisfy(v, req)) unsatisfied(r, name, pkg, v, { from }, req, o);
          if (!singleton) continue;
          // The live slots: does any satisfy the range? Else the first one is what the consumer gets.
          let miss: [string, Share] | undefined;
          let hit = false;
          for (const sc of s.scope ?? ['default']) {
            const versions = ins.shareScopeMap?.[sc]?.[pkg];
            for (const v in versions)
              if (v !== '0' && isLive(versions[v])) {
                if (satisfy(v, req)) hit = true;
                else miss ??= [v, versions[v]!];
              }
          }
          if (miss && !hit) unsatisfied(r, name, pkg, miss[0], miss[1], req, o);
        }
  } catch (e) {
    fault(r, 'instance options', e);
  }
}

/**
 * Configuration lint, in development builds only (production bundles drop it; the build report makes
 * the same checks on the manifests): 204, singleton declared by one container and not by another;
 * 206, a requiredVersion the runtime cannot check as intended.
 */
function lint(r: Registry, o?: ResolvedOptions) {
  const sides = new Map<string, [string?, string?]>();
  for (const [ins, name, pkg, s] of declarations(r)) {
    const side = sides.get(pkg) ?? (sides.set(pkg, []).get(pkg) as [string?, string?]);
    side[s.shareConfig.singleton ? 0 : 1] ??= name;
    // `false` (no check) by the types; Rspack writes `null` when it cannot infer one.
    const req = s.shareConfig.requiredVersion as string | false | null | undefined;
    // An exact pin next to a live provider of the same major.minor with another patch.
    const pin = typeof req === 'string' && /^=?v?(\d+\.\d+\.)\d+$/.exec(req);
    const other =
      pin && liveSlots(ins, pkg, s).find(([v]) => !(req as string).endsWith(v) && v.startsWith(pin[1]!));
    if (req == null || `${req}`.startsWith('workspace:') || other)
      report(
        r,
        'CONCORD-206',
        pkg,
        `${name}|${req}`,
        {
          consumer: appOf(r, name),
          versions: other ? [s.version, other[0]] : [s.version],
          requiredVersion: (req as string | null) ?? null,
          ...(other && { provider: providerOf(r, other[1]) }),
        },
        o,
      );
  }
  for (const [pkg, [yes, no]] of sides)
    if (yes && no)
      report(r, 'CONCORD-204', pkg, '', { consumer: appOf(r, no), provider: appOf(r, yes), versions: [] }, o);
}

/**
 * Schedules one scan for everything that changed (hooks only flag; the scan is O(page)). `o`: the
 * scheduling instance's options, the fallback for findings about apps without Concord.
 */
export const touch = (r: Registry, o?: ResolvedOptions) => {
  r.dirty = true;
  r.timer ||= setTimeout(() => {
    r.timer = 0;
    scan(r, o);
  });
};

/** Scans the page now if anything changed (or always with `force`). Never throws. Returns `r`. */
export function scan(r: Registry, o?: ResolvedOptions, force?: boolean): Registry {
  if (!r.dirty && !force) return r;
  r.dirty = false;
  try {
    hookBeacons(r);
    for (const ins of instances()) declared(r, ins, o);
    unchecked(r, o);
    if (process.env.NODE_ENV !== 'production') lint(r, o);

    for (const [pkg, copies] of liveCopies(r)) {
      if (!r.watch.has(pkg)) continue;
      // The first copy from an app that shares the package is the legitimate one; when there are two
      // copies or more, every other app running one gets blocked in `throw` mode: a private copy (203)
      // or an extra shared one (202). A lone private copy is only reported.
      const d =
        copies[1] &&
        report(
          r,
          'CONCORD-202',
          pkg,
          '',
          { versions: [...new Set(copies.map((c) => c.version))], copies },
          o,
        );
      let legit = false;
      for (const c of copies) {
        const own = shares(r, c.app, pkg);
        // Only a beacon can come from an app that does not share the package: slots and cache
        // entries are always some sharing container's.
        const offence =
          own === false
            ? report(
                r,
                'CONCORD-203',
                pkg,
                c.app,
                { consumer: { app: c.app, bundler: c.bundler }, versions: [c.version] },
                o,
              )
            : own && legit && d;
        legit ||= own !== false;
        if (copies[1] && offence) for (const k of containersOf(r, c.app)) block(r, k.name, offence);
      }
    }
  } catch (e) {
    // An unexpected shape anywhere on the page: recorded, and the next scan starts afresh.
    fault(r, 'scan', e);
  }
  return r;
}

/**
 * CONCORD-210, containers Concord cannot check: an instance on a runtime older than the 2.6 it is tested
 * on, and an app whose copies register (beacons) but that no federation instance runs — a webpack
 * container built with webpack's own ModuleFederationPlugin, which rejects `runtimePlugins` and is
 * invisible to @module-federation/runtime. Only on a federated page (there are instances).
 */
function unchecked(r: Registry, o?: ResolvedOptions) {
  const known = new Set<unknown>();
  const all = instances();
  for (const c of r.containers.values()) known.add(c.app);
  for (const ins of all) {
    const { name, version } = ins;
    known.add(name);
    if (typeof version === 'string' && satisfy(version, '<2.6.0'))
      report(
        r,
        'CONCORD-210',
        '',
        name,
        {
          consumer: appOf(r, name),
          versions: [version],
          detail: `it runs @module-federation/runtime ${version}, older than 2.6`,
        },
        o,
      );
  }
  // webpack only: Rspack's built-in plugin takes runtimePlugins. A beacon comes from code of its own app,
  // which runs after that app's container exists, so an unknown app here has no instance at all.
  if (all[0])
    for (const b of beacons(r))
      if (b.bundler === 'webpack' && !known.has(b.app))
        report(
          r,
          'CONCORD-210',
          '',
          b.app,
          {
            consumer: { app: b.app, bundler: b.bundler },
            versions: [],
            detail:
              "no Module Federation runtime instance runs it (webpack's built-in ModuleFederationPlugin, which rejects runtimePlugins)",
          },
          o,
        );
}

/**
 * A beacon pushed while a plugin is on the page runs inside the library's entry module. In `warn` mode it
 * only flags the batched scan; in `throw` mode the copy that makes a second one fails its own evaluation
 * when the scan blocks its app.
 */
function onBeacon(b: unknown) {
  const r = registry();
  touch(r);
  // Each field read once: the record may be anyone's.
  const { package: pkg, app } = (b ?? {}) as Partial<Beacon>;
  const c = typeof pkg === 'string' && typeof app === 'string' && containersOf(r, app)[0];
  if (!c) return;
  // A copy a Vite container evaluates although its module cache already holds the module it will run
  // (@module-federation/vite imports a workspace singleton that another shared singleton depends on
  // eagerly, `usesEagerWorkspaceFallback`, then reads the cache): dormant, not a live copy.
  const shared = c.instance.options.shared;
  if (c.bundler === 'vite' && Object.hasOwn(shared, pkg))
    (b as Beacon).dormant = shared[pkg]!.some((s) => ownerOf(pkg, s));
  if (modeFor(c.options, pkg) !== 'throw') return;
  scan(r, undefined, true);
  const d = r.blocked.get(c.name);
  if (d?.package === pkg) throw failure(d);
}

/**
 * Routes beacons pushed from now on through `onBeacon` (once per array, whichever copy does it). A frozen
 * array or a read-only key is left as it is (its beacons are still read); nothing here throws.
 */
export function hookBeacons(r: Registry) {
  try {
    const g = page as unknown as Record<symbol, unknown>;
    let a = g[BEACONS];
    if (!Array.isArray(a)) a = g[BEACONS] = [];
    const list = a as unknown[];
    // Frozen or sealed: no copy can register any more, so Concord is blind to new copies; say so once.
    if (!Object.isExtensible(list)) throw new TypeError('the beacon array cannot grow (frozen or sealed)');
    if (list.push === Array.prototype.push)
      list.push = (...items: unknown[]) => {
        const n = Array.prototype.push.apply(list, items);
        for (const b of items)
          try {
            onBeacon(b);
          } catch (e) {
            if (e instanceof ConcordError) throw e;
            fault(registry(), 'beacon', e);
          }
        return n;
      };
  } catch (e) {
    fault(r, 'beacons', e);
  }
}

/** The federation instances on the page (none when `__FEDERATION__` is absent or unreadable). */
export function instances(): Instance[] {
  try {
    const list = page.__FEDERATION__?.__INSTANCES__;
    return Array.isArray(list) ? [...list] : [];
  } catch {
    return [];
  }
}
