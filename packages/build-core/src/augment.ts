// The heart of the build plugins: the user's federation options in, augmented federation options out,
// before the federation plugin normalises them. Pure: reads only its input (the project facts were read
// from disk beforehand), never mutates it, keeps no state.
import { classifyRange, type ShareChanges, type SharedMetadata } from '@concord/report';
import {
  anyRange,
  contractNotResolvable,
  type Diagnostic,
  invalidOption,
  manifestDisabled,
  nonSemverRange,
  notShared,
  singletonFalse,
  unknownWatched,
  workspaceRange,
} from './diagnostics';
import type { Bundler, ConcordMode, ResolvedConcordOptions } from './options';
import type { InstalledPackage, ProjectInfo } from './project';
import { normalizeShared, registeredShare, toObject } from './registered';

export { normalizeShared, packageNameOf, type SharedConfig } from './registered';

/** The federation options Concord reads and sets; the rest passes through untouched. */
export interface FederationOptionsLike {
  name?: string;
  shared?: unknown;
  shareScope?: unknown;
  runtimePlugins?: unknown;
  manifest?: unknown;
  dts?: unknown;
}

/** A share as Module Federation registers it, plus what Concord changed (the manifest metadata's entry). */
export type ConfiguredShared = SharedMetadata;

/** The options the runtime plugin is registered with (plain JSON). */
export interface RuntimePluginOptions {
  app: string;
  bundler: Bundler;
  mode: ConcordMode;
  watch: string[];
  packages?: Record<string, { mode?: ConcordMode }>;
  docsUrl?: string;
}

/** Input of {@link augmentFederationOptions}. */
export interface AugmentInput<T extends FederationOptionsLike> {
  /** The user's federation options (never mutated). */
  federation: T;
  options: ResolvedConcordOptions;
  project: ProjectInfo;
  bundler: Bundler;
  /** The default watched list (`DEFAULT_WATCHED` of the runtime plugin). */
  defaultWatched: readonly string[];
}

/** Result of {@link augmentFederationOptions}. */
export interface Augmentation<T extends FederationOptionsLike> {
  /** The options to give the federation plugin. */
  federation: T;
  /** Federation container name. */
  name: string;
  /** This app's name for contracts and diagnostics. */
  app: string;
  bundler: Bundler;
  /** Every watched package (defaults, `watch`, the contract, @concord/shared-state). */
  watched: readonly string[];
  /** Every share as the federation plugin registers it, with Concord's changes marked. */
  shared: Readonly<Record<string, ConfiguredShared>>;
  /** Share keys Concord removed from the user's `shared` (its own build-time packages). */
  removed: readonly string[];
  /** Whether Concord registered its runtime plugin (false when the user had already). */
  runtimePluginAdded: boolean;
  /** `concord.autoShare`: whether Concord added or changed shares. */
  autoShare: boolean;
  /** Installed versions of the watched packages the app depends on, shared or not. */
  dependencies: Readonly<Record<string, string>>;
  runtimeOptions: RuntimePluginOptions;
  /** Warnings and notes for the build log (errors are thrown as ConcordError). */
  diagnostics: readonly Diagnostic[];
}

export const SHARED_STATE = '@concord/shared-state';

// Rspack and webpack share exactly the keys listed; @module-federation/vite shares these subpaths by
// itself. An unshared `react/jsx-runtime` is a private React internals copy (see shared/reference).
const COMPANIONS: Readonly<Record<string, readonly string[]>> = {
  react: ['react/jsx-runtime'],
  'react-dom': ['react-dom/client'],
};

const UNUSABLE_RANGE = /^(?:workspace|catalog|link|file|portal):/;
const RUNTIME_PLUGIN = /(?:^|[\\/])@concord[\\/]runtime-plugin(?:[\\/]|$)/;
// Concord's own packages other than the shared-state library are build-time tools or the runtime plugin,
// which the federation runtime imports before any share scope is filled: shared, it blanks the page
// (RUNTIME-015). `shared` derived from `dependencies` lists them, so they are taken out.
const OWN_BUILD_PACKAGE = /^@concord\/(?!shared-state(?:\/|$))/;

function pluginPath(entry: unknown): string | undefined {
  const path = Array.isArray(entry) ? entry[0] : entry;
  return typeof path === 'string' ? path : undefined;
}

/**
 * Augments federation options with what Concord needs: the contract and @concord/shared-state shared as
 * singletons, watched store libraries the app depends on shared as singletons (unless the user says
 * otherwise, which is reported; with `autoShare: false` nothing is added or changed), Concord's own
 * build-time packages kept out of `shared`, the runtime plugin registered, the manifest on and `dts` off.
 * Throws a ConcordError for options that cannot work (no `name`, `manifest: false`, unresolvable contract).
 */
