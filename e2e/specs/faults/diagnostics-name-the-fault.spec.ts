// Each fault scenario: Concord's runtime plugin reports the expected codes at load time, and each
// message names the package, the apps, their bundlers and the versions involved.
import { expect, openShop, test } from '../../fixtures';
import { type Diagnostic, diagnostics } from '../../page-globals';

test('Concord names the fault with its code, apps, bundlers and versions', async ({
  page,
  scenario,
}, testInfo) => {
  const expected = scenario.expect.filter((finding) => finding.where === 'runtime');
  expect(expected.length, `scenario ${scenario.name} declares no runtime finding`).toBeGreaterThan(0);

  await openShop(page);
  await page.getByRole('button', { name: 'Open account' }).click();
  await page.locator('[data-testid="account-root"], [data-testid="remote-error-account"]').first().waitFor();

  for (const finding of expected) {
    const words = [
      finding.package,
      ...finding.apps.map((app) => `"${app}"`),
      ...(finding.bundlers ?? []),
      ...(finding.versions ?? []),
    ];
    const matches = (list: Diagnostic[]) =>
      list.filter((d) => d.code === finding.code && words.every((word) => d.message.includes(word)));
    await expect
      .poll(async () => matches(await diagnostics(page)).length, {
        message: `${finding.code} naming ${words.join(', ')}`,
      })
      .toBeGreaterThan(0);
  }

  const all = await diagnostics(page);
  await testInfo.attach('diagnostics.json', {
    body: JSON.stringify(all, null, 2),
    contentType: 'application/json',
  });
  await testInfo.attach(scenario.name, {
    body: await page.screenshot({ fullPage: true }),
    contentType: 'image/png',
  });
  // Precise, not noisy: every code on the page is one the scenario expects.
  const expectedCodes = new Set(expected.map((finding) => finding.code));
  expect(all.map((d) => d.code).filter((code) => !expectedCodes.has(code))).toEqual([]);
});
