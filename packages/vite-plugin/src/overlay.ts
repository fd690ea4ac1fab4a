import { dirname, join } from 'node:path';
import type { ConcordBuild } from '@concord/build-core';
import type { ModuleFederationOptions } from '@module-federation/vite';
import type { Plugin } from 'vite';

/**
 * Adds the Concord panel (`@concord/runtime-plugin/overlay`) to the container's runtime plugins in
 * `vite dev` and development builds (`--mode development`), and in production builds only with
 * `concord.overlay: true`. Decided in `configResolved`, before @module-federation/vite generates the
 * runtime-plugin imports from the same `runtimePlugins` array: a production build never imports it.
 */
export function overlayPlugin(build: ConcordBuild<ModuleFederationOptions>): Plugin {
  return {
    name: 'concord:overlay',
    configResolved(config) {
      const { enabled, openOnError } = build.options.overlay;
      // `isProduction` follows NODE_ENV, which a caller may have set to something else (a test runner).
      const production = config.isProduction || (config.command === 'build' && config.mode === 'production');
      if (enabled === false || (enabled === 'development' && production)) return;
      const plugins = build.augmentation.federation.runtimePlugins as unknown[];
      const entry = join(dirname(build.project.runtimePlugin), 'overlay', 'index.js');
      if (!plugins.some((p) => Array.isArray(p) && p[0] === entry)) plugins.push([entry, { openOnError }]);
    },
  };
}
