import type { WithConcordOptions } from '@concord/build-core';
import type { ModuleFederationOptions } from '@module-federation/vite';

export type {
  ConcordMode,
  ConcordOptions,
  ConcordReportOptions,
  ContractSpec,
  FailOn,
} from '@concord/build-core';

/**
 * The options of {@link concord}: @module-federation/vite's options, unchanged, plus Concord's under
 * `concord` (every field documented with its default on {@link ConcordOptions}).
 *
 * @example
 * concord({
 *   name: 'cart',
 *   filename: 'remoteEntry.js',
 *   exposes: { './Cart': './src/Cart.tsx' },
 *   shared: { react: {}, 'react-dom': {} },
 *   concord: { contract: '@acme/contract', reads: ['theme'], report: ['../host/dist/mf-manifest.json'] },
 * })
 */
export type ConcordViteOptions = WithConcordOptions<ModuleFederationOptions>;
