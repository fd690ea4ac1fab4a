import { manifestNotFound, stampManifest } from '@concord/build-core';
import type { Plugin } from 'vite';
import type { ViteState } from './state';

/**
 * Writes Concord's metadata into mf-manifest.json and mf-stats.json after @module-federation/vite emitted
 * them: this plugin comes after the federation plugins, is `enforce: 'post'` like their manifest plugin,
 * and its `generateBundle` runs in the `post` order, so the assets already exist in the bundle.
 */
export function manifestPlugin(state: ViteState): Plugin {
  return {
    name: 'concord:manifest',
    apply: 'build',
    enforce: 'post',
    configResolved: (config) => state.init(config),
    generateBundle: {
      order: 'post',
      async handler(_options, bundle) {
        if (this.environment?.name === 'ssr') return;
        const { manifest, stats } = state.build.manifestFiles;
        const { metadata } = await state.metadata();
        let stamped = 0;
        for (const fileName of [manifest, stats]) {
          const asset = bundle[fileName];
          if (asset?.type !== 'asset') continue;
          const source =
            typeof asset.source === 'string' ? asset.source : new TextDecoder().decode(asset.source);
          const next = stampManifest(source, metadata);
          if (next === undefined) continue;
          asset.source = next;
          stamped++;
        }
        if (stamped === 0)
          state.logger?.report(manifestNotFound(state.build.augmentation.app, [manifest, stats], 'vite'));
      },
    },
  };
}
