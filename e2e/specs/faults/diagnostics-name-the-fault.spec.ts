// Each fault scenario: at load time Concord's runtime plugin records the expected codes, each naming the
// package, the apps involved with their bundlers, and the versions — and nothing else.
import { APP_INFO } from '../../../playground/scenarios.mjs';
import { expect, openShop, test, waitForRemote } from '../../fixtures';
import { type Diagnostic, diagnostics, named } from '../../page-globals';

test.beforeEach(async ({ page }) => {
  await openShop(page);
  // The late remote too: its container joins the share scope after the first checks ran.
  await page.getByRole('button', { name: 'Open account' }).click();
  await waitForRemote(page, 'account');
});

test('Concord names the fault with its code, apps, bundlers and versions', async ({
  page,
  scenario,
}, testInfo) => {
  const expected = scenario.expect.filter((finding) => finding.where === 'runtime');
  expect(expected.length, `scenario ${scenario.name} declares no runtime finding`).toBeGreaterThan(0);
  for (const finding of expected) {
    const apps = finding.apps.map((app) => `${app} (${APP_INFO[app].bundler})`);
    const matches = (list: Diagnostic[]) =>
      list.filter((d) => {
        const names = named(d);
        return (
          d.code === finding.code &&
          d.package === finding.package &&
          apps.every((app) => names.apps.includes(app)) &&
          (finding.versions ?? []).every((version) => names.versions.includes(version))
        );
      });
    await expect
      .poll(async () => matches(await diagnostics(page)).length, {
        message: `${finding.code} ${finding.package} naming ${[...apps, ...(finding.versions ?? [])].join(', ')}`,
      })
      .toBeGreaterThan(0);
  }
  const all = await diagnostics(page);
  await testInfo.attach('diagnostics.json', {
    body: JSON.stringify(all, null, 2),
    contentType: 'application/json',
  });
  const screenshot = testInfo.outputPath(`${scenario.name}.png`);
  await page.screenshot({ path: screenshot, fullPage: true });
  await testInfo.attach(scenario.name, { path: screenshot, contentType: 'image/png' });
});

test('Concord reports nothing beyond the fault', async ({ page, scenario }) => {
  const expected = new Set(
    scenario.expect.filter((f) => f.where === 'runtime').map((f) => `${f.code} ${f.package}`),
  );
  const unexpected = (await diagnostics(page))
    .filter((d) => !expected.has(`${d.code} ${d.package}`))
    .map((d) => ({ code: d.code, package: d.package, ...named(d) }));
  expect(unexpected).toEqual([]);
});
