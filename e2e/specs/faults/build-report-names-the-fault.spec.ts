// The host's build report (terminal output, concord-report.json, concord-report.html) names the same
// problem that the page reports at load time.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { outDir } from '../../../playground/scenarios.mjs';
import { expect, test } from '../../fixtures';

interface ReportFinding {
  code: string;
  severity: string;
  message: string;
  package?: string;
  apps?: string[];
}

test('the build report names the fault in the terminal, in JSON and in HTML', async ({ page, scenario }) => {
  const expected = scenario.expect.filter((finding) => finding.where === 'report');
  expect(expected.length, `scenario ${scenario.name} declares no report finding`).toBeGreaterThan(0);
  const hostDir = outDir(scenario.name, 'host');
  const report = JSON.parse(readFileSync(join(hostDir, 'concord-report.json'), 'utf8'));
  const terminal = readFileSync(join(hostDir, '..', 'logs', 'host.log'), 'utf8');

  await page.goto('/concord-report.html');
  for (const finding of expected) {
    const inJson = (report.findings as ReportFinding[]).filter(
      (f) => f.code === finding.code && f.package === finding.package,
    );
    expect(inJson, `${finding.code} ${finding.package} in concord-report.json`).not.toEqual([]);
    const apps = new Set(inJson.flatMap((f) => f.apps ?? []));
    for (const app of finding.apps) expect([...apps]).toContain(app);
    for (const version of finding.versions ?? []) {
      expect(inJson.map((f) => f.message).join('\n')).toContain(version);
    }

    expect(terminal).toContain(finding.code);
    expect(terminal).toContain(finding.package);
    await expect(page.getByText(finding.code).first()).toBeVisible();
  }
});
