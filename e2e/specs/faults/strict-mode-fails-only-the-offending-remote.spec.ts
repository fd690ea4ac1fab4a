// Strict mode (`mode: 'throw'`): the offending remote fails to load with Concord's code — the same on
// a Vite and on an Rspack container — while the host and the other remotes keep working.
import { expect, openShop, remotesAtStart, test } from '../../fixtures';
import { diagnostics } from '../../page-globals';

test('in throw mode the offending remote fails with its code while the rest of the page works', async ({
  page,
  scenario,
}, testInfo) => {
  expect(scenario.fails, `scenario ${scenario.name} names no failing remote`).toBeDefined();
  const { app, code } = scenario.fails!;
  await openShop(page);

  await expect(page.getByTestId(`remote-error-${app}`)).toContainText(code);
  await expect(page.getByTestId(`${app}-root`)).toHaveCount(0);
  const others = remotesAtStart.filter((remote) => remote !== app);
  for (const remote of others) await expect(page.getByTestId(`${remote}-root`)).toBeVisible();
  // The page's record says the same: the failing load was that remote's, in throw mode.
  expect(await diagnostics(page)).toContainEqual(
    expect.objectContaining({ code, mode: 'throw', consumer: expect.objectContaining({ app }) }),
  );

  // The rest of the page works: the host's own state, the other remotes, a late mount.
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Switch to dark theme' }).click();
  await page.getByRole('button', { name: 'Open account' }).click();
  await expect(page.getByTestId('account-user')).toHaveText('Signed in as Ada Lovelace');
  for (const remote of [...others, 'account']) {
    await expect(page.getByTestId(`${remote}-root`)).toHaveAttribute('data-theme', 'dark');
  }
  const screenshot = testInfo.outputPath(`${scenario.name}.png`);
  await page.screenshot({ path: screenshot, fullPage: true });
  await testInfo.attach(scenario.name, { path: screenshot, contentType: 'image/png' });
});
