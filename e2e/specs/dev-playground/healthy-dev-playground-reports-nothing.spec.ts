// The baseline playground under `vite dev` (cart and account on Vite 8, the host on Vite 8 and on Vite 7;
// catalog an Rspack development build): the shop works across the three bundles, one copy of each watched
// library runs, and Concord reports nothing. The registry is checked non-empty first, so the empty
// findings are not for want of looking.
// @playwright/test, not ../../fixtures: those check the production baseline build, which this page does
// not use.
import { expect, test } from '@playwright/test';
import { diagnostics } from '../../page-globals';
import { HOST_VITE_MAJORS, liveCopies, openDevPlayground } from './dev-playground-page';

for (const hostVite of HOST_VITE_MAJORS)
  test(`host on Vite ${hostVite}: the healthy dev playground renders every remote, works, runs one copy of each library and reports nothing`, async ({
    page,
  }) => {
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(`uncaught: ${error.message}`));
    await openDevPlayground(page, false, hostVite);
    await expect(page.getByTestId('cart-root')).toBeVisible({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Open account' }).click();
    await expect(page.getByTestId('account-root')).toBeVisible({ timeout: 60_000 });

    const badge = page.getByTestId('cart-badge');
    await expect(badge).toHaveText('0');
    const catalog = page.getByRole('region', { name: 'Catalog' });
    await catalog.getByRole('button', { name: 'Add Mechanical keyboard to cart' }).click();
    await expect(badge).toHaveText('1');
    await expect(page.getByTestId('cart-count')).toHaveText('1');

    const copies = await liveCopies(page);
    for (const name of ['react', 'react-dom', 'zustand', '@concord/shared-state'])
      expect(copies[name], `live copies of ${name}`).toHaveLength(1);
    expect(copies.react).toEqual([expect.stringMatching(/^host \(vite\) /)]);
    expect(await diagnostics(page)).toEqual([]);
    await page.evaluate((names) => globalThis.__CONCORD__!.assertSingleInstances(names), Object.keys(copies));
    expect(consoleErrors).toEqual([]);
  });
