// Closing the account panel unmounts the Vue remote: none of its listeners or event handlers may stay on the
// bus (a leak would keep calling into a dead component), and the other apps keep theirs.
import { expect, openShop, test } from '../../fixtures';
import { inspectBus } from '../../page-globals';

test('unmounting a remote leaves none of its listeners on the bus', async ({ page, consoleErrors }) => {
  await openShop(page);
  await page.getByRole('button', { name: 'Open account' }).click();
  await expect(page.getByTestId('account-root')).toBeVisible();
  const open = await inspectBus(page);
  // The assertion below would be empty if the account never subscribed.
  expect(open.listeners.account).toBeGreaterThan(0);
  expect(open.listeners.cart).toBeGreaterThan(0);
  expect(open.listeners.catalog).toBeGreaterThan(0);

  await page.getByRole('button', { name: 'Close account' }).click();
  await expect(page.getByTestId('account-root')).toHaveCount(0);
  await expect.poll(async () => (await inspectBus(page)).listeners.account ?? 0).toBe(0);
  const closed = await inspectBus(page);
  expect(closed.listeners.cart).toBe(open.listeners.cart);
  expect(closed.listeners.catalog).toBe(open.listeners.catalog);

  // Mounted again, it subscribes again and renders current values.
  await page.getByRole('button', { name: 'Switch to dark theme' }).click();
  await page.getByRole('button', { name: 'Open account' }).click();
  await expect(page.getByTestId('account-theme')).toHaveText('dark');
  expect((await inspectBus(page)).listeners.account).toBe(open.listeners.account);
  expect(consoleErrors).toEqual([]);
});
