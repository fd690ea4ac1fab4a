// The contract of each bus, for the slices' owners and `sensitive` flags (the bus's `inspect()` lists
// neither). The contract package is shared by the build plugins, so its module is in a share-scope slot
// already loaded or in Vite's module cache: the panel reads those modules — never triggering a load — and
// takes the export that is a contract of the bus's name.

// biome-ignore lint/suspicious/noExplicitAny: boundary with foreign modules of any shape
type Any = any;

/** One slice as the panel needs it. */
export interface SliceInfo {
  owner: string;
  sensitive: boolean;
}

const isContract = (v: Any, name: string) =>
  !!v &&
  typeof v === 'object' &&
  v.name === name &&
  typeof v.version === 'string' &&
  typeof v.slices === 'object';

/** Modules the page already evaluated through Module Federation. */
function loadedModules(): Any[] {
  const out: Any[] = [];
  const g = globalThis as Any;
  try {
    for (const id in g.__FEDERATION__?.__SHARE__)
      for (const sc in g.__FEDERATION__.__SHARE__[id]) {
        const scope = g.__FEDERATION__.__SHARE__[id][sc];
        for (const pkg in scope)
          for (const v in scope[pkg]) {
            const e = scope[pkg][v];
            if (e?.loaded && typeof e.lib === 'function') out.push(e.lib());
          }
      }
    const cache = g.__mf_module_cache__?.share;
    for (const key in cache) out.push(cache[key]);
  } catch {
    // A foreign shape: use what was read.
  }
  return out;
}

/** The slices of the contract named `name` (undefined when no loaded module exports it). */
export function contractSlices(name: string): Record<string, SliceInfo> | undefined {
  for (const m of loadedModules()) {
    if (!m || typeof m !== 'object') continue;
    for (const k of Object.keys(m)) {
      let v: Any;
      try {
        v = m[k];
      } catch {
        continue;
      }
      if (!isContract(v, name)) continue;
      const out: Record<string, SliceInfo> = {};
      for (const s in v.slices)
        out[s] = { owner: String(v.slices[s]?.owner), sensitive: v.slices[s]?.sensitive === true };
      return out;
    }
  }
}
