import { join } from 'node:path';
import { manifestNotFound, stampManifest, startBuildReport } from '@concord/build-core';
import type { Plugin } from 'vite';
import type { ViteState } from './state';

/**
 * Writes Concord's metadata into mf-manifest.json and mf-stats.json after @module-federation/vite emitted
 * them: this plugin comes after the federation plugins, is `enforce: 'post'` like their manifest plugin,
 * and its `generateBundle` runs in the `post` order, so the assets already exist in the bundle. Then it
 * starts the report on the stamped manifest, so the report runs while Vite writes the files (report.ts
 * prints it and fails the build in `writeBundle`).
 */
export function manifestPlugin(state: ViteState): Plugin {
  return {
    name: 'concord:manifest',
    apply: 'build',
    enforce: 'post',
    configResolved: (config) => state.init(config),
    generateBundle: {
      order: 'post',
      async handler(outputOptions, bundle) {
        if (this.environment?.name === 'ssr') return;
        const { manifest, stats } = state.build.manifestFiles;
        const { metadata } = await state.metadata();
        let own: unknown;
        let stamped = 0;
        for (const fileName of [manifest, stats]) {
          const asset = bundle[fileName];
          if (asset?.type !== 'asset') continue;
          const source =
            typeof asset.source === 'string' ? asset.source : new TextDecoder().decode(asset.source);
          const next = stampManifest(source, metadata);
          if (next === undefined) continue;
          asset.source = next;
          if (fileName === manifest) own = JSON.parse(next);
          stamped++;
        }
        if (stamped === 0)
          state.logger?.report(manifestNotFound(state.build.augmentation.app, [manifest, stats], 'vite'));
        const report = state.build.options.report;
        const outDir = outputOptions.dir ?? state.config?.build.outDir;
        if (report && outDir) {
          const path = join(outDir, manifest);
          state.report = startBuildReport({
            app: state.build.augmentation.app,
            root: state.build.project.root,
            manifest: own === undefined ? path : { input: path, manifest: own },
            outDir,
            options: report,
          });
        }
      },
    },
  };
}
