import type { ConcordOptions, WithConcordOptions } from '@concord/build-core';
import type { ModuleFederationPlugin } from '@module-federation/enhanced/rspack';

export type {
  ConcordMode,
  ConcordOptions,
  ConcordReportOptions,
  ContractSpec,
  FailOn,
} from '@concord/build-core';

/** The options of @module-federation/enhanced's ModuleFederationPlugin (Rspack and webpack take the same). */
export type FederationPluginOptions = ConstructorParameters<typeof ModuleFederationPlugin>[0];

/**
 * The options of {@link ConcordRspackPlugin} and {@link withConcord}: @module-federation/enhanced's
 * options, unchanged, plus Concord's under `concord` (every field documented with its default on
 * {@link ConcordOptions}).
 *
 * @example
 * new ConcordRspackPlugin({
 *   name: 'catalog',
 *   filename: 'remoteEntry.js',
 *   exposes: { './mount': './src/mount.tsx' },
 *   shared: { react: {}, 'react-dom': {} },
 *   concord: { contract: '@acme/contract', reads: ['theme'] },
 * })
 */
export type ConcordRspackOptions = WithConcordOptions<FederationPluginOptions> & {
  concord?: ConcordOptions;
};
