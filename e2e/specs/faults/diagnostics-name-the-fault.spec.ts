// Each fault scenario: at load time Concord's runtime plugin records the expected codes, each naming the
// package, the apps involved with their bundlers, and the versions — and nothing else. One page load for both
// checks (two steps of one test): the page is read after every remote, the late one included, reported.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, TestInfo } from '@playwright/test';
import { APP_INFO, outDir, type Scenario } from '../../../playground/scenarios.mjs';
import { expect, openShop, test, waitForRemote } from '../../fixtures';
import { type Diagnostic, diagnostics, named } from '../../page-globals';

test('Concord names the fault with its code, apps, bundlers and versions, and reports nothing beyond it', async ({
  page,
  scenario,
}, testInfo) => {
  await openShop(page);
  // The late remote too: its container joins the share scope after the first checks ran.
  await page.getByRole('button', { name: 'Open account' }).click();
  await waitForRemote(page, 'account');
  await test.step('the fault, named', () => namesTheFault(page, scenario, testInfo));
  await test.step('nothing beyond the fault', () => nothingBeyond(page, scenario));
});

async function namesTheFault(page: Page, scenario: Scenario, testInfo: TestInfo) {
  const expected = scenario.expect.filter((finding) => finding.where === 'runtime');
  // A scenario whose fault only the build report can see (an app it was not given) declares none: that its
  // page has no finding at all is the next step's check (which also knows the race CONCORD-430 names).
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
}

async function nothingBeyond(page: Page, scenario: Scenario) {
  const expected = new Set(
    scenario.expect.filter((f) => f.where === 'runtime').map((f) => `${f.code} ${f.package}`),
  );
  // Beside the fault, the build report names @module-federation/vite's start-order race (CONCORD-430: a Vite
  // remote may seed its own copy of the host's singleton). On a load that loses it, CONCORD-202 reports the
  // second copy, which is expected when it is of that package, between the apps the report named.
  const report = JSON.parse(
    readFileSync(join(outDir(scenario.name, 'host'), 'concord-report.json'), 'utf8'),
  ) as { findings: { code: string; package?: string; apps?: string[] }[] };
  const named430 = (d: Diagnostic): boolean =>
    d.code === 'CONCORD-202' &&
    (d.copies?.length ?? 0) > 1 &&
    report.findings.some(
      (f) =>
        f.code === 'CONCORD-430' &&
        f.package === d.package &&
        (d.copies ?? []).every((c) => f.apps?.includes(c.app)),
    );
  const unexpected = (await diagnostics(page))
    .filter((d) => !expected.has(`${d.code} ${d.package}`) && !named430(d))
    .map((d) => ({ code: d.code, package: d.package, ...named(d) }));
  expect(unexpected).toEqual([]);
}
