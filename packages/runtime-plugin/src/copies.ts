// Which copies of which packages are live, from three independent sources:
//  - beacons: one registration per evaluated copy (sees private and same-version copies, any bundler),
//    but for a dormant one (see `onBeacon` in scan.ts);
//  - the share scopes in __FEDERATION__.__SHARE__: one loaded slot per (scope, package, version);
//  - Vite's module cache (globalThis.__mf_module_cache__.share): module objects Vite containers run.
// A copy seen by several sources is counted once.

import { appOf, containersOf, OWNERS, page, type Registry, type Share } from './registry';
import { fault } from './report';
import type { AppRef, LiveCopy } from './types';

export const BEACONS = Symbol.for('concord.beacons');
/** `scope:package` or `scope:package@version` (the keys without a scope are aliases). */
const CACHE_KEY = /^[^:]+:(.+?)(?:@([^@/]+))?$/;

/** Whether the share-scope slot of version `v` holds a loaded copy (a slot under version `0` never counts). */
export const isLive = (v: string, e: Partial<Share> | undefined) => v !== '0' && !!(e?.loaded || e?.lib);

/** A beacon record as Concord keeps it: `dormant` is set by the plugin (see `onBeacon`). */
export type Beacon = Omit<LiveCopy, 'source'> & { dormant?: boolean };

/**
 * The beacon records that are safe to read, each field read once (the array is global: anyone can push
 * garbage, getters that change their answer, proxies that throw). Never throws.
 */
export function beacons(r: Registry): Beacon[] {
  const out: Beacon[] = [];
  try {
    const a = (page as unknown as Record<symbol, unknown>)[BEACONS];
    if (!Array.isArray(a)) return out;
    for (let i = 0, n = a.length; i < n; i++)
      try {
        const b = a[i];
        const { package: p, version, app, bundler, dormant } = b;
        if ([p, version, app, bundler].every((v) => typeof v === 'string'))
          out.push({ package: p, version, app, bundler, dormant: !!dormant });
      } catch {
        // One unreadable record: skipped, the others still count.
      }
  } catch (e) {
    fault(r, 'beacons', e);
  }
  return out;
}

/**
 * Who filed the module Vite's module cache holds for one declared share of a container (undefined when
 * empty). A Vite container's code runs exactly that module: @module-federation/vite keys it `scope:pkg` for
 * a singleton, `scope:pkg@version` otherwise, and records who filed it (see `held`).
 */
export const ownerOf = (pkg: string, s: Share): string | undefined =>
  page.__mf_module_cache__?.share?.[OWNERS]?.[
    `${s.scope?.[0] ?? 'default'}:${pkg}${s.shareConfig.singleton ? '' : `@${s.version}`}`
  ];

/** The version of `pkg` that the Concord container `name` declares: its own copy's version. */
export const versionOf = (r: Registry, name: unknown, pkg: string): string | undefined =>
  r.containers.get(name as string)?.instance.options.shared[pkg]?.[0]?.version;

/**
 * The copy of `pkg` in a module-cache entry that `from` filed, as [version, share-scope entry or `{ from }`
 * for `providerOf`]. @module-federation/vite records as the filer either the container that seeded its own
 * copy (at init, before the runtime shares anything) or, for the module the runtime handed a container, the
 * `from` of the slot it came from — which the runtime overwrote with the name of the container that loaded
 * it. So a live slot whose `from` is the filer holds the module (a Vite host that seeded its own 1.2.0 and
 * was then handed a remote's 2.0.0 runs 2.0.0, filed under its own name); else it is the filer's own copy.
 */
export function held(r: Registry, pkg: string, from: unknown): [string?, Partial<Share>?] {
  if (!from) return [];
  try {
    for (const [, v, e] of slots(pkg)) if (isLive(v, e) && e.from === from) return [v, e];
  } catch {
    // An unreadable scope (liveCopies records it): judged as the filer's own copy.
  }
  return [versionOf(r, from, pkg), { from: from as string }];
}

/** The container that really provided a share-scope entry. */
export const providerOf = (r: Registry, e: Partial<Share> | undefined) =>
  appOf(r, (e && r.providers.get(e)) ?? e?.from);

/**
 * Every slot of every share scope on the page, once each (containers normally share the same scope
 * objects), as [package, version, entry]; with `pkg`, only that package's (`held` asks per declared share on
 * every scan: no list of every slot each time). Throws on a scope it cannot read: callers record the fault.
 */
export function slots(pkg?: string): [string, string, Share][] {
  const scopes = new Set<Record<string, Record<string, Share>>>();
  const all = page.__FEDERATION__?.__SHARE__;
  for (const id in all) for (const sc in all[id]) scopes.add(all[id]![sc]!);
  const out: [string, string, Share][] = [];
  for (const scope of scopes)
    for (const name in scope)
      if (!pkg || pkg === name) for (const v in scope[name]) out.push([name, v, scope[name]![v]!]);
  return out;
}

/**
 * A Vite app's own copy that no module of its container runs any more. @module-federation/vite seeds a
 * container's own copy of each share (its declared version) into the module cache at init, before the
 * runtime shares anything, then files what the runtime hands the container over it, and every consumer
 * rebinds (`__mfSubscribeSharedCache`): when that is another version, the seeded copy is left unused (a
 * copy of the same version cannot be told apart from it, nor a private copy of the declared version, so
 * those keep counting). A container that loads it from the share scope still counts it, by its slot.
 */
const superseded = (r: Registry, b: Beacon) => {
  const c = containersOf(r, b.app)[0];
  return (
    c?.bundler === 'vite' &&
    versionOf(r, c.name, b.package) === b.version &&
    held(r, b.package, c.name)[0] !== b.version
  );
};

/** Live copies per package. */
export function liveCopies(r: Registry): Map<string, LiveCopy[]> {
  const out = new Map<string, LiveCopy[]>();
  // Adds a copy unless one of the same package, version (any for `?`) and app (any when unsure) is known.
  const add = (name: string, version: string, at: AppRef, source: LiveCopy['source'], app?: string) => {
    const list = out.get(name) ?? (out.set(name, []).get(name) as LiveCopy[]);
    if (
      source === 'beacon' ||
      !list.some((c) => (version === '?' || c.version === version) && (!app || c.app === app))
    )
      list.push({ package: name, version, app: at.app, bundler: at.bundler, source });
  };
  for (const b of beacons(r)) if (!b.dormant && !superseded(r, b)) add(b.package, b.version, b, 'beacon');
  try {
    for (const [name, v, e] of slots()) {
      if (!isLive(v, e)) continue;
      const p = providerOf(r, e);
      add(name, v, p, 'share-scope', r.providers.has(e) ? p.app : undefined);
    }
    const cache = page.__mf_module_cache__?.share;
    for (const key in cache) {
      const m = CACHE_KEY.exec(key);
      if (!m || cache[key] === undefined) continue;
      // The key's version is the one its consumer asked for, not necessarily the module's: Vite files
      // a non-singleton request under the singleton's module (another version) when that one is there.
      const [v, e] = held(r, m[1]!, cache[OWNERS]?.[key]);
      const at = providerOf(r, e);
      add(m[1]!, v ?? m[2] ?? '?', at, 'module-cache', e && at.app);
    }
  } catch (e) {
    fault(r, 'share scope', e);
  }
  return out;
}
