export type {
  ConcordMode,
  ConcordOptions,
  ConcordReportOptions,
  ConcordViteOptions,
  ContractSpec,
  FailOn,
} from './options';
export { concord } from './plugin';
export { DEV_REPORT_PATH } from './report';
export { checkToolchain, SUPPORTED_TOOLCHAIN } from './toolchain';
