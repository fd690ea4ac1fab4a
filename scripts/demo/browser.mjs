// Debian's Chromium (scripts/chromium.mjs), driven through the e2e package's Playwright, and what the
// e2e specs and `npm run demo -- --check` both wait for on the shop page.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { chromiumPath } from '../chromium.mjs';

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

/** The remotes the host mounts at start; the account panel mounts only after a click. */
export const remotesAtStart = /** @type {const} */ (['catalog', 'cart']);

/**
 * Waits until `remote` rendered its root or the host shows why it could not load.
 * @param {import('@playwright/test').Page} page @param {string} remote @param {number} [timeout]
 */
export function waitForRemote(page, remote, timeout) {
  return page
    .locator(`[data-testid="${remote}-root"], [data-testid="remote-error-${remote}"]`)
    .first()
    .waitFor({ timeout });
}

/**
 * Waits for the host's header and for each remote mounted at start to render or fail.
 * @param {import('@playwright/test').Page} page @param {number} [timeout]
 */
export async function waitForShop(page, timeout) {
  await page.getByTestId('cart-badge').waitFor({ timeout });
  for (const remote of remotesAtStart) await waitForRemote(page, remote, timeout);
}
