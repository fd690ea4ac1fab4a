// The one definition of the metadata lives in @concord/report; its JSON Schema is re-exported for the plugins.
export { METADATA_JSON_SCHEMA } from '@concord/report';
export {
  type Augmentation,
  type AugmentInput,
  augmentFederationOptions,
  type ConfiguredShared,
  type FederationOptionsLike,
  normalizeShared,
  packageNameOf,
  type RuntimePluginOptions,
  SHARED_STATE,
  type SharedConfig,
} from './augment';
export { type BeaconTransform, createBeaconTransform, watchedPathFilter } from './beacon';
export {
  type ConcordBuild,
  type ManifestAssets,
  type PrepareContext,
  prepareBuild,
  type WithConcordOptions,
} from './build';
export { describeChanges } from './changes';
export {
  type ContractDescription,
  type ContractImporter,
  type ContractMetadata,
  checkOwns,
  checkReads,
  type LoadedContract,
  loadContract,
  ownedSlices,
  type SliceDescription,
} from './contract';
export {
  ConcordError,
  type Diagnostic,
  docsLink,
  manifestNotFound,
  rootMismatch,
  type Severity,
  unsupportedToolchain,
} from './diagnostics';
export { type FormatOptions, formatDiagnostic } from './format';
export { createDiagnosticLogger, type DiagnosticLogger, type LogSink } from './logger';
export {
  buildMetadata,
  type ConcordMetadata,
  completeDevManifest,
  manifestFileNames,
  stampManifest,
} from './metadata';
export {
  type Bundler,
  type ConcordMode,
  type ConcordOptions,
  type ConcordReportOptions,
  type ContractSpec,
  type FailOn,
  isPackageName,
  OPTION_DEFAULTS,
  REPORT_DEFAULTS,
  type ResolvedConcordOptions,
  type ResolvedReportOptions,
  resolveOptions,
} from './options';
export { createEntryMatcher, entryFiles, type WatchedEntry } from './package-entries';
export {
  findInstalled,
  type InstalledPackage,
  type PackageJson,
  type ProjectInfo,
  readProject,
} from './project';
export {
  type BuildReportInput,
  type BuildReportOutcome,
  finishBuildReport,
  type OwnManifest,
  REPORT_FILES,
  renderReport,
  reportInputs,
  runBuildReport,
  siblingInputs,
  startBuildReport,
} from './report';
export { readToolchain, type Toolchain, type ToolchainHint } from './toolchain';
