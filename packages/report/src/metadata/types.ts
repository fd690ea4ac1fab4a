// The one definition of Concord's manifest metadata: the `concord` key that @concord/vite-plugin and
// @concord/rspack-plugin (through @concord/build-core) write into mf-manifest.json / mf-stats.json, and that
// @concord/report reads. The JSON Schema beside it (schema.ts) describes the same shape for other tools.

/** Version of the metadata shape (`concord.schema`). Additive fields keep the number; a breaking change bumps it. */
export const METADATA_SCHEMA_VERSION = 1;

/** The bundlers the build plugins run on. */
export type MetadataBundler = 'vite' | 'rspack' | 'webpack';

/** An installed npm package: name and version (`version` is "unknown" when it could not be read). */
export interface PackageVersion {
  package: string;
  version: string;
}

/**
 * What Concord changed in one share of the federation config. Each key present names something Concord did;
 * its value is what the user had written (`null`: the user set nothing there). Absent: Concord left the
 * share exactly as the user wrote it.
 *
 * @example
 * { added: true }                        // not in the user's `shared`: Concord added it
 * { singleton: null }                    // the user shared it without `singleton`: Concord forced true
 * { requiredVersion: 'workspace:*' }     // the user's range could not work: Concord replaced it
 */
export interface ShareChanges {
  /** The share was not in the user's `shared`: Concord added it (a watched library, the contract, a subpath). */
  added?: true;
  /** Concord set `singleton: true`; the user's value. */
  singleton?: boolean | null;
  /** Concord set `requiredVersion` (filled from the installed version, or replaced an unusable range); the user's value. */
  requiredVersion?: string | false | null;
}

/**
 * One share exactly as Module Federation registers it for this app (the values the runtime receives, after
 * the federation plugin applied its own defaults), plus what Concord changed, marked as such.
 */
export interface SharedMetadata {
  /** The version this app provides; absent when none could be determined. */
  version?: string;
  /**
   * The range the runtime checks (`false`: no check). Absent when the federation plugin registers none
   * (enhanced finds no range in the app's package.json and none was configured).
   */
  requiredVersion?: string | false;
  singleton: boolean;
  strictVersion: boolean;
  eager: boolean;
  /** `false` when the app only consumes the share (`import: false`): it provides no copy of its own. */
  import: boolean;
  /** The share scope the share is registered in. @default 'default' */
  shareScope: string;
  /** What Concord changed in this share; absent when nothing. */
  concord?: ShareChanges;
}

/** One slice of the contract (`describeContract` of @concord/shared-state). */
export interface SliceMetadata {
  owner: string;
  broadcast: boolean;
  sensitive: boolean;
  fields: string[];
}

/** The contract this app was built with. */
export interface ContractMetadata {
  /** npm name of the contract package. */
  package?: string;
  name: string;
  version: string;
  slices: Record<string, SliceMetadata>;
  events: string[];
}

/** The `concord` key of a federation manifest. */
export interface ManifestMetadata {
  schema: typeof METADATA_SCHEMA_VERSION;
  /** The app's name as contracts and diagnostics spell it. */
  app: string;
  bundler: MetadataBundler;
  /** Version of the bundler that built the app (Vite's, @rspack/core's `rspackVersion`, webpack's). */
  bundlerVersion?: string;
  /** The federation plugin that built the container, e.g. `@module-federation/vite` 1.23.8. */
  federation?: PackageVersion;
  /** The Module Federation runtime the container runs, e.g. `@module-federation/runtime` 2.9.3. */
  runtime?: PackageVersion;
  /** Version of the Concord build plugin. */
  pluginVersion: string;
  mode: 'warn' | 'throw' | 'off';
  /** Whether Concord was allowed to add and change shares (`concord.autoShare`). */
  autoShare?: boolean;
  /** Omitted when the app has no contract or it could not be read. */
  contract?: ContractMetadata;
  /** Slices of the contract this app owns. */
  owns: string[];
  /** Slices or `slice.field`s this app reads (`concord.reads`). */
  reads: string[];
  /** Every share of the app as Module Federation registers it, keyed by share key. */
  shared: Record<string, SharedMetadata>;
  /** Shares Concord removed from the user's `shared` (its own build-time packages, never to be shared). */
  removed?: string[];
  /** Every package the runtime plugin watches for copies. */
  watched: string[];
  /** Installed versions of the watched packages the app depends on, shared or not. */
  dependencies: Record<string, string>;
}
