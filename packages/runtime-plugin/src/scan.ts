// The page-wide scan: what the hooks cannot see. Vite containers resolve their shares inside their
// remoteEntry without the share hooks, so after every change Concord reads every instance's declared
// `options.shared`, the live share-scope slots, Vite's module cache and the beacons.
import { satisfy as runtimeSatisfy } from '@module-federation/runtime';
import { BEACONS, isBeacon, isLive, liveCopies, ownerOf, providerOf, versionOf } from './copies';
import { ConcordError } from './error';
import { modeFor, type ResolvedOptions } from './options';
import { appOf, containersOf, type Federation, type Registry, registry, shares } from './registry';
import { failure, fault, report } from './report';
import type { ConcordDiagnostic, LiveCopy } from './types';

// The runtime's own verdict (the container's runtime copy: both bundlers alias this import to it), memoised:
// it costs ~8 µs a call and the same few (version, range) pairs come back on every load and scan. A
// plain object: its keys hold a space, so no Object.prototype name can shadow one.
const verdicts: Record<string, boolean> = {};
export const satisfy = (version: string, range: string) =>
  (verdicts[`${version} ${range}`] ??= runtimeSatisfy(version, range));

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
  e: Federation,
  req: string,
  o?: ResolvedOptions,
) => {
  const consumer = appOf(r, name);
  const d = report(
    r,
    201,
    pkg,
    `${consumer.app}|${version}`,
    { consumer, provider: providerOf(r, e), versions: [version], requiredVersion: req },
    o,
  );
  return block(r, name, d) && d;
};

/** Every declared share of every instance on the page: [instance, container name, package, share]. */
const declarations = (r: Registry) => {
  const out: [Federation, string, string, Federation][] = [];
  for (const ins of (globalThis as Federation).__FEDERATION__?.__INSTANCES__ ?? [])
    try {
      for (const pkg in ins.options.shared)
        for (const s of ins.options.shared[pkg])
          if (s?.shareConfig) out.push([ins, ins.options.name, pkg, s]);
    } catch (e) {
      fault(r, 'instance options', e);
    }
  return out;
};

/** Live share-scope slots of `pkg` in the scopes a declaration names, as [version, entry]. */
const liveSlots = (ins: Federation, pkg: string, s: Federation) => {
  const live: [string, Federation][] = [];
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
export function declared(r: Registry, ins: Federation, o?: ResolvedOptions) {
  try {
    const name = ins.options.name;
    const vite = r.containers.get(name)?.bundler === 'vite';
    for (const pkg in ins.options.shared)
      for (const s of ins.options.shared[pkg])
        if (s?.shareConfig) {
          if (!r.providers.has(s)) r.providers.set(s, name);
          const { singleton, requiredVersion: req } = s.shareConfig;
          if (typeof req !== 'string') continue;
          // A Vite container runs what the module cache holds under its key: another app's copy is
          // judged against its range, singleton or not (@module-federation/vite hands a non-singleton
          // the singleton's module, of any version, when nothing is filed under its own version).
          const from = vite && ownerOf(pkg, s);
          const v = versionOf(r, from, pkg);
          if (v && !satisfy(v, req)) unsatisfied(r, name, pkg, v, { from }, req, o);
          if (!singleton) continue;
          // The live slots: does any satisfy the range? Else the first one is what the consumer gets.
          let miss: [string, Federation] | undefined;
          let hit = false;
          for (const sc of s.scope ?? ['default']) {
            const versions = ins.shareScopeMap?.[sc]?.[pkg];
            for (const v in versions)
              if (v !== '0' && isLive(versions[v])) {
                if (satisfy(v, req)) hit = true;
                else miss ??= [v, versions[v]];
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
    const req = s.shareConfig.requiredVersion;
    // An exact pin next to a live provider of the same major.minor with another patch.
    const pin = /^=?v?(\d+\.\d+\.)\d+$/.exec(req);
    const other = pin && liveSlots(ins, pkg, s).find(([v]) => !req.endsWith(v) && v.startsWith(pin[1]!));
    if (req == null || `${req}`.startsWith('workspace:') || other)
      report(
        r,
        206,
        pkg,
        `${name}|${req}`,
        {
          consumer: appOf(r, name),
          versions: other ? [s.version, other[0]] : [s.version],
          requiredVersion: req ?? null,
          ...(other && { provider: providerOf(r, other[1]) }),
        },
        o,
      );
  }
  for (const [pkg, [yes, no]] of sides)
    if (yes && no)
      report(r, 204, pkg, '', { consumer: appOf(r, no), provider: appOf(r, yes), versions: [] }, o);
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
    hookBeacons();
    for (const ins of (globalThis as Federation).__FEDERATION__?.__INSTANCES__ ?? []) declared(r, ins, o);
    if (process.env.NODE_ENV !== 'production') lint(r, o);

    for (const [pkg, copies] of liveCopies(r)) {
      if (!r.watch.has(pkg)) continue;
      // The first copy from an app that shares the package is the legitimate one; when there are two
      // copies or more, every other app running one gets blocked in `throw` mode: a private copy (203)
      // or an extra shared one (202). A lone private copy is only reported.
      const d =
        copies[1] &&
        report(r, 202, pkg, '', { versions: [...new Set(copies.map((c) => c.version))], copies }, o);
      let legit = false;
      for (const c of copies) {
        const own = shares(r, c.app, pkg);
        // Only a beacon can come from an app that does not share the package: slots and cache
        // entries are always some sharing container's.
        const offence =
          own === false
            ? report(
                r,
                203,
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
 * A beacon pushed while a plugin is on the page runs inside the library's entry module. In `warn` mode it
 * only flags the batched scan; in `throw` mode the copy that makes a second one fails its own evaluation
 * when the scan blocks its app.
 */
function onBeacon(b: unknown) {
  const r = registry();
  const c = isBeacon(b) && containersOf(r, b.app)[0];
  // A copy a Vite container evaluates although its module cache already holds the module it will run
  // (@module-federation/vite imports a workspace singleton that another shared singleton depends on
  // eagerly, `usesEagerWorkspaceFallback`, then reads the cache): dormant, not a live copy.
  if (c && c.bundler === 'vite')
    b.dormant = c.instance.options.shared[b.package]?.some((s: Federation) => ownerOf(b.package, s));
  touch(r);
  if (!c || modeFor(c.options, (b as LiveCopy).package) !== 'throw') return;
  scan(r, undefined, true);
  const d = r.blocked.get(c.name);
  if (d?.package === (b as LiveCopy).package) throw failure(d);
}

/** Routes beacons pushed from now on through `onBeacon` (once per array, whichever copy does it). */
export function hookBeacons() {
  const g = globalThis as Record<symbol, unknown>;
  let a = g[BEACONS] as unknown[];
  if (!Array.isArray(a)) a = g[BEACONS] = [];
  if (a.push === Array.prototype.push)
    a.push = (...items: unknown[]) => {
      const n = Array.prototype.push.apply(a, items);
      for (const b of items)
        try {
          onBeacon(b);
        } catch (e) {
          if (e instanceof ConcordError) throw e;
          fault(registry(), 'beacon', e);
        }
      return n;
    };
}
