// What a Vite container runs for a NON-singleton share is not what the runtime's resolver would hand it: its
// code reads `globalThis.__mf_module_cache__.share`, and the remoteEntry that @module-federation/vite 1.23.8
// generates decides what is filed there (read in node_modules/@module-federation/vite/lib/index.js, the init
// code before `generateRuntimeSharedCacheSeedCode` runs and that function's `__mfSeedLocalShared`; the same
// two steps are in a built remoteEntry, e.g. playground/.out/cart-zustand-split/cart/remoteEntry.js):
//
//  - Keys come from `createSharedCacheDescriptor` (lib/dtsConstants-*.js): `default:zustand` for a singleton,
//    `default:zustand@4.5.7` for a non-singleton (its OWN declared version). The cache is one object for
//    every Vite container on the page, and a container's imports of the package read its own key.
//  - At init, for each of its shares whose key is still empty, a container looks up the SINGLETON key
//    (`__mfGetSharedCacheDescriptor(pkg, true, …)`) and, when a module is filed there, files that module
//    under its own key with the singleton's owner — no version check, no range check. Only when both are
//    empty does it seed through the runtime (another container's provider, else its bundled copy).
//
// So once a Vite container that shares the package as a singleton has initialised (the host, normally), a
// Vite non-singleton initialised after it runs the singleton's module whatever its own range says: one
// copy, possibly the wrong version, and the runtime prints nothing (the runtime plugin's CONCORD-201).
// An Rspack/webpack consumer goes through the runtime's resolver instead and loads its bundled fallback
// when no registered version satisfies it (CONCORD-416).
//
// The key check comes first, and the key is the DECLARED version: a Vite non-singleton whose key another
// one of the same version filled runs that module, in range or not. The host starts before every remote, so
// what it files under its version is what every Vite remote declaring that version runs. Between remotes
// the order is a race (with version-first sharing every remote's container starts at page load,
// concurrently), so the report cannot say which module each runs; `sameVersionRaces` (packages.ts) names
// the race when it can change a version (CONCORD-425), and the matrix keeps the resolver's answer for them.
import type { ProviderRef } from '../types';
import type { AppDecl } from './apps';
import type { Resolution, Satisfies } from './share-scope';

/** What one `default:<pkg>…` key holds, and the app whose container filed it there. */
interface Filed {
  provider: ProviderRef;
  filedBy: string;
}

/**
 * Replaces, in place, the resolutions of Vite non-singletons that run a module the cache was handed by the
 * host (under their version's key) or by the first Vite singleton (under the singleton key). `uses` and
 * `resolutions` are aligned and in input order; the host's container starts first, then the remotes in input
 * order (the report's stand-in for an order it cannot know: CONCORD-425 names the races that matter).
 */
export function applyViteModuleCache(
  uses: readonly AppDecl[],
  resolutions: Resolution[],
  satisfies: Satisfies,
): void {
  // What the first Vite singleton container filed under `default:<pkg>`: the copy it runs.
  let singleton: Filed | undefined;
  // What the host filed under `default:<pkg>@<version>`, when it is a Vite non-singleton.
  const byHost = new Map<string, Filed>();
  // Versions whose `default:<pkg>@<version>` key a Vite non-singleton filled before the singleton's.
  const filled = new Set<string>();
  // Handed resolutions are shared by the consumers that get the same module with the same answer (a fleet
  // has hundreds of Vite remotes on a few (range, resolver answer) pairs): one object per distinct pair.
  const handed = new Map<Filed, Map<string, Resolution>>();
  const hand = (i: number, held: Filed, fromSingleton: boolean) => {
    const { required: range, version: declared } = uses[i]!;
    const r = resolutions[i]!;
    const resolverVersion =
      r.kind === 'shared' ? r.provider.version : r.kind === 'own-copy' ? declared : null;
    let byKey = handed.get(held);
    if (!byKey) {
      byKey = new Map();
      handed.set(held, byKey);
    }
    // A range and the resolver's answer decide the result (control characters occur in neither).
    const key = `${range === false ? '\u0001' : range === null ? '\u0002' : range}\u0000${resolverVersion}`;
    let result = byKey.get(key);
    if (!result) {
      result = {
        kind: 'shared',
        provider: held.provider,
        satisfied: typeof range !== 'string' || satisfies.test(held.provider.version, range),
        cache: { filedBy: held.filedBy, singleton: fromSingleton, resolverVersion },
      };
      byKey.set(key, result);
    }
    resolutions[i] = result;
  };
  // The host's container starts first, then the remotes (in input order: the report's stand-in for theirs).
  const hostAt = uses.findIndex((d) => d.owner.host);
  for (let k = hostAt < 0 ? 0 : -1; k < uses.length; k++) {
    if (k === hostAt) continue;
    const i = k < 0 ? hostAt : k;
    const d = uses[i]!;
    if (d.owner.bundler !== 'vite') continue;
    const r = resolutions[i]!;
    if (d.singleton) {
      if (!singleton && r.kind === 'shared') singleton = { provider: r.provider, filedBy: d.owner.name };
      continue;
    }
    const host = byHost.get(d.version);
    if (host) hand(i, host, false);
    else if (!singleton || filled.has(d.version)) {
      if (r.kind === 'unprovided') continue;
      filled.add(d.version);
      if (d.owner.host) {
        const provider = r.kind === 'shared' ? r.provider : { app: d.owner.name, version: d.version };
        byHost.set(d.version, { provider, filedBy: d.owner.name });
      }
    } else hand(i, singleton, true);
  }
}
