export { assertSingleInstances, type ConcordGlobal, getDiagnostics, getInstances } from './api';
export { CODES, type Code, type Facts } from './codes';
export { ConcordError } from './error';
export { type ConcordRuntimeOptions, DEFAULTS, type ResolvedOptions, resolveOptions } from './options';
export { type ConcordRuntimePlugin, default } from './plugin';
export type { AppRef, BeaconInfo, Bundler, ConcordDiagnostic, DiagnosticCode, LiveCopy, Mode } from './types';
export { DEFAULT_WATCHED } from './watched';
