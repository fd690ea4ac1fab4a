// The host owns the theme; every remote (React on Rspack, React on Vite, Vue on Vite) reads it from the
// shared bus and restyles itself.
import { expect, openShop, test } from '../../fixtures';

const panel = { light: 'rgb(255, 255, 255)', dark: 'rgb(45, 51, 59)' };
const roots = ['catalog-root', 'cart-root', 'account-root'];

test('the theme toggle restyles every remote, the Vue one included', async ({ page, consoleErrors }) => {
  await openShop(page);
  await page.getByRole('button', { name: 'Open account' }).click();
  for (const id of roots) {
    await expect(page.getByTestId(id)).toHaveAttribute('data-theme', 'light');
    await expect(page.getByTestId(id)).toHaveCSS('background-color', panel.light);
  }

  await page.getByRole('button', { name: 'Switch to dark theme' }).click();
  await expect(page.getByTestId('host-root')).toHaveAttribute('data-theme', 'dark');
  for (const id of roots) {
    await expect(page.getByTestId(id)).toHaveAttribute('data-theme', 'dark');
    await expect(page.getByTestId(id)).toHaveCSS('background-color', panel.dark);
  }
  await expect(page.getByTestId('account-theme')).toHaveText('dark');

  await page.getByRole('button', { name: 'Switch to light theme' }).click();
  for (const id of roots) await expect(page.getByTestId(id)).toHaveCSS('background-color', panel.light);
  expect(consoleErrors).toEqual([]);
});
