import type { Plugin } from 'vite';
import { optimizerBeaconPlugins } from './optimizer-beacons';
import type { ViteState } from './state';

// One hook object for both Vite's build and the dependency optimizer's rolldown (their types differ only
// in what the hook may return, and this return fits both).
export interface TransformHook {
  filter: { id: RegExp };
  handler(code: string, id: string): { code: string; map: null; moduleSideEffects: true } | undefined;
}

/**
 * Appends the instance beacon to each watched library's entry module. The hook filter keeps every other
 * module away from JavaScript; the matcher then picks entry files only (by the package's own package.json).
 * In `vite dev`, dependencies are pre-bundled by the dependency optimizer, which runs its own plugins
 * (rolldown's on Vite 8, esbuild's on Vite 7): the beacon is added there too (optimizer-beacons.ts), so
 * copies loaded in development announce themselves, CommonJS dependencies that `require` a watched
 * package included.
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
    config(_config, env) {
      if (env.command !== 'serve') return undefined;
      return {
        optimizeDeps: optimizerBeaconPlugins(this.meta.viteVersion, beacons, beaconFilter, transform),
      };
    },
    configResolved: (config) => state.init(config),
    transform,
  };
}