export function augmentFederationOptions<T extends FederationOptionsLike>(
  input: AugmentInput<T>,
): Augmentation<T> {
  const { federation, options, project, bundler } = input;
  const name = federation.name;
  if (typeof name !== 'string' || name === '')
    throw invalidOption('name', JSON.stringify(name) ?? 'undefined', 'the federation container name');
  const app = options.app ?? name;
  if (federation.manifest === false) throw manifestDisabled(app, bundler);

  const diagnostics: Diagnostic[] = [];
  const contract = options.contract?.package;
  if (contract && !project.find(contract)) throw contractNotResolvable(app, contract, project.root);

  const watched = [
    ...new Set([...input.defaultWatched, ...options.watch, ...(contract ? [contract] : []), SHARED_STATE]),
  ];
  for (const pkg of options.watch)
    if (!(pkg in project.dependencies) && !project.find(pkg))
      diagnostics.push(unknownWatched(app, pkg, project.root));

  const shared = normalizeShared(federation.shared);
  const removed = Object.keys(shared).filter((key) => OWN_BUILD_PACKAGE.test(key));
  for (const key of removed) delete shared[key];
  const userShared = new Set(Object.keys(shared));
  const changes = new Map<string, ShareChanges>();
  const { autoShare } = options;
  // The contract and its library are singletons of every app that declares a contract or uses the library.
  const core = new Set<string>();
  if (contract) core.add(contract);
  if ((contract || SHARED_STATE in project.dependencies) && project.find(SHARED_STATE))
    core.add(SHARED_STATE);
  const targets = new Map<string, InstalledPackage>();
  for (const pkg of watched) {
    const installed = project.find(pkg);
    if (installed && (core.has(pkg) || pkg in project.dependencies || userShared.has(pkg)))
      targets.set(pkg, installed);
  }

  for (const [pkg, installed] of targets) {
    const range = `^${installed.version}`;
    if (!userShared.has(pkg)) {
      if (!autoShare) {
        diagnostics.push(notShared(app, pkg, installed.version, bundler));
        continue;
      }
      shared[pkg] = { singleton: true, requiredVersion: range };
      changes.set(pkg, { added: true });
    } else {
      const config = { ...toObject(pkg, shared[pkg]) };
      const changed: ShareChanges = {};
      if (config.singleton === false) diagnostics.push(singletonFalse(app, pkg, bundler));
      else if (config.singleton === undefined && autoShare) {
        config.singleton = true;
        changed.singleton = null;
      }
      if (autoShare && config.requiredVersion === undefined && config.import !== false) {
        config.requiredVersion = range;
        changed.requiredVersion = null;
      } else if (
        autoShare &&
        typeof config.requiredVersion === 'string' &&
        UNUSABLE_RANGE.test(config.requiredVersion)
      ) {
        diagnostics.push(workspaceRange(app, pkg, config.requiredVersion, range, bundler));
        changed.requiredVersion = config.requiredVersion;
        config.requiredVersion = range;
      }
      if (Object.keys(changed).length) {
        shared[pkg] = config;
        changes.set(pkg, changed);
      }
    }
    const config = toObject(pkg, shared[pkg]);
    if (autoShare && bundler !== 'vite' && config.singleton === true)
      for (const sub of COMPANIONS[pkg] ?? [])
        if (!(sub in shared)) {
          shared[sub] = { singleton: true, requiredVersion: config.requiredVersion ?? range };
          changes.set(sub, { added: true });
        }
  }

  const runtimeOptions: RuntimePluginOptions = {
    app,
    bundler,
    mode: options.mode,
    watch: watched,
    ...(Object.keys(options.packages).length ? { packages: { ...options.packages } } : {}),
    ...(options.docsUrl === undefined ? {} : { docsUrl: options.docsUrl }),
  };
  const userPlugins = Array.isArray(federation.runtimePlugins)
    ? federation.runtimePlugins
    : federation.runtimePlugins === undefined
      ? []
      : [federation.runtimePlugins];
  const hasConcord = userPlugins.some((entry) => {
    const path = pluginPath(entry);
    return path !== undefined && (path === project.runtimePlugin || RUNTIME_PLUGIN.test(path));
  });
  const runtimePlugins = hasConcord
    ? [...userPlugins]
    : [...userPlugins, [project.runtimePlugin, runtimeOptions]];

  const scope = typeof federation.shareScope === 'string' ? federation.shareScope : 'default';
  const registered: Record<string, ConfiguredShared> = {};
  for (const [key, value] of Object.entries(shared)) {
    const entry = registeredShare(key, toObject(key, value), project, bundler, scope);
    const changed = changes.get(key);
    registered[key] = changed ? { ...entry, concord: changed } : entry;
    if (typeof entry.requiredVersion !== 'string') continue;
    const kind = classifyRange(entry.requiredVersion).kind;
    if (kind === 'any' && entry.import) diagnostics.push(anyRange(app, key, entry.requiredVersion, bundler));
    else if (kind !== 'semver' && kind !== 'any')
      diagnostics.push(nonSemverRange(app, key, entry.requiredVersion, kind, entry.version, bundler));
  }
  const dependencies: Record<string, string> = {};
  for (const pkg of watched) {
    if (!(pkg in project.dependencies)) continue;
    const version = project.find(pkg)?.version;
    if (version) dependencies[pkg] = version;
  }

  return {
    federation: {
      ...federation,
      shared,
      runtimePlugins,
      manifest: federation.manifest ?? true,
      dts: federation.dts ?? false,
    },
    name,
    app,
    bundler,
    watched,
    shared: registered,
    removed,
    runtimePluginAdded: !hasConcord,
    autoShare,
    dependencies,
    runtimeOptions,
    diagnostics,
  };
}
