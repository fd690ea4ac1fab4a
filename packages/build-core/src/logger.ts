import type { Diagnostic } from './diagnostics';
import { formatDiagnostic } from './format';

/** Where the build plugins' messages go: Vite's logger, Rspack's infrastructure logger, … */
export interface LogSink {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** Prints diagnostics through a bundler's logger, each distinct message once. */
export interface DiagnosticLogger {
  /** Prints the diagnostic unless the same one was printed before; returns whether it printed. */
  report(diagnostic: Diagnostic): boolean;
  /** Prints plain text (the report table) at info level. */
  info(text: string): void;
}

/**
 * A logger that formats with {@link formatDiagnostic} and de-duplicates (warnOnce): builds in watch mode
 * and dev servers run the same checks again and again, and a repeated warning is noise.
 */
export function createDiagnosticLogger(sink: LogSink, options: { color?: boolean } = {}): DiagnosticLogger {
  const seen = new Set<string>();
  return {
    report(diagnostic) {
      const key = `${diagnostic.code}\0${diagnostic.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      const text = formatDiagnostic(diagnostic, options);
      sink[diagnostic.severity === 'warning' ? 'warn' : diagnostic.severity](text);
      return true;
    },
    info(text) {
      sink.info(text);
    },
  };
}
