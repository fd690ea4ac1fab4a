// Debian's Chromium, driven through Playwright (Playwright's own browser download is blocked here, so it
// is never used). The e2e config and `npm run demo -- --check` launch it the same way.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export const chromiumPath = process.env.CONCORD_CHROMIUM ?? '/usr/bin/chromium';

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Playwright's `chromium` launcher from the e2e package, or undefined when it or the browser is missing. */
export function loadChromium() {
  if (!existsSync(chromiumPath)) return undefined;
  try {
    const require = createRequire(fileURLToPath(new URL('../../e2e/package.json', import.meta.url)));
    return require('@playwright/test').chromium;
  } catch {
    return undefined;
  }
}
