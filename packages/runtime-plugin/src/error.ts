import type { ConcordDiagnostic, DiagnosticCode } from './types';

/**
 * The error Concord throws: in `throw` mode from the offending load, from `assertSingleInstances()`,
 * and from `resolveOptions()`. Check `.code` rather than `instanceof`: every container bundles its
 * own copy of this class.
 */
export class ConcordError extends Error {
  declare readonly code: DiagnosticCode;
  declare readonly diagnostic: ConcordDiagnostic | undefined;
  constructor(code: DiagnosticCode, message: string, diagnostic?: ConcordDiagnostic) {
    super(message);
    this.name = 'ConcordError';
    this.code = code;
    this.diagnostic = diagnostic;
  }
}
