// One Concord build, whatever the bundler: options resolved, federation options augmented, and the
// lazily loaded contract metadata. The Vite and Rspack plugins are thin adapters over this.

import { join } from 'node:path';
import { DEFAULT_WATCHED } from '@concord/runtime-plugin/inject';
import { type Augmentation, augmentFederationOptions, type FederationOptionsLike } from './augment';
import { type BeaconTransform, createBeaconTransform, watchedPathFilter } from './beacon';
import { describeChanges } from './changes';
import { type ContractImporter, checkOwns, checkReads, type LoadedContract, loadContract } from './contract';
import { createDebugger } from './debug';
import { type Diagnostic, manifestNotFound } from './diagnostics';
import { buildMetadata, type ConcordMetadata, manifestFileNames, stampManifest } from './metadata';
import { type Bundler, type ConcordOptions, type ResolvedConcordOptions, resolveOptions } from './options';
import { type ProjectInfo, readProject } from './project';
import { type BuildReportOutcome, startBuildReport } from './report';
import { readToolchain, type ToolchainHint } from './toolchain';

const debug = createDebugger('concord:build');

/** Federation options with Concord's options under `concord`. */
export type WithConcordOptions<T> = T & {
  /** Concord's options: the contract, runtime mode, watched libraries, reads and the build report. */
  concord?: ConcordOptions;
};

/** Everything one build needs from the core. */
export interface ConcordBuild<T extends FederationOptionsLike> {
  options: ResolvedConcordOptions;
  project: ProjectInfo;
  augmentation: Augmentation<T>;
  /** Warnings found while preparing (the bundler plugin prints them once its logger exists). */
  diagnostics: readonly Diagnostic[];
  /** The block saying what Concord changed in the federation config, for the bundler's info logger. */
  changes: string;
  /** Manifest and stats file names, relative to the output directory. */
  manifestFiles: { manifest: string; stats: string };
  /** The beacon transform, or undefined when `concord.beacons` is false. */
  beacons: BeaconTransform | undefined;
  /** Matches the paths of watched packages (node_modules copies and the resolved directories). */
  beaconFilter: RegExp;
  /** The manifest metadata, with the diagnostics of reading the contract; loaded once. */
  metadata(): Promise<{ metadata: ConcordMetadata; diagnostics: Diagnostic[] }>;
  /**
   * Writes the metadata into the manifest and stats files the federation plugin emitted, through the
   * bundler's `assets`. Returns the stamped manifest object (undefined when there was none) and the
   * diagnostics to print: the contract's, and CONCORD-114 when neither file was there.
   */
  stampManifests(assets: ManifestAssets): Promise<{ manifest: unknown; diagnostics: Diagnostic[] }>;
  /**
   * Starts the report of this build on its manifest: the object `stampManifests` returned, else the file
   * in `outDir`. Undefined when `concord.report` is false.
   */
  startReport(outDir: string, stamped: unknown): Promise<BuildReportOutcome> | undefined;
}

/** The emitted files of one build as the bundler holds them before writing (Rollup's bundle, Rspack's assets). */
export interface ManifestAssets {
  /** The text of the emitted file `name`, undefined when there is none. */
  read(name: string): string | undefined;
  /** Replaces the emitted file `name`. */
  write(name: string, source: string): void;
}

/** Context of {@link prepareBuild}. */
export interface PrepareContext {
  bundler: Bundler;
  /** The app directory when the bundler knows it (Rspack's `context`); else `concord.root`, else cwd. */
  root?: string;
  /** Version of the calling plugin, stamped into the metadata. */
  pluginVersion: string;
  /** What the plugin knows of its bundler and federation plugin, for the metadata's toolchain. */
  toolchain?: ToolchainHint;
  /**
   * Imports a TypeScript contract entry with the bundler's own transform (Vite's `runnerImport`, Rspack's
   * swc). Without it, a TypeScript contract is a CONCORD-119 error.
   */
  importContract?: ContractImporter;
}

/**
 * Splits `concord` off the user's federation options, resolves it, reads the app and augments the
 * federation options. Throws a ConcordError for invalid or conflicting options. Never mutates `user`.
 */
export function prepareBuild<T extends FederationOptionsLike>(
  user: WithConcordOptions<T>,
  context: PrepareContext,
): ConcordBuild<T> {
  const { concord, ...federation } = user;
  const options = resolveOptions(concord);
  const root = context.root ?? options.root ?? process.cwd();
  const project = readProject(root, options.contract?.package);
  const augmentation = augmentFederationOptions({
    federation: federation as unknown as T,
    options,
    project,
    bundler: context.bundler,
    defaultWatched: DEFAULT_WATCHED,
  });
  const { app, watched } = augmentation;
  debug?.(`${app} (${context.bundler}) from ${root}: shared`, augmentation.federation.shared);
  const dirs = [...new Set(watched.map((name) => project.find(name)?.dir).filter((d) => d !== undefined))];
  const manifestFiles = manifestFileNames(augmentation.federation.manifest, context.bundler);
  let pending: ReturnType<ConcordBuild<T>['metadata']> | undefined;
  const metadata = () =>
    (pending ??= (async () => {
      const spec = options.contract;
      const installed = spec ? project.find(spec.package) : undefined;
      const contract: LoadedContract | undefined =
        spec && installed
          ? await loadContract(app, spec, installed, context.bundler, context.importContract)
          : undefined;
      const diagnostics = [...(contract?.diagnostics ?? [])];
      if (contract?.metadata && spec)
        diagnostics.push(
          ...checkReads(app, context.bundler, options.reads, contract.metadata, spec.package),
          ...checkOwns(app, context.bundler, options.owns, contract.metadata, spec.package),
        );
      const toolchain = readToolchain(context.bundler, project, context.toolchain ?? {});
      const metadata = buildMetadata(augmentation, options, contract, context.pluginVersion, toolchain);
      return { metadata, diagnostics };
    })());
  return {
    options,
    project,
    augmentation,
    diagnostics: augmentation.diagnostics,
    changes: describeChanges(augmentation, federation),
    manifestFiles,
    beacons: options.beacons ? createBeaconTransform({ watched, app, bundler: context.bundler }) : undefined,
    beaconFilter: watchedPathFilter(watched, dirs),
    metadata,
    async stampManifests(assets) {
      const loaded = await metadata();
      const files = [manifestFiles.manifest, manifestFiles.stats];
      let manifest: unknown;
      let found = false;
      for (const file of files) {
        const source = assets.read(file);
        const next = source === undefined ? undefined : stampManifest(source, loaded.metadata);
        if (next === undefined) continue;
        assets.write(file, next);
        if (file === manifestFiles.manifest) manifest = JSON.parse(next);
        found = true;
      }
      const diagnostics = found
        ? loaded.diagnostics
        : [...loaded.diagnostics, manifestNotFound(app, files, context.bundler)];
      return { manifest, diagnostics };
    },
    startReport(outDir, stamped) {
      if (!options.report) return undefined;
      const path = join(outDir, manifestFiles.manifest);
      return startBuildReport({
        app,
        root: project.root,
        // The stamped manifest as it is in memory; its path names it in the report.
        manifest: stamped === undefined ? path : { input: path, manifest: stamped },
        outDir,
        options: options.report,
      });
    },
  };
}
