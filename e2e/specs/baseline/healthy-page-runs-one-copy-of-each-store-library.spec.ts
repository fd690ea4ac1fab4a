// The baseline: every app shares its store libraries as singletons with agreeing versions, so Concord
// reports nothing, the console stays clean, and exactly one copy of each watched library runs.
import { expect, openShop, test } from '../../fixtures';
import { diagnostics } from '../../page-globals';

test('a healthy page has no Concord finding, no console error and one copy of each store library', async ({
  page,
  consoleErrors,
}) => {
  await openShop(page);
  await expect(page.getByTestId('catalog-root')).toBeVisible();
  await expect(page.getByTestId('cart-root')).toBeVisible();
  // The late remote too: its container joins the share scope after the first checks ran.
  await page.getByRole('button', { name: 'Open account' }).click();
  await expect(page.getByTestId('account-root')).toBeVisible();

  expect(await diagnostics(page)).toEqual([]);
  expect(consoleErrors).toEqual([]);

  // The registry really watched the libraries (an empty registry would pass the assertion vacuously)…
  const instances: Record<string, { app: string; version: string }[]> = await page.evaluate(() =>
    JSON.parse(JSON.stringify(globalThis.__CONCORD__!.getInstances())),
  );
  for (const name of ['react', 'react-dom', 'zustand', '@concord/shared-state', '@acme/contract']) {
    expect(instances[name], `${name} among the live instances`).toBeDefined();
  }
  expect(instances.zustand).toEqual([expect.objectContaining({ app: 'host', version: '5.1.0' })]);
  // …and finds one copy of each: the Vite remotes' own evaluations of @concord/shared-state (a workspace
  // singleton the contract depends on, which @module-federation/vite imports eagerly) are dormant — each
  // remote runs the host's copy from its module cache — so they count as no copy at all.
  expect(instances['@concord/shared-state']).toEqual([expect.objectContaining({ app: 'host' })]);
  const checked = Object.keys(instances);
  expect(checked.length).toBeGreaterThan(4);
  await page.evaluate((names) => globalThis.__CONCORD__!.assertSingleInstances(names), checked);
});
