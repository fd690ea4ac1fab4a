// The baseline's build: the host's report covers all four apps (two bundlers) and finds nothing to warn
// about, and no app's build printed a Concord warning. Its only lines are the CONCORD-430 infos naming
// @module-federation/vite's start-order race for each singleton the Vite host and a Vite remote (cart,
// account) bundle at one version.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { APP_INFO, APPS, outDir } from '../../../playground/scenarios.mjs';
import { buildLogFile } from '../../../scripts/demo/build.mjs';
import { expect, test } from '../../fixtures';

test('the healthy build reports every app and no error or warning', async ({ page, scenario }) => {
  const hostDir = outDir(scenario.name, 'host');
  const report = JSON.parse(readFileSync(join(hostDir, 'concord-report.json'), 'utf8'));
  expect(report.apps.map((a: { name: string; bundler: string }) => [a.name, a.bundler]).sort()).toEqual(
    APPS.map((app) => [app, APP_INFO[app].bundler]).sort(),
  );
  // Every app built with Concord's metadata (so the report did not fall back to guessing).
  for (const app of report.apps) expect(app.concord, `${app.name} has Concord metadata`).toBe(true);
  type F = { code: string; severity: string; package?: string; apps?: string[] };
  const findings: F[] = report.findings;
  expect(findings.filter((f) => f.code !== 'CONCORD-430' || f.severity !== 'info')).toEqual([]);
  // The race is named for the Vite host and its Vite remotes only (cart, account), never for Rspack's catalog.
  expect(findings.length).toBeGreaterThan(0);
  for (const f of findings) {
    expect(f.apps?.[0]).toBe('host');
    for (const app of f.apps ?? []) expect(APP_INFO[app as keyof typeof APP_INFO].bundler).toBe('vite');
  }

  for (const app of APPS) {
    const log = readFileSync(buildLogFile(scenario.name, app), 'utf8');
    // The host's log prints its report: the CONCORD-430 info lines (each cites CONCORD-202, the load-time
    // code of the race), nothing else with a code.
    const cited = log.match(/CONCORD-\d{3}/g) ?? [];
    expect(
      cited.filter((c) => c !== 'CONCORD-430' && c !== 'CONCORD-202'),
      `${app}'s build log`,
    ).toEqual([]);
  }
  const terminal = readFileSync(buildLogFile(scenario.name, 'host'), 'utf8');
  expect(terminal).toContain('Concord report');
  expect(terminal).toMatch(/4 apps, \d+ shared packages: 0 errors, 0 warnings/);

  await page.goto('/concord-report.html');
  await expect(page.getByRole('heading', { name: 'Concord report' })).toBeVisible();
  await expect(page.getByText(/^4 apps, \d+ shared packages: 0 errors, 0 warnings/)).toBeVisible();
  await expect(page.locator('#findings > li')).toHaveCount(findings.length);
});
