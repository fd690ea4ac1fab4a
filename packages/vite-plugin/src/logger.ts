import { createDiagnosticLogger, type DiagnosticLogger } from '@concord/build-core';
import type { Logger } from 'vite';

/** Concord's messages through Vite's logger, so `logLevel` and `customLogger` are honoured. */
export function viteDiagnosticLogger(logger: Logger): DiagnosticLogger {
  return createDiagnosticLogger({
    info: (message) => logger.info(message),
    warn: (message) => logger.warn(message),
    error: (message) => logger.error(message),
  });
}
