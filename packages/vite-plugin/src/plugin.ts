import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { prepareBuild } from '@concord/build-core';
import {
  federation,
  type ModuleFederationOptions,
  type PluginManifestOptions,
} from '@module-federation/vite';
import type { Plugin } from 'vite';
import { beaconPlugin } from './beacons';
import { viteImportContract } from './contract-import';
import { manifestPlugin } from './manifest';
import type { ConcordViteOptions } from './options';
import { overlayPlugin } from './overlay';
import { reportPlugin } from './report';
import { createState } from './state';
import { toolchainPlugin } from './toolchain';
import { VERSION } from './version';

/**
 * Replaces `federation(options)` of @module-federation/vite: returns its plugins, built from the
 * augmented options, followed by Concord's (beacons, manifest metadata, build report, `/__concord`).
 *
 * @example
 * // vite.config.ts
 * export default defineConfig({
 *   plugins: [react(), concord({ name: 'cart', exposes: { './Cart': './src/Cart.tsx' },
 *     concord: { contract: '@acme/contract' } })],
 * });
 */
export function concord(options: ConcordViteOptions): Plugin[] {
  const build = prepareBuild<ModuleFederationOptions>(options, {
    bundler: 'vite',
    pluginVersion: VERSION,
    toolchain: {
      federationPackage: '@module-federation/vite',
      pluginDir: dirname(fileURLToPath(import.meta.url)),
    },
    importContract: viteImportContract,
  });
  const state = createState(build);
  const { manifest } = build.augmentation.federation;
  const userManifest: PluginManifestOptions = typeof manifest === 'object' ? manifest : {};
  // The dev server generates the manifest per request: stamp it there through `additionalData`.
  // Builds are stamped after the federation plugin emitted the files (manifest.ts).
  const withDevMetadata: PluginManifestOptions = {
    ...userManifest,
    async additionalData(context) {
      const data = (await userManifest.additionalData?.(context)) || context.stats;
      if (state.command !== 'serve') return data;
      return { ...data, concord: (await state.metadata()).metadata };
    },
  };
  const plugins = federation({ ...build.augmentation.federation, manifest: withDevMetadata }) as Plugin[];
  return [
    ...plugins,
    toolchainPlugin(state),
    // The panel's plugin before the others: beacons, manifest and report stay Concord's last three.
    overlayPlugin(build),
    beaconPlugin(state),
    manifestPlugin(state),
    reportPlugin(state),
  ];
}
