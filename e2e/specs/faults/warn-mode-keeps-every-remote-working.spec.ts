// Warn mode (the default): Concord reports the fault but changes nothing about loading, so every
// remote still renders and the cross-remote cart flow still works.
import { expect, openShop, test } from '../../fixtures';

test('in warn mode every remote still loads and the cart flow works', async ({ page }) => {
  await openShop(page);
  await expect(page.getByTestId('catalog-root')).toBeVisible();
  await expect(page.getByTestId('cart-root')).toBeVisible();
  await page
    .getByRole('region', { name: 'Catalog' })
    .getByRole('button', { name: 'Add Wireless mouse to cart' })
    .click();
  await expect(page.getByTestId('cart-badge')).toHaveText('1');
  await expect(page.getByTestId('cart-count')).toHaveText('1');
  await page.getByRole('button', { name: 'Open account' }).click();
  await expect(page.getByTestId('account-root')).toBeVisible();
});
