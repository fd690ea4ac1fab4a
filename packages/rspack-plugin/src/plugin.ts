import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type ConcordBuild,
  ConcordError,
  createDiagnosticLogger,
  type DiagnosticLogger,
  finishBuildReport,
  prepareBuild,
} from '@concord/build-core';
import { ModuleFederationPlugin as RspackFederationPlugin } from '@module-federation/enhanced/rspack';
import type { Compilation, Compiler } from '@rspack/core';
import type { BeaconLoaderOptions } from './beacon-loader';
import { rspackImportContract, type SwcLike } from './contract-import';
import type {
  ConcordRspackOptions,
  ConcordRspackPluginExtras,
  FederationPluginClass,
  FederationPluginOptions,
} from './options';
import { withOverlay } from './overlay';
import { VERSION } from './version';

const NAME = 'ConcordRspackPlugin';
// The loader runs from the built dist whether this file is src/plugin.ts (tests) or dist/index.js.
const LOADER = fileURLToPath(new URL('../dist/beacon-loader.js', import.meta.url));

function defaultFederationPlugin(bundler: 'rspack' | 'webpack'): FederationPluginClass {
  if (bundler === 'rspack') return RspackFederationPlugin as unknown as FederationPluginClass;
  // Loaded only on webpack, so Rspack users never load webpack's flavour.
  const webpackFlavour = createRequire(import.meta.url)('@module-federation/enhanced/webpack') as {
    ModuleFederationPlugin: FederationPluginClass;
  };
  return webpackFlavour.ModuleFederationPlugin;
}

/**
 * Applies @module-federation/enhanced's ModuleFederationPlugin with Concord's augmented options, plus
 * Concord's hooks: instance beacons (a loader on watched entry modules), the metadata in mf-manifest.json
 * and mf-stats.json, and the report after every build. Works on Rspack and on webpack 5.
 *
 * @example
 * // rspack.config.mjs
 * plugins: [new ConcordRspackPlugin({ name: 'catalog', filename: 'remoteEntry.js',
 *   exposes: { './mount': './src/mount.tsx' }, concord: { contract: '@acme/contract' } })]
 */
export class ConcordRspackPlugin {
  readonly name = NAME;
  readonly #options: ConcordRspackOptions;
  readonly #extras: ConcordRspackPluginExtras;

  constructor(options: ConcordRspackOptions, extras: ConcordRspackPluginExtras = {}) {
    this.#options = options;
    this.#extras = extras;
  }

  /**
   * Called by the bundler with Rspack's or webpack 5's compiler. Typed `unknown` so that both bundlers'
   * config types accept the plugin; the code uses only what the two compilers share.
   */
  apply(bundlerCompiler: unknown): void {
    const compiler = bundlerCompiler as Compiler;
    // Rspack's compiler carries `rspack`; webpack's does not.
    const bundler = 'rspack' in compiler ? 'rspack' : 'webpack';
    const rspack = (compiler as { rspack?: { rspackVersion?: string; experiments?: { swc?: SwcLike } } })
      .rspack;
    const build = prepareBuild<FederationPluginOptions>(this.#options, {
      bundler,
      root: compiler.context,
      pluginVersion: VERSION,
      toolchain: {
        bundlerVersion: rspack?.rspackVersion ?? compiler.webpack.version,
        federationPackage: '@module-federation/enhanced',
        pluginDir: dirname(fileURLToPath(import.meta.url)),
      },
      importContract: rspackImportContract(rspack?.experiments?.swc, bundler),
    });
    const Federation = this.#extras.federationPlugin ?? defaultFederationPlugin(bundler);
    // A fresh copy: enhanced writes into the options object it is given (`implementation`, `exposes`).
    new Federation({ ...withOverlay(build, compiler.options.mode) }).apply(compiler as never);

    let compilation: Compilation | undefined;
    const stamped = new WeakMap<Compilation, unknown>();
    const { WebpackError } = compiler.webpack;
    const infrastructure = compiler.getInfrastructureLogger('concord');
    const logger: DiagnosticLogger = createDiagnosticLogger({
      info: (message) => infrastructure.info(message),
      warn: (message) => compilation?.warnings.push(new WebpackError(message)),
      error: (message) => compilation?.errors.push(new WebpackError(message)),
    });
    let announced = false;
    compiler.hooks.thisCompilation.tap(NAME, (current) => {
      compilation = current;
      // What Concord changed in the federation config: one block, once per compiler (not per rebuild).
      // The infrastructure logger prefixes its name ("[concord]") itself.
      if (!announced) infrastructure.info(build.changes.replace(/^\[concord\] /, ''));
      announced = true;
      for (const diagnostic of build.diagnostics) logger.report(diagnostic);
      current.hooks.processAssets.tapPromise(
        { name: NAME, stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT },
        async () => {
          const result = await build
            .stampManifests({
              read: (name) => current.getAsset(name)?.source.source().toString(),
              write: (name, source) =>
                current.updateAsset(name, new compiler.webpack.sources.RawSource(source)),
            })
            .catch((error: unknown) => {
              // A TypeScript contract swc could not read (CONCORD-119): a compilation error, no stack.
              if (!(error instanceof ConcordError)) throw error;
              current.errors.push(new WebpackError(error.message));
              return undefined;
            });
          if (!result) return;
          for (const diagnostic of result.diagnostics) logger.report(diagnostic);
          stamped.set(current, result.manifest);
        },
      );
    });

    if (build.beacons) addBeaconRule(compiler, build, bundler);

    // After emit, not before: `output.clean` empties the output directory while assets are emitted.
    if (build.options.report)
      compiler.hooks.afterEmit.tapPromise(NAME, async (current) => {
        compilation = current;
        const outDir = current.outputOptions.path ?? compiler.outputPath;
        const outcome = await build.startReport(outDir, stamped.get(current));
        const error = outcome && finishBuildReport(outcome, logger);
        if (error) current.errors.push(new WebpackError(error.message));
      });
  }
}

function addBeaconRule(
  compiler: Compiler,
  build: ConcordBuild<FederationPluginOptions>,
  bundler: 'rspack' | 'webpack',
): void {
  const { beacons, beaconFilter, augmentation } = build;
  const options: BeaconLoaderOptions = {
    app: augmentation.app,
    bundler,
    watched: [...augmentation.watched],
  };
  compiler.options.module.rules.push({
    // Entry modules of watched packages only: the cheap path filter first, then the package.json check.
    test: (path: string) => beaconFilter.test(path) && beacons?.match(path) !== undefined,
    use: [{ loader: LOADER, options }],
    // Keeps the entry (and its beacon) even when the package says `sideEffects: false`: a re-export
    // barrel would otherwise be skipped. Only the entry module is flagged; its exports tree-shake as before.
    sideEffects: true,
  });
}
