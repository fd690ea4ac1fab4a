// The catalog (Rspack) emits `cart/add` intents; the cart (Vite) owns the count and applies them; the
// host (Vite) shows the count in its badge. Three bundles, one bus.
import { expect, openShop, test } from '../../fixtures';

test('adding to cart in the Rspack catalog updates the host badge and the Vite cart', async ({
  page,
  consoleErrors,
}, testInfo) => {
  await openShop(page);
  const badge = page.getByTestId('cart-badge');
  const cartCount = page.getByTestId('cart-count');
  await expect(badge).toHaveText('0');
  await expect(cartCount).toHaveText('0');

  const catalog = page.getByRole('region', { name: 'Catalog' });
  await catalog.getByRole('button', { name: 'Add Mechanical keyboard to cart' }).click();
  await expect(badge).toHaveText('1');
  await expect(cartCount).toHaveText('1');

  await catalog.getByRole('button', { name: 'Add Mechanical keyboard to cart' }).click();
  await catalog.getByRole('button', { name: 'Add Wireless mouse to cart' }).click();
  await expect(badge).toHaveText('3');
  await expect(cartCount).toHaveText('3');
  const lines = page.getByRole('list', { name: 'Cart lines' }).getByRole('listitem');
  await expect(lines).toHaveText(['Mechanical keyboard × 2', 'Wireless mouse × 1']);
  // The catalog's own zustand store keeps its local feedback.
  await expect(catalog.getByText('added 2×')).toBeVisible();

  // The cart's `checkout/started` event reaches the host.
  await page.getByRole('region', { name: 'Cart' }).getByRole('button', { name: 'Checkout' }).click();
  await expect(page.getByRole('status', { name: 'Checkout' })).toHaveText('Checkout started for 3 items');

  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Open account' }).click();
  await expect(page.getByTestId('account-user')).toHaveText('Signed in as Ada Lovelace');
  // A test artifact (test-results/…/baseline.png); CONCORD_UPDATE_SCREENSHOT=1 also refreshes the README's.
  await page.setViewportSize({ width: 1200, height: 480 });
  const screenshot = testInfo.outputPath('baseline.png');
  await page.screenshot({ path: screenshot, fullPage: true });
  await testInfo.attach('baseline', { path: screenshot, contentType: 'image/png' });
  if (process.env.CONCORD_UPDATE_SCREENSHOT)
    await page.screenshot({ path: '../docs/screenshot-baseline.png', fullPage: true });
  expect(consoleErrors).toEqual([]);
});
