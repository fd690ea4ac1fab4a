export { analyze, REPORT_SCHEMA } from './analyze/analyze';
export { DEFAULT_WATCHED } from './analyze/apps';
export { CODES, formatFinding, RUNTIME_PAIRS, reachesFailOn } from './finding';
export { fromManifestObject, loadManifest, parseManifest } from './load/load-manifest';
export * from './metadata/index';
export type {
  AnalyzeOptions,
  HostOption,
  LoadOptions,
  ReportInput,
  RunReportOptions,
} from './options';
export { MAXIMA as REPORT_OPTION_MAXIMA } from './options';
export { type GithubOptions, renderGithub } from './render/github';
export { renderHtml } from './render/html';
export { renderJson } from './render/json';
export { renderMarkdown } from './render/markdown';
export { renderTerminal, shouldColor, type TerminalOptions } from './render/terminal';
export { VERDICT_WORDS } from './render/verdicts';
export { type RunReportResult, runReport } from './run-report';
export type * from './types';
export { VERSION } from './version';
