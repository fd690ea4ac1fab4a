// Which copies of which packages are live, from three independent sources:
//  - beacons: one registration per evaluated copy (sees private and same-version copies, any bundler);
//  - the share scopes in __FEDERATION__.__SHARE__: one loaded slot per (scope, package, version);
//  - Vite's module cache (globalThis.__mf_module_cache__.share): module objects Vite containers run.
// A copy seen by several sources is counted once.

import { appOf, type Federation, type Registry } from './registry';
import { type Facts, fault } from './report';
import type { AppRef, LiveCopy } from './types';

export const BEACONS = Symbol.for('concord.beacons');
const OWNERS = Symbol.for('module-federation.shared-cache-owners');
/** `scope:package` or `scope:package@version` (the keys without a scope are aliases). */
const CACHE_KEY = /^[^:]+:(.+?)(?:@([^@/]+))?$/;

export const isLive = (e: Federation) => !!(e?.loaded || e?.lib);

/** A beacon record that is safe to read (the array is global: anyone can push garbage). */
export const isBeacon = (b: unknown): b is Omit<LiveCopy, 'source'> => {
  try {
    return ['package', 'version', 'app', 'bundler'].every((k) => typeof (b as Federation)[k] === 'string');
  } catch {
    return false;
  }
};

export const beacons = (): unknown[] => {
  const a = (globalThis as Federation)[BEACONS];
  return Array.isArray(a) ? a : [];
};

/** The container that really provided a share-scope entry. */
export const providerOf = (r: Registry, e: Federation) => appOf(r, r.providers.get(e) ?? e?.from);

/** Every share scope object on the page, once each (containers normally share the same objects). */
const scopes = () => {
  const out = new Set<Federation>();
  const all = (globalThis as Federation).__FEDERATION__?.__SHARE__;
  for (const id in all) for (const sc in all[id]) out.add(all[id][sc]);
  return out;
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
  for (const b of beacons()) if (isBeacon(b)) add(b.package, b.version, b, 'beacon');
  try {
    for (const scope of scopes())
      for (const name in scope)
        for (const v in scope[name]) {
          const e = scope[name][v];
          if (v === '0' || !isLive(e)) continue;
          const p = providerOf(r, e);
          add(name, v, p, 'share-scope', r.providers.has(e) ? p.app : undefined);
        }
  } catch (e) {
    fault(r, 'share scope', e);
  }
  try {
    const cache = (globalThis as Federation).__mf_module_cache__?.share;
    const seen = new Set<unknown>();
    for (const key in cache) {
      const m = CACHE_KEY.exec(key);
      const value = cache[key];
      if (!m || value === undefined || seen.has(value)) continue;
      seen.add(value);
      const owner = cache[OWNERS]?.[key];
      add(m[1]!, m[2] ?? '?', appOf(r, owner), 'module-cache', owner && appOf(r, owner).app);
    }
  } catch (e) {
    fault(r, 'module cache', e);
  }
  return out;
}

/** Facts of a duplicate finding. */
export const duplicate = (copies: LiveCopy[]): Facts => ({
  versions: [...new Set(copies.map((c) => c.version))],
  copies,
});
