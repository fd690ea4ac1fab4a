// The adopter's page in Debian's Chromium (scripts/chromium.mjs), through Playwright: it loads the host,
// drives the remotes like a user, and collects the console and Concord's page registry.
import { chromiumArgs, chromiumPath } from '../scripts/chromium.mjs';
import { loadChromium } from '../scripts/demo/browser.mjs';

/** Generous: the suite must pass while other CPU-bound jobs run. */
const WAIT = 60_000;

/** Opens Chromium once for the whole suite. */
export async function launch() {
  const chromium = loadChromium();
  if (!chromium)
    throw new Error(`no ${chromiumPath} or no Playwright in e2e/ (run npm test's install first)`);
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
}

/**
 * Loads `url`, adds two items from the catalog (Rspack) and toggles the theme in the host, and says what
 * the page showed (a broken page is reported, not thrown).
 * @param {import('@playwright/test').Browser} browser @param {string} url
 */
export async function visit(browser, url) {
  const page = await browser.newPage();
  const console_ = [];
  page.on('console', (m) => console_.push({ type: m.type(), text: m.text() }));
  page.on('pageerror', (e) => console_.push({ type: 'pageerror', text: e.message }));
  const seen = { console: console_, errors: () => console_.filter((m) => /error/.test(m.type)) };
  try {
    await page.goto(url);
    await page.getByTestId('badge').waitFor({ timeout: WAIT });
    await page.getByTestId('cart-count').waitFor({ timeout: WAIT });
    await page.getByTestId('add-tea').waitFor({ timeout: WAIT });
    await page.getByTestId('wishlist').waitFor({ timeout: WAIT });
    seen.mounted = true;
    seen.before = await text(page);
    // DOM clicks: in `rspack serve` a failing build's error overlay may cover the page.
    await page.getByTestId('add-tea').dispatchEvent('click');
    await page.getByTestId('add-tea').dispatchEvent('click');
    await page.waitForFunction(
      () => document.querySelector('[data-testid="badge"]')?.textContent === '2',
      null,
      {
        timeout: WAIT,
      },
    );
    await page.getByTestId('theme').dispatchEvent('click');
    await page.waitForFunction(
      () => document.querySelector('[data-testid="wishlist"]')?.textContent?.includes('dark'),
      null,
      { timeout: WAIT },
    );
  } catch (error) {
    seen.failure = error.message.split('\n')[0];
  }
  seen.after = await text(page).catch(() => undefined);
  seen.diagnostics = await page
    .evaluate(() =>
      globalThis.__CONCORD__?.getDiagnostics().map((d) => ({ code: d.code, package: d.package })),
    )
    .catch(() => undefined);
  seen.singleInstances = await page
    .evaluate(() => {
      try {
        globalThis.__CONCORD__.assertSingleInstances();
        return 'ok';
      } catch (error) {
        return String(error.message ?? error);
      }
    })
    .catch((error) => error.message);
  await page.close();
  return seen;
}

/** What the user sees: the badge, the cart, the catalog's button and the wishlist. */
function text(page) {
  return page.evaluate(() => {
    const t = (id) => document.querySelector(`[data-testid="${id}"]`)?.textContent ?? null;
    const button = document.querySelector('[data-testid="add-tea"]');
    return {
      badge: t('badge'),
      cart: t('cart-count'),
      catalog: t('add-tea'),
      catalogTheme: button?.getAttribute('data-theme') ?? null,
      wishlist: t('wishlist'),
    };
  });
}
