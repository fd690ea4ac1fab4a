// The shapes the report reads and writes. `Report` is the JSON schema v1 (schema/report.schema.json mirrors it);
// change both together and bump `REPORT_SCHEMA` on any breaking change.

/** Bundler an app was built with. `enhanced` = @module-federation/enhanced without Concord metadata (Rspack or webpack). */
export type Bundler = 'vite' | 'rspack' | 'webpack' | 'enhanced';

export type Severity = 'error' | 'warning' | 'info';

/** Where `concord report` stops: findings at or above this severity make the exit code 1. */
export type FailOn = 'error' | 'warning' | 'never';

/** One diagnostic. `message` is the whole sentence: what happened, the consequence, the fix, the docs link. */
export interface Finding {
  /** Stable code, `CONCORD-4xx`. */
  code: string;
  severity: Severity;
  message: string;
  /** The fix part of `message` on its own. */
  fix: string;
  /** `docs/diagnostics.md#concord-4xx`. */
  docs: string;
  /** The shared package (or contract slice, as `contract:<name>`) the finding is about. */
  package?: string;
  /** The apps involved, in input order. */
  apps?: string[];
  /** The input (path or URL) the finding is about, for input findings. */
  input?: string;
  /** The JSON path of the offending field inside that input, e.g. `shared[2].version`. */
  field?: string;
}

/**
 * One `shared[]` entry of an mf-manifest.json / mf-stats.json, reduced to what the report uses. Frozen, and
 * shared by every manifest with the same entry (a fleet repeats a few thousand across tens of thousands).
 */
export interface ManifestShared {
  readonly name: string;
  readonly version: string;
  /** Missing or `null` (Rspack writes null) means "not recorded". */
  readonly requiredVersion: string | false | null;
  readonly singleton: boolean | null;
}

/**
 * The configured share options the build plugins stamp into `concord.shared` (the truth, unlike Rspack's
 * manifest). As validated by the report: frozen, and shared by every app configured the same way.
 */
export interface ConcordSharedConfig {
  readonly version?: string;
  readonly requiredVersion?: string | false;
  readonly singleton?: boolean;
  readonly strictVersion?: boolean;
  readonly import?: boolean;
  /** Recorded by metadata that says what Module Federation registers (src/metadata); absent: not eager. */
  readonly eager?: boolean;
}

/** `describeContract()` output, plus the npm package the contract lives in. */
export interface ContractDescription {
  package?: string;
  name: string;
  version: string;
  slices: Record<string, { owner: string; broadcast: boolean; sensitive: boolean; fields: string[] }>;
  events: string[];
}

/** The top-level `concord` key the Concord build plugins add to both manifests (schema 1). */
export interface ConcordMetadata {
  schema: 1;
  app: string;
  bundler: Bundler;
  pluginVersion?: string;
  mode?: 'warn' | 'throw' | 'off';
  contract?: ContractDescription;
  owns: string[];
  reads: string[];
  shared: Record<string, ConcordSharedConfig>;
  watched?: string[];
  dependencies: Record<string, string>;
  /** The federation plugin that built the container (src/metadata `federation`), when recorded. */
  federation?: { package: string; version: string };
  /** The Module Federation runtime the container runs (src/metadata `runtime`), when recorded. */
  runtime?: { package: string; version: string };
  /** Version of the bundler that built the app, when recorded. */
  bundlerVersion?: string;
}

/** A validated manifest: the fields the analysis uses, nothing else. */
export interface FederationManifest {
  name: string;
  kind: 'manifest' | 'stats';
  pluginVersion: string | null;
  remoteEntryType: string | null;
  shared: ManifestShared[];
  concord: ConcordMetadata | null;
  /**
   * Container names of the remotes the manifest lists (`remotes[].federationContainerName`): the report takes
   * the app listing the others as the host. Absent when the loader did not record them.
   */
  remotes?: string[];
}

export type LoadedInput =
  | {
      ok: true;
      input: string;
      app: string;
      bundler: Bundler;
      manifest: FederationManifest;
      /** Non-fatal notes about this input (e.g. an unreadable `concord` block that was ignored). */
      findings: Finding[];
    }
  | { ok: false; input: string; finding: Finding };

/**
 * What happens to one package in one app at load time.
 * - `ok`: gets a shared copy that satisfies its requiredVersion (possibly its own).
 * - `mismatch`: gets a version outside its requiredVersion: a singleton (warned, or thrown with strictVersion), or a
 *   Vite non-singleton handed the singleton's module by @module-federation/vite (silent).
 * - `own-copy`: not a singleton and no shared version satisfies it, so it runs its bundled copy (a second instance).
 * - `private`: the app depends on the package but does not share it, so its copy is private.
 * - `unprovided`: shared with `import: false` and no app provides it: the load fails.
 * - `absent`: the app neither shares nor depends on the package.
 */
export type Verdict = 'ok' | 'mismatch' | 'own-copy' | 'private' | 'unprovided' | 'absent';

export interface ProviderRef {
  app: string;
  version: string;
}

export interface MatrixCell {
  app: string;
  /** Version this app provides to the share scope (`null` when it does not provide it). */
  version: string | null;
  requiredVersion: string | null;
  singleton: boolean | null;
  /** Where `singleton` came from: Concord's configured values, or the manifest's own field. */
  singletonSource: 'concord' | 'manifest' | null;
  strictVersion: boolean | null;
  /** The copy the runtime would hand this app (`null` when none). */
  provider: ProviderRef | null;
  verdict: Verdict;
}

export interface MatrixRow {
  package: string;
  /** A watched store library (a second copy means a second store). */
  watched: boolean;
  /** Distinct provided versions, highest first. */
  versions: string[];
  /** The version the runtime's default `version-first` strategy selects, and whose copy fills that slot. */
  selected: ProviderRef | null;
  /** One cell per `Report.apps` entry, same order. */
  cells: MatrixCell[];
}

export interface ReportApp {
  name: string;
  bundler: Bundler;
  input: string;
  kind: 'manifest' | 'stats';
  /** Whether the manifest carried Concord's metadata (configured share options, contract, dependencies). */
  concord: boolean;
  contract: { name: string; version: string } | null;
}

export interface Report {
  schema: 1;
  tool: { name: '@concord/report'; version: string };
  apps: ReportApp[];
  /** Inputs that could not be used (unreadable or malformed), with the finding that says why. */
  rejected: { input: string; code: string }[];
  matrix: MatrixRow[];
  findings: Finding[];
  summary: { errors: number; warnings: number; infos: number };
}
