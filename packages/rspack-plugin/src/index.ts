export type {
  ConcordMode,
  ConcordOptions,
  ConcordReportOptions,
  ConcordRspackOptions,
  ConcordRspackPluginExtras,
  ContractSpec,
  FailOn,
  FederationPluginClass,
  FederationPluginOptions,
  WithConcordContext,
} from './options';
export { ConcordRspackPlugin } from './plugin';
export { withConcord } from './with-concord';
