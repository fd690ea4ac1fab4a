// Fixture apps of this package's tests, prepared in temporary directories by @concord/test-utils (shared
// with the other build plugin's tests, with the fixture contract package).
import { fileURLToPath } from 'node:url';
import { createFixtures } from '@concord/test-utils';

export { deepFreeze } from '@concord/test-utils';

export const { prepareFixture, removeFixtures } = createFixtures({
  fixtures: fileURLToPath(new URL('../fixtures/', import.meta.url)),
  packageDir: fileURLToPath(new URL('../../', import.meta.url)),
  prefix: 'concord-vite',
  // The index.html (Vite's default entry, loading /src/main.js) of every fixture app.
  common: fileURLToPath(new URL('../fixtures/_common/', import.meta.url)),
});

/** A Vite logger that keeps every message, whatever the log level. */
export function collectingLogger() {
  const messages: { level: 'info' | 'warn' | 'error'; text: string }[] = [];
  const push = (level: 'info' | 'warn' | 'error') => (text: string) => void messages.push({ level, text });
  const warned = new Set<string>();
  return {
    messages,
    logger: {
      info: push('info'),
      warn: push('warn'),
      warnOnce(text: string) {
        if (!warned.has(text)) push('warn')(text);
        warned.add(text);
      },
      error: push('error'),
      clearScreen() {},
      hasErrorLogged: () => false,
      hasWarned: false,
    },
  };
}
