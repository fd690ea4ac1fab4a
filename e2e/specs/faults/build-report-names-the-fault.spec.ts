// The build names the same problem as the page: the host build's report (its terminal output,
// concord-report.json and concord-report.html) and, for build-time codes, the offending app's build log.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { APP_INFO, outDir } from '../../../playground/scenarios.mjs';
import { buildLogFile } from '../../../scripts/demo/build.mjs';
import { expect, test } from '../../fixtures';

interface ReportFinding {
  code: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  package?: string;
  apps?: string[];
}

const read = (file: string) => readFileSync(file, 'utf8');

test('the build report names the fault in the terminal, in JSON and in HTML', async ({ page, scenario }) => {
  const expected = scenario.expect.filter((finding) => finding.where === 'report');
  expect(expected.length, `scenario ${scenario.name} declares no report finding`).toBeGreaterThan(0);
  const hostDir = outDir(scenario.name, 'host');
  const report = JSON.parse(read(join(hostDir, 'concord-report.json')));
  const terminal = read(buildLogFile(scenario.name, 'host'));
  await page.goto('/concord-report.html');

  for (const finding of expected) {
    const inJson = (report.findings as ReportFinding[]).filter(
      // A finding about apps rather than a package (CONCORD-429) has none: `package: ''` in the scenario.
      (f) => f.code === finding.code && (f.package ?? '') === finding.package,
    );
    expect(inJson, `${finding.code} ${finding.package} in concord-report.json`).not.toEqual([]);
    const messages = inJson.map((f) => f.message).join('\n');
    for (const app of finding.apps) {
      expect(inJson.flatMap((f) => f.apps ?? [])).toContain(app);
      expect(messages).toContain(`"${app}"`);
      // The report read each app's bundler from its manifest (an app not checked, CONCORD-429, has none).
      if (finding.code !== 'CONCORD-429' || app === finding.apps[0])
        expect(report.apps).toContainEqual(
          expect.objectContaining({ name: app, bundler: APP_INFO[app].bundler }),
        );
    }
    for (const version of finding.versions ?? []) expect(messages).toContain(version);

    expect(terminal).toMatch(new RegExp(`${finding.code}\\b[^\\n]*${escapeRegExp(finding.package)}`));
    await expect(page.getByText(finding.code).first()).toBeVisible();
  }
});

test('the build report has no error or warning beyond the fault', async ({ scenario }) => {
  const expected = new Set(
    scenario.expect.filter((f) => f.where === 'report').map((f) => `${f.code} ${f.package}`),
  );
  const report = JSON.parse(read(join(outDir(scenario.name, 'host'), 'concord-report.json')));
  const unexpected = (report.findings as ReportFinding[])
    .filter((f) => f.severity !== 'info' && !expected.has(`${f.code} ${f.package ?? ''}`))
    .map((f) => `${f.code} ${f.package}: ${f.message}`);
  expect(unexpected).toEqual([]);
});

function escapeRegExp(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
