import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type ConcordBuild,
  createDiagnosticLogger,
  type DiagnosticLogger,
  finishBuildReport,
  manifestNotFound,
  prepareBuild,
  stampManifest,
  startBuildReport,
} from '@concord/build-core';
import { ModuleFederationPlugin as RspackFederationPlugin } from '@module-federation/enhanced/rspack';
import type { Compilation, Compiler } from '@rspack/core';
import type { BeaconLoaderOptions } from './beacon-loader';
import type {
  ConcordRspackOptions,
  ConcordRspackPluginExtras,
  FederationPluginClass,
  FederationPluginOptions,
} from './options';
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
    const build = prepareBuild<FederationPluginOptions>(this.#options, {
      bundler,
      root: compiler.context,
      pluginVersion: VERSION,
    });
    const Federation = this.#extras.federationPlugin ?? defaultFederationPlugin(bundler);
    // A fresh copy: enhanced writes into the options object it is given (`implementation`, `exposes`).
    new Federation({ ...build.augmentation.federation }).apply(compiler as never);

    let compilation: Compilation | undefined;
    const stamped = new WeakMap<Compilation, unknown>();
    const { WebpackError } = compiler.webpack;
    const infrastructure = compiler.getInfrastructureLogger('concord');
    const logger: DiagnosticLogger = createDiagnosticLogger({
      info: (message) => infrastructure.info(message),
      warn: (message) => compilation?.warnings.push(new WebpackError(message)),
      error: (message) => compilation?.errors.push(new WebpackError(message)),
    });
    compiler.hooks.thisCompilation.tap(NAME, (current) => {
      compilation = current;
      for (const diagnostic of build.diagnostics) logger.report(diagnostic);
      current.hooks.processAssets.tapPromise(
        { name: NAME, stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT },
        async () => {
          stamped.set(current, await stampAssets(current, build, logger, compiler, bundler));
        },
      );
    });

    if (build.beacons) addBeaconRule(compiler, build, bundler);

    const report = build.options.report;
    // After emit, not before: `output.clean` empties the output directory while assets are emitted.
    if (report)
      compiler.hooks.afterEmit.tapPromise(NAME, async (current) => {
        compilation = current;
        const outDir = current.outputOptions.path ?? compiler.outputPath;
        const path = join(outDir, build.manifestFiles.manifest);
        const own = stamped.get(current);
        const outcome = await startBuildReport({
          app: build.augmentation.app,
          root: build.project.root,
          // The stamped manifest as it is in memory; its path names it in the report.
          manifest: own === undefined ? path : { input: path, manifest: own },
          outDir,
          options: report,
        });
        const error = finishBuildReport(outcome, logger);
        if (error) current.errors.push(new WebpackError(error.message));
      });
  }
}

/** Stamps the metadata into the manifest and stats assets; returns the stamped manifest object. */
async function stampAssets(
  compilation: Compilation,
  build: ConcordBuild<FederationPluginOptions>,
  logger: DiagnosticLogger,
  compiler: Compiler,
  bundler: 'rspack' | 'webpack',
): Promise<unknown> {
  const { metadata, diagnostics } = await build.metadata();
  for (const diagnostic of diagnostics) logger.report(diagnostic);
  const { manifest, stats } = build.manifestFiles;
  let own: unknown;
  let stamped = 0;
  for (const file of [manifest, stats]) {
    const asset = compilation.getAsset(file);
    if (!asset) continue;
    const next = stampManifest(asset.source.source().toString(), metadata);
    if (next === undefined) continue;
    compilation.updateAsset(file, new compiler.webpack.sources.RawSource(next));
    if (file === manifest) own = JSON.parse(next);
    stamped++;
  }
  if (stamped === 0) logger.report(manifestNotFound(build.augmentation.app, [manifest, stats], bundler));
  return own;
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
