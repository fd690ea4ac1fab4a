// Issue #15.3: the HTML report of a 2,000-app drifting fleet (packages/report/bench/drift-fleet.mjs, the fleet
// of the report bench: ~20,000 findings, a 60 × 2,000 matrix, ~35 MB of HTML) opens in Chromium from a file:
// URL and each of its filters responds. Every filter is checked against the report's own JSON: the findings
// shown are exactly those the filter selects, in order, and the matrix keeps only the selected package's row
// and the selected app's column. No timing is asserted; the generous timeouts only absorb a loaded machine (on
// the 2 shared cores under a load average of 25, opening the page took about 5 minutes and each change of a
// filter about 25 seconds), and the test is not retried: a failure here is not an intermittent race. It runs in
// `npm run bench -- fleet-html` (packages/report/bench/fleet-html.bench.mjs), not in `npm test`: measured at 1,000
// apps idle, the page takes ~20 s to load and each filter change of the matrix ~11 s of style recalculation.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyze, fromManifestObject, type Report, renderHtml } from '@concord/report';
import { expect, type Page, test } from '@playwright/test';
import { driftFleet } from '../../../packages/report/bench/drift-fleet.mjs';

const APPS = 2000;

test.describe.configure({ mode: 'serial', timeout: 1_800_000, retries: 0 });

let dir: string;
let url: string;
let report: Report;

test.beforeAll(() => {
  report = analyze(driftFleet(APPS).map((m) => fromManifestObject(m, `${m.name}/mf-manifest.json`)));
  dir = mkdtempSync(join(tmpdir(), 'concord-fleet-html-'));
  const file = join(dir, 'report.html');
  writeFileSync(file, renderHtml(report));
  url = pathToFileURL(file).href;
});

test.afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

interface Shown {
  /** Positions (in report.findings order) of the findings left visible. */
  findings: number[];
  counter: string;
  noFindings: boolean;
  /** Package names of the matrix rows left visible. */
  rows: string[];
  /** Distinct app columns (data-app indices) with a visible cell, and the number of visible cells. */
  columns: string[];
  cells: number;
}

// The filters hide by a stylesheet rule (display: none), so what is shown is read from computed styles: an
// element's own display, so a cell of a hidden column stays hidden in a hidden row too.
const shown = (page: Page): Promise<Shown> =>
  page.evaluate(() => {
    const on = (el: Element) => getComputedStyle(el).display !== 'none';
    const findings: number[] = [];
    document.querySelectorAll<HTMLElement>('#findings > li').forEach((li, i) => {
      if (on(li)) findings.push(i);
    });
    const rows = [...document.querySelectorAll<HTMLElement>('#matrix tbody tr')]
      .filter(on)
      .map((tr) => tr.querySelector('th')!.firstChild!.textContent!);
    const cells = [...document.querySelectorAll<HTMLElement>('#matrix td[data-app]')].filter(on);
    return {
      findings,
      counter: document.getElementById('findings-shown')!.textContent!,
      noFindings: on(document.getElementById('no-findings')!),
      rows,
      columns: [...new Set(cells.map((td) => td.dataset.app!))],
      cells: cells.length,
    };
  });

/** What the page must show for a filter, computed from the report's JSON. */
function expected(filter: Filter) {
  const findings: number[] = [];
  report.findings.forEach((f, i) => {
    if (filter.severity !== undefined && f.severity !== filter.severity) return;
    if (filter.pkg !== undefined && f.package !== filter.pkg) return;
    if (filter.app !== undefined && !(f.apps ?? []).includes(filter.app)) return;
    findings.push(i);
  });
  const rows = report.matrix
    .map((r) => r.package)
    .filter((p) => filter.pkg === undefined || p === filter.pkg);
  const appIndex = filter.app === undefined ? -1 : report.apps.findIndex((a) => a.name === filter.app);
  return {
    findings,
    counter: String(findings.length),
    noFindings: findings.length === 0,
    rows,
    columns: appIndex < 0 ? report.apps.map((_, i) => String(i)) : [String(appIndex)],
    // Hidden columns stay hidden in hidden rows too: cells are counted over every row.
    cells: report.matrix.length * (appIndex < 0 ? report.apps.length : 1),
  };
}

type Filter = { severity?: string; pkg?: string; app?: string };

/**
 * Sets the filters that differ from `from` (by their visible labels; unset is "all": each change re-filters
 * the whole page) and waits for the counter to follow.
 */
async function filter(page: Page, f: Filter, from: Filter): Promise<Shown> {
  if (f.severity !== from.severity) await page.selectOption('#filter-severity', f.severity ?? '');
  if (f.pkg !== from.pkg) await page.selectOption('#filter-package', { label: f.pkg ?? 'all' });
  if (f.app !== from.app) await page.selectOption('#filter-app', { label: f.app ?? 'all' });
  await expect(page.locator('#findings-shown')).toHaveText(expected(f).counter, { timeout: 300_000 });
  return shown(page);
}

test(`the ${APPS}-app fleet report opens and each filter shows exactly the rows its JSON selects`, async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(url, { timeout: 900_000, waitUntil: 'load' });
  expect(report.apps).toHaveLength(APPS);
  expect(report.findings.length).toBeGreaterThan(10 * APPS);

  // Opened: every finding, row and column is there and shown.
  await expect(page.locator('#findings > li')).toHaveCount(report.findings.length, { timeout: 300_000 });
  await expect(page.locator('#matrix tbody tr')).toHaveCount(report.matrix.length);
  expect(await shown(page)).toEqual(expected({}));

  // The package with the most findings, and one with the fewest.
  const perPackage = new Map<string, number>();
  for (const f of report.findings)
    if (f.package !== undefined && report.matrix.some((r) => r.package === f.package))
      perPackage.set(f.package, (perPackage.get(f.package) ?? 0) + 1);
  const byCount = [...perPackage].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const busiest = byCount[0]![0];
  const quietest = byCount.at(-1)![0];
  // The host and an app from the middle of the fleet.
  const host = report.apps[0]!.name;
  const middle = report.apps[APPS / 2]!.name;

  // Each filter alone, then all three together, then back to everything.
  const cases: Filter[] = [
    { severity: 'error' },
    { severity: 'warning' },
    { severity: 'info' },
    { pkg: busiest },
    { pkg: quietest },
    { app: middle },
    { app: host },
    { severity: 'error', pkg: busiest, app: host },
    { severity: 'info', pkg: busiest, app: host },
    {},
  ];
  let current: Filter = {};
  for (const c of cases) {
    const want = expected(c);
    // Each case selects something and hides something (except the reset), so a filter that does nothing fails.
    if (Object.keys(c).length > 0) expect(want.findings.length).toBeLessThan(report.findings.length);
    expect(await filter(page, c, current), JSON.stringify(c)).toEqual(want);
    current = c;
  }
  expect(errors).toEqual([]);
});
