import { createDiagnosticLogger, prepareBuild } from '@concord/build-core';
import type { ConcordRspackOptions, FederationPluginOptions, WithConcordContext } from './options';
import { VERSION } from './version';

/**
 * Returns the federation options augmented by Concord (contract and store libraries shared as
 * singletons, the runtime plugin registered, manifest on, `dts` off), without `concord`, for your own
 * `new ModuleFederationPlugin(...)`. Beacons, manifest metadata and the build report need
 * {@link ConcordRspackPlugin} instead. Never mutates `options`; throws a ConcordError for invalid ones.
 *
 * @example
 * new ModuleFederationPlugin(withConcord({ name: 'catalog', exposes, concord: { contract: '@acme/contract' } }))
 */
export function withConcord(
  options: ConcordRspackOptions,
  context: WithConcordContext = {},
): FederationPluginOptions {
  const build = prepareBuild<FederationPluginOptions>(options, {
    bundler: context.bundler ?? 'rspack',
    ...(context.root !== undefined ? { root: context.root } : {}),
    pluginVersion: VERSION,
  });
  const sink = context.logger ?? console;
  const logger = createDiagnosticLogger(sink);
  sink.info(build.changes);
  for (const diagnostic of build.diagnostics) logger.report(diagnostic);
  return build.augmentation.federation;
}
