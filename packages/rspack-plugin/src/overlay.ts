import { dirname, join } from 'node:path';
import type { ConcordBuild } from '@concord/build-core';
import type { FederationPluginOptions } from './options';

/**
 * The federation options with the Concord panel (`@concord/runtime-plugin/overlay`) among the runtime
 * plugins in development (`rspack serve`, `mode: 'development'`), and in production only with
 * `concord.overlay: true`. Unchanged otherwise: a production build never imports the panel.
 */
export function withOverlay(
  build: ConcordBuild<FederationPluginOptions>,
  mode: string | undefined,
): FederationPluginOptions {
  const federation = build.augmentation.federation;
  const { enabled, openOnError } = build.options.overlay;
  // Rspack and webpack build in production mode unless told otherwise.
  if (enabled === false || (enabled === 'development' && (mode ?? 'production') === 'production'))
    return federation;
  const entry = join(dirname(build.project.runtimePlugin), 'overlay', 'index.js');
  const plugins = (federation.runtimePlugins ?? []) as unknown[];
  return { ...federation, runtimePlugins: [...plugins, [entry, { openOnError }]] } as FederationPluginOptions;
}
