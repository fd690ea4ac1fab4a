// The baseline's build: the host's report covers all four apps (two bundlers) and finds nothing to warn
// about, and no app's build printed a Concord warning.
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
  expect(report.findings.filter((f: { severity: string }) => f.severity !== 'info')).toEqual([]);

  for (const app of APPS) {
    const log = readFileSync(buildLogFile(scenario.name, app), 'utf8');
    expect(log, `${app}'s build log`).not.toMatch(/CONCORD-\d{3}/);
  }
  const terminal = readFileSync(buildLogFile(scenario.name, 'host'), 'utf8');
  expect(terminal).toContain('Concord report');
  expect(terminal).toMatch(/4 apps, \d+ shared packages: 0 errors, 0 warnings/);

  await page.goto('/concord-report.html');
  await expect(page.getByRole('heading', { name: 'Concord report' })).toBeVisible();
  await expect(page.getByText(/^4 apps, \d+ shared packages: 0 errors, 0 warnings/)).toBeVisible();
  await expect(page.getByText('No findings.')).toBeVisible();
});
