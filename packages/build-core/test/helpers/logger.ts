import { createDiagnosticLogger } from '@concord/build-core';

/** A diagnostic logger that records every line it prints, uncoloured. */
export function recordingLogger() {
  const lines: { level: string; text: string }[] = [];
  const logger = createDiagnosticLogger(
    {
      info: (text) => lines.push({ level: 'info', text }),
      warn: (text) => lines.push({ level: 'warn', text }),
      error: (text) => lines.push({ level: 'error', text }),
    },
    { color: false },
  );
  return { lines, logger };
}
