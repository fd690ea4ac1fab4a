import type { Plugin } from 'vite';
import type { ViteState } from './state';

/**
 * Appends the instance beacon to each watched library's entry module. The hook filter keeps every other
 * module away from JavaScript; the matcher then picks entry files only (by the package's own package.json).
 */
export function beaconPlugin(state: ViteState): Plugin {
  const { beacons, beaconFilter } = state.build;
  return {
    name: 'concord:beacons',
    configResolved: (config) => state.init(config),
    ...(beacons && {
      transform: {
        filter: { id: beaconFilter },
        handler(code, id) {
          const out = beacons.transform(code, id);
          // Appending moves no original code, so the incoming source map stays valid (`map: null`).
          // The entry is kept even when its package says `sideEffects: false` (a re-export barrel such as
          // zustand's would be skipped and its beacon with it); its exports tree-shake as before.
          return out === undefined ? undefined : { code: out, map: null, moduleSideEffects: true };
        },
      },
    }),
  };
}
