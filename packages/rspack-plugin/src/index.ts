export type {
  ConcordMode,
  ConcordOptions,
  ConcordReportOptions,
  ConcordRspackOptions,
  ContractSpec,
  FailOn,
  FederationPluginOptions,
} from './options';
export { ConcordRspackPlugin, type ConcordRspackPluginExtras } from './plugin';
export { type WithConcordContext, withConcord } from './with-concord';
