// The Rspack/webpack loader that appends instance beacons. The plugin's rule matches watched entry
// modules only; this loader adds the beacon unless the code already has one.
import { type BeaconTransform, type Bundler, createBeaconTransform } from '@concord/build-core';

/** Options the plugin gives the loader (plain JSON: loaders may run in workers). */
export interface BeaconLoaderOptions {
  app: string;
  bundler: Bundler;
  watched: string[];
}

interface LoaderContext {
  resourcePath: string;
  _compiler?: object;
  getOptions(): BeaconLoaderOptions;
  callback(error: Error | null, code?: string, map?: unknown, meta?: unknown): void;
}

// One transform (and its package.json cache) per compiler, not per module.
const transforms = new WeakMap<object, BeaconTransform>();

export default function beaconLoader(this: LoaderContext, code: string, map?: unknown, meta?: unknown): void {
  const key = this._compiler ?? this;
  let transform = transforms.get(key);
  if (!transform) {
    transform = createBeaconTransform(this.getOptions());
    transforms.set(key, transform);
  }
  // Appending moves no original code: the incoming source map stays valid.
  this.callback(null, transform.transform(code, this.resourcePath) ?? code, map, meta);
}
