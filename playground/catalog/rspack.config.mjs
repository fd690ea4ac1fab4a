// Rspack config of the catalog remote. The scenario (CONCORD_SCENARIO) decides ports, output and what
// it shares: ../scenarios.mjs.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { ConcordRspackPlugin } from '@concord/rspack-plugin';
import { rspack } from '@rspack/core';
import { buildContext } from '../federation.mjs';

const appDir = fileURLToPath(new URL('.', import.meta.url));

const html = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1.0" />
    <link rel="icon" href="data:," />
    <title>Catalog — Concord playground remote</title>
  </head>
  <body>
    <div id="root"></div>
  </body>
</html>`;

/** @returns {import('@rspack/core').Configuration} */
export function createConfig(env = process.env) {
  const ctx = buildContext('catalog', appDir, env);
  return {
    mode: 'production',
    context: appDir,
    entry: { main: './src/index.ts' },
    target: ['web', 'es2022'],
    devtool: false,
    output: { path: ctx.outDir, publicPath: `${ctx.origin}/`, uniqueName: 'catalog', clean: true },
    resolve: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          loader: 'builtin:swc-loader',
          options: {
            jsc: {
              parser: { syntax: 'typescript', tsx: true },
              // The automatic runtime imports react/jsx-runtime: Concord shares it along with react.
              transform: { react: { runtime: 'automatic' } },
            },
          },
          type: 'javascript/auto',
        },
      ],
    },
    plugins: [
      // Applies @module-federation/enhanced's ModuleFederationPlugin with Concord's augmented options.
      new ConcordRspackPlugin(
        {
          name: 'catalog',
          filename: 'remoteEntry.js',
          exposes: { './mount': './src/mount.tsx' },
          shared: ctx.shared,
          concord: ctx.concord,
        },
        // `federationRuntime: '2.7'` / `'2.5'`: an older enhanced's plugin (runtime 2.7.0 / 2.5.1) instead of the
        // catalog's 2.9.
        ctx.federationRuntime === 'current'
          ? {}
          : { federationPlugin: olderFederationPlugin(ctx.federationRuntime) },
      ),
      new rspack.HtmlRspackPlugin({ templateContent: html }),
    ],
    performance: { hints: false },
  };
}

/** The aliases of the older enhanced releases (pnpm-workspace.yaml's catalog), by `federationRuntime`. */
const OLDER_ENHANCED = Object.freeze({
  2.7: '@module-federation/enhanced-2-7',
  2.5: '@module-federation/enhanced-2-5',
});

/** An older enhanced's ModuleFederationPlugin, loaded only by the scenarios that ask for it. */
function olderFederationPlugin(/** @type {'2.7' | '2.5'} */ release) {
  return createRequire(import.meta.url)(`${OLDER_ENHANCED[release]}/rspack`).ModuleFederationPlugin;
}
