import type { Bundler, LogSink, WithConcordOptions } from '@concord/build-core';
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
export type ConcordRspackOptions = WithConcordOptions<FederationPluginOptions>;

/** A federation plugin class taking enhanced's options (Rspack's or webpack's ModuleFederationPlugin). */
export type FederationPluginClass = new (
  options: FederationPluginOptions,
) => { apply(compiler: never): void };

/** Options of {@link ConcordRspackPlugin} besides the federation and Concord options. */
export interface ConcordRspackPluginExtras {
  /**
   * The federation plugin to apply with the augmented options.
   * @default ModuleFederationPlugin of `@module-federation/enhanced/rspack` on Rspack, of
   * `@module-federation/enhanced/webpack` on webpack 5
   */
  federationPlugin?: FederationPluginClass;
}

/** Context of {@link withConcord}. */
export interface WithConcordContext {
  /**
   * The app directory (Rspack's `context`), where package.json and installed packages are read.
   * @default `concord.root`, else process.cwd()
   */
  root?: string;
  /**
   * The bundler the options are for (given to the runtime plugin and the beacons).
   * @default 'rspack'
   */
  bundler?: Exclude<Bundler, 'vite'>;
  /**
   * Where warnings go.
   * @default console
   */
  logger?: LogSink;
}
