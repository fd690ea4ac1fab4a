import pc from 'picocolors';
import { type Diagnostic, docsLink } from './diagnostics';

/** Options of {@link formatDiagnostic}. */
export interface FormatOptions {
  /**
   * Colour the output with ANSI escapes.
   * @default picocolors' detection (off with NO_COLOR, when not a TTY, in CI without FORCE_COLOR)
   */
  color?: boolean;
}

/**
 * The one place that turns a diagnostic into text:
 * `[concord] CONCORD-105 <sentence> See docs/diagnostics.md#concord-105`, coloured by severity.
 */
export function formatDiagnostic(diagnostic: Diagnostic, options: FormatOptions = {}): string {
  const c = pc.createColors(options.color ?? pc.isColorSupported);
  const paint =
    diagnostic.severity === 'error' ? c.red : diagnostic.severity === 'warning' ? c.yellow : c.cyan;
  return `${c.magenta('[concord]')} ${c.bold(paint(diagnostic.code))} ${diagnostic.message} ${c.dim(docsLink(diagnostic.code))}`;
}
