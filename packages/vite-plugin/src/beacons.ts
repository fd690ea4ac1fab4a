import type { Plugin } from 'vite';
import type { ViteState } from './state';

// One hook object for both Vite's build and the dependency optimizer's rolldown (their types differ only
// in what the hook may return, and this return fits both).
interface TransformHook {
  filter: { id: RegExp };
  handler(code: string, id: string): { code: string; map: null; moduleSideEffects: true } | undefined;
}

/**
 * Appends the instance beacon to each watched library's entry module. The hook filter keeps every other
 * module away from JavaScript; the matcher then picks entry files only (by the package's own package.json).
 * In `vite dev`, dependencies are pre-bundled by the dependency optimizer, which runs its own plugins: the
 * same transform is added there, so copies loaded in development announce themselves too.
 */
export function beaconPlugin(state: ViteState): Plugin {
  const { beacons, beaconFilter } = state.build;
  if (!beacons) return { name: 'concord:beacons', configResolved: (config) => state.init(config) };
  const transform: TransformHook = {
    filter: { id: beaconFilter },
    handler(code, id) {
      const out = beacons.transform(code, id);
      // Appending moves no original code, so the incoming source map stays valid (`map: null`). The entry
      // is kept even when its package says `sideEffects: false`: a re-export barrel such as zustand's would
      // be dropped with its beacon otherwise. Its exports tree-shake as before.
      return out === undefined ? undefined : { code: out, map: null, moduleSideEffects: true };
    },
  };
  return {
    name: 'concord:beacons',
    config: () => ({
      optimizeDeps: { rolldownOptions: { plugins: [{ name: 'concord:beacons', transform }] } },
    }),
    configResolved: (config) => state.init(config),
    transform,
  };
}
