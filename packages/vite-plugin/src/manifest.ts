import { ConcordError } from '@concord/build-core';
import type { Plugin } from 'vite';
import { failBuild } from './fail';
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
    // Runs before the environments are built, under `vite build` only: failures are then held (fail.ts).
    buildApp: {
      order: 'pre',
      async handler() {
        state.appBuild = true;
      },
    },
    generateBundle: {
      order: 'post',
      async handler(outputOptions, bundle) {
        if (this.environment?.name === 'ssr') return;
        const stamped = await state.build
          .stampManifests({
            read(name) {
              const asset = bundle[name];
              if (asset?.type !== 'asset') return undefined;
              return typeof asset.source === 'string' ? asset.source : new TextDecoder().decode(asset.source);
            },
            write(name, source) {
              const asset = bundle[name];
              if (asset?.type === 'asset') asset.source = source;
            },
          })
          .catch((error: unknown) => {
            // A TypeScript contract the bundler could not read (CONCORD-119): the coded sentence, no stack.
            if (!(error instanceof ConcordError)) throw error;
            failBuild(state, this, error.message);
            return undefined;
          });
        if (!stamped) return;
        const { manifest, diagnostics } = stamped;
        for (const d of diagnostics) state.logger?.report(d);
        const outDir = outputOptions.dir ?? state.config?.build.outDir;
        if (outDir) state.report = state.build.startReport(outDir, manifest);
      },
    },
  };
}
