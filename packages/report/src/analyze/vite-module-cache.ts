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
// The key check comes first, and the key is the DECLARED version: a Vite non-singleton initialised before
// any singleton module exists files what the resolver chose for its own range (another app's provider, or
// its bundled copy) under `default:<pkg>@<version>`, and every later Vite non-singleton declaring that same
// version runs that module, whether or not it satisfies its own range (CONCORD-425), even after a
// singleton container initialised.
import type { ProviderRef } from '../types';
import type { AppDecl } from './apps';
import type { Resolution, Satisfies } from './share-scope';

/** What one `default:<pkg>…` key of the module cache holds, and which app's container filed it there. */
interface Filed {
  provider: ProviderRef;
  /** The app whose container filed the module (the singleton container, or the first non-singleton). */
  filedBy: string;
  /** Filed under the singleton key `default:<pkg>`. */
  singleton: boolean;
}

/**
 * Replaces, in place, the resolutions of Vite non-singletons that run what the module cache holds instead
 * of what the runtime's resolver would choose. `uses` and `resolutions` are aligned and in input order,
 * which the report takes as the order containers initialise.
 */
export function applyViteModuleCache(
  uses: readonly AppDecl[],
  resolutions: Resolution[],
  satisfies: Satisfies,
): void {
  // What the first Vite singleton container filed under `default:<pkg>`: the copy it runs.
  let singleton: Filed | undefined;
  // What `default:<pkg>@<version>` holds, per declared version, once a Vite non-singleton filled it.
  const filled = new Map<string, Filed>();
  for (let i = 0; i < uses.length; i++) {
    const d = uses[i]!;
    if (d.owner.bundler !== 'vite') continue;
    const r = resolutions[i]!;
    if (d.singleton) {
      if (!singleton && r.kind === 'shared')
        singleton = { provider: r.provider, filedBy: d.owner.name, singleton: true };
      continue;
    }
    const held = filled.get(d.declared) ?? singleton;
    if (held) {
      const range = d.requiredVersion;
      resolutions[i] = {
        kind: 'shared',
        provider: held.provider,
        satisfied: typeof range !== 'string' || satisfies(held.provider.version, range),
        cache: { filedBy: held.filedBy, singleton: held.singleton },
      };
      filled.set(d.declared, held);
    } else if (r.kind === 'shared') {
      filled.set(d.declared, { provider: r.provider, filedBy: d.owner.name, singleton: false });
    } else if (r.kind === 'own-copy') {
      const own = { app: d.owner.name, version: d.declared };
      filled.set(d.declared, { provider: own, filedBy: d.owner.name, singleton: false });
    }
  }
}
