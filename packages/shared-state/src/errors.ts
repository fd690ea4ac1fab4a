/** True outside production builds: bundlers replace `process.env.NODE_ENV` and drop the dev-only sentences. */
export const DEV = process.env.NODE_ENV !== 'production';

/**
 * The error every rejected operation throws, and every reported listener error carries. Check `code`
 * rather than `instanceof` when two copies of the library may be on the page.
 */
export class ConcordError extends Error {
  override name = 'ConcordError';
  /** `CONCORD-3xx`: a heading in docs/diagnostics.md. */
  declare readonly code: string;
  /** Schema issues, or what a listener threw. */
  declare readonly details?: unknown;
  constructor(code: string, message: string, details?: unknown) {
    super(`[concord] ${code} ${message}See docs/diagnostics.md#${code.toLowerCase()}`);
    this.code = code;
    this.details = details;
  }
}

/**
 * Builds a ConcordError from the number of its code (`303` is `CONCORD-303`: shorter in the core bundle).
 * Call sites pass `DEV && \`…\`` so production bundles keep the code and the docs link and drop the sentence.
 */
export const fail = (code: number, message: string | false, details?: unknown): ConcordError =>
  new ConcordError(`CONCORD-${code}`, message ? `${message} ` : '', details);
