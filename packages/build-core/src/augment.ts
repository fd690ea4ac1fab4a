// The heart of the build plugins: the user's federation options in, augmented federation options out,
// before the federation plugin normalises them. Pure: reads only its input (the project facts were read
// from disk beforehand), never mutates it, keeps no state.
import {
  contractNotResolvable,
  type Diagnostic,
  invalidOption,
  manifestDisabled,
  notShared,
  singletonFalse,
  unknownWatched,
  workspaceRange,
} from './diagnostics';
import type { Bundler, ConcordMode, ResolvedConcordOptions } from './options';
import type { InstalledPackage, ProjectInfo } from './project';

/** One entry of federation `shared` in object form (the fields Concord reads or sets). */
export interface SharedConfig {
  import?: string | false;
  singleton?: boolean;
  requiredVersion?: string | false;
  strictVersion?: boolean;
  version?: string;
  eager?: boolean;
  [key: string]: unknown;
}

/** The federation options Concord reads and sets; the rest passes through untouched. */
export interface FederationOptionsLike {
  name?: string;
  shared?: unknown;
  runtimePlugins?: unknown;
  manifest?: unknown;
  dts?: unknown;
}

/** A shared package as configured (the truth Concord stamps into the manifest). */
export interface ConfiguredShared {
  version?: string;
  requiredVersion?: string | false;
  singleton: boolean;
  strictVersion: boolean;
  import: boolean;
  eager?: boolean;
}

/** The options the runtime plugin is registered with (plain JSON). */
export interface RuntimePluginOptions {
  app: string;
  bundler: Bundler;
  mode: ConcordMode;
  watch: string[];
  packages?: Record<string, { mode?: ConcordMode }>;
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
  /** Every watched package (defaults, `watch`, the contract, @concord/shared-state). */
  watched: readonly string[];
  /** Configured shared packages after augmentation. */
  shared: Readonly<Record<string, ConfiguredShared>>;
  /** Installed versions of the watched packages the app depends on, shared or not. */
  dependencies: Readonly<Record<string, string>>;
  runtimeOptions: RuntimePluginOptions;
  /** Warnings for the build log (errors are thrown as ConcordError). */
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

/** `react/jsx-runtime` → `react`, `@scope/pkg/x` → `@scope/pkg`. */
export const packageNameOf = (request: string): string => {
  const parts = request.split('/');
  return request.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
};

// webpack's reading of a string value in `shared: { key: value }`.
function toObject(key: string, value: unknown): SharedConfig {
  if (typeof value === 'object' && value !== null) return value as SharedConfig;
  if (typeof value === 'string' && value !== key && /^[\^~<>=\d*]|^\s*$/.test(value))
    return { requiredVersion: value };
  return typeof value === 'string' && value !== key ? { import: value } : {};
}

/** Federation `shared` (array or object) as an object keyed by share key; values keep their form. */
export function normalizeShared(shared: unknown): Record<string, unknown> {
  if (Array.isArray(shared)) {
    const out: Record<string, unknown> = {};
    for (const item of shared) {
      if (typeof item === 'string') out[item] = {};
      else if (typeof item === 'object' && item !== null) Object.assign(out, item);
    }
    return out;
  }
  return typeof shared === 'object' && shared !== null ? { ...(shared as Record<string, unknown>) } : {};
}

function pluginPath(entry: unknown): string | undefined {
  const path = Array.isArray(entry) ? entry[0] : entry;
  return typeof path === 'string' ? path : undefined;
}

/**
 * Augments federation options with what Concord needs: the contract and @concord/shared-state shared as
 * singletons, watched store libraries the app depends on shared as singletons (unless the user says
 * otherwise, which is reported), the runtime plugin registered, the manifest on and `dts` off.
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
  const userShared = new Set(Object.keys(shared));
  // The contract and its library are always singletons; store libraries when the app depends on them.
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
    const enforce = options.autoShare || core.has(pkg);
    if (!userShared.has(pkg)) {
      if (!enforce) {
        diagnostics.push(notShared(app, pkg, installed.version, bundler));
        continue;
      }
      shared[pkg] = { singleton: true, requiredVersion: range };
    } else {
      const config = { ...toObject(pkg, shared[pkg]) };
      if (config.singleton === false) diagnostics.push(singletonFalse(app, pkg, bundler));
      else if (config.singleton === undefined && enforce) config.singleton = true;
      if (config.requiredVersion === undefined && config.import !== false) config.requiredVersion = range;
      else if (typeof config.requiredVersion === 'string' && UNUSABLE_RANGE.test(config.requiredVersion)) {
        diagnostics.push(workspaceRange(app, pkg, config.requiredVersion, range, bundler));
        config.requiredVersion = range;
      }
      shared[pkg] = config;
    }
    const config = shared[pkg] as SharedConfig;
    if (bundler !== 'vite' && config.singleton === true)
      for (const sub of COMPANIONS[pkg] ?? [])
        if (!(sub in shared))
          shared[sub] = { singleton: true, requiredVersion: config.requiredVersion ?? range };
  }

  const runtimeOptions: RuntimePluginOptions = {
    app,
    bundler,
    mode: options.mode,
    watch: watched,
    ...(Object.keys(options.packages).length ? { packages: { ...options.packages } } : {}),
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

  const configured: Record<string, ConfiguredShared> = {};
  for (const [key, value] of Object.entries(shared)) {
    const config = toObject(key, value);
    const installed = project.find(packageNameOf(key));
    const version = typeof config.version === 'string' ? config.version : installed?.version;
    const requiredVersion =
      config.requiredVersion !== undefined ? config.requiredVersion : version ? `^${version}` : undefined;
    configured[key] = {
      ...(version !== undefined ? { version } : {}),
      ...(requiredVersion !== undefined ? { requiredVersion } : {}),
      singleton: config.singleton === true,
      strictVersion: config.strictVersion === true,
      import: config.import !== false,
      ...(config.eager !== undefined ? { eager: config.eager === true } : {}),
    };
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
    watched,
    shared: configured,
    dependencies,
    runtimeOptions,
    diagnostics,
  };
}
