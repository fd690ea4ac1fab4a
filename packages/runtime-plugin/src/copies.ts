// Which copies of which packages are live, from three independent sources:
//  - beacons: one registration per evaluated copy (sees private and same-version copies, any bundler),
//    but for a dormant one (see `onBeacon` in scan.ts);
//  - the share scopes in __FEDERATION__.__SHARE__: one loaded slot per (scope, package, version);
//  - Vite's module cache (globalThis.__mf_module_cache__.share): module objects Vite containers run.
// A copy seen by several sources is counted once.

import { appOf, type Federation, type Registry } from './registry';
import { fault } from './report';
import type { AppRef, LiveCopy } from './types';

export const BEACONS = Symbol.for('concord.beacons');
const OWNERS = Symbol.for('module-federation.shared-cache-owners');
/** `scope:package` or `scope:package@version` (the keys without a scope are aliases). */
const CACHE_KEY = /^[^:]+:(.+?)(?:@([^@/]+))?$/;

export const isLive = (e: Federation) => !!(e?.loaded || e?.lib);

/**
 * A beacon record that is safe to read (the array is global: anyone can push garbage). `dormant`: set
 * by the plugin on the record of a copy evaluated but not used (see `onBeacon`).
 */
export const isBeacon = (b: unknown): b is Omit<LiveCopy, 'source'> & { dormant?: boolean } => {
  try {
    return ['package', 'version', 'app', 'bundler'].every((k) => typeof (b as Federation)[k] === 'string');
  } catch {
    return false;
  }
};

/**
 * The app whose module Vite's module cache holds for one declared share of a container (undefined when
 * empty). A Vite container's code runs exactly that module, whoever filed it: @module-federation/vite
 * keys it `scope:pkg` for a singleton, `scope:pkg@version` otherwise, and records who provided it.
 */
export const ownerOf = (pkg: string, s: Federation): string | undefined =>
  (globalThis as Federation).__mf_module_cache__?.share?.[OWNERS]?.[
    `${s.scope?.[0] ?? 'default'}:${pkg}${s.shareConfig.singleton ? '' : `@${s.version}`}`
  ];

/** The version of `pkg` that the Concord container `name` declares: its own copy's version. */
export const versionOf = (r: Registry, name: unknown, pkg: string): string | undefined =>
  r.containers.get(name as string)?.instance.options.shared[pkg]?.[0]?.version;

/** The container that really provided a share-scope entry. */
export const providerOf = (r: Registry, e: Federation) => appOf(r, r.providers.get(e) ?? e?.from);

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
  const a = (globalThis as Federation)[BEACONS];
  for (const b of Array.isArray(a) ? a : [])
    if (isBeacon(b) && !b.dormant) add(b.package, b.version, b, 'beacon');
  try {
    // Every share scope object on the page, once each (containers normally share the same objects).
    const scopes = new Set<Federation>();
    const all = (globalThis as Federation).__FEDERATION__?.__SHARE__;
    for (const id in all) for (const sc in all[id]) scopes.add(all[id][sc]);
    for (const scope of scopes)
      for (const name in scope)
        for (const v in scope[name]) {
          const e = scope[name][v];
          if (v === '0' || !isLive(e)) continue;
          const p = providerOf(r, e);
          add(name, v, p, 'share-scope', r.providers.has(e) ? p.app : undefined);
        }
    const cache = (globalThis as Federation).__mf_module_cache__?.share;
    for (const key in cache) {
      const m = CACHE_KEY.exec(key);
      if (!m || cache[key] === undefined) continue;
      // The key's version is the one its consumer asked for, not necessarily the module's: Vite files
      // a non-singleton request under the singleton's module (another version) when that one is there.
      // The owner's own declared version is the copy's.
      const owner = cache[OWNERS]?.[key];
      const at = appOf(r, owner);
      add(m[1]!, versionOf(r, owner, m[1]!) ?? m[2] ?? '?', at, 'module-cache', owner && at.app);
    }
  } catch (e) {
    fault(r, 'share scope', e);
  }
  return out;
}
