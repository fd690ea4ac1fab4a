// Issue #15.3: the HTML report of a 2,000-app drifting fleet (packages/report/bench/drift-fleet.mjs, the fleet
// of the report bench: ~20,000 findings, ~22 MB of HTML; past 24 apps the matrix is one row per package and
// outcome) opens in Chromium from a file: URL and each of its filters responds. Every filter is checked against the
// report's own JSON: the findings shown are exactly those the filter selects, in order; the matrix rows of each
// selected package stand for every app exactly once, and with an app picked each package shows that app's row,
// with its version and verdict. No timing is asserted; the generous timeouts only absorb a loaded machine, and the
// test is not retried: a failure here is not an intermittent race. Part of `npm test` (about 40 s on two cores);
// `npm run bench -- fleet-html` runs it alone and prints how long it took.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyze, fromManifestObject, type Report, renderHtml, VERDICT_WORDS } from '@concord/report';
import { expect, type Page, test } from '@playwright/test';
import { driftFleet } from '../../../packages/report/bench/drift-fleet.mjs';

const APPS = 2000;

test.describe.configure({ mode: 'serial', timeout: 600_000, retries: 0 });

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

interface Row {
  package: string;
  /** The app indices the row stands for (its data-apps). */
  apps: string[];
  /** Its "provides" and verdict cells, as shown. */
  provides: string;
  verdict: string;
}

interface Shown {
  /** Positions (in report.findings order) of the findings left visible. */
  findings: number[];
  counter: string;
  noFindings: boolean;
  /** The matrix rows left visible: at fleet size, one per package and outcome. */
  rows: Row[];
}

// The filters hide by `hidden` (display: none), so what is shown is read from computed styles.
const shown = (page: Page): Promise<Shown> =>
  page.evaluate(() => {
    const on = (el: Element) => getComputedStyle(el).display !== 'none';
    const findings: number[] = [];
    document.querySelectorAll<HTMLElement>('#findings > li').forEach((li, i) => {
      if (on(li)) findings.push(i);
    });
    const rows = [...document.querySelectorAll<HTMLTableRowElement>('#matrix tbody tr')]
      .filter(on)
      .map((tr) => ({
        package: tr.querySelector('th')!.firstChild!.textContent!,
        apps: tr.dataset.apps!.split(' '),
        provides: tr.cells[2]!.textContent!,
        verdict: tr.cells[5]!.textContent!,
      }));
    return {
      findings,
      counter: document.getElementById('findings-shown')!.textContent!,
      noFindings: on(document.getElementById('no-findings')!),
      rows,
    };
  });

/** The findings a filter must leave, computed from the report's JSON. */
function expectedFindings(filter: Filter): number[] {
  const findings: number[] = [];
  report.findings.forEach((f, i) => {
    if (filter.severity !== undefined && f.severity !== filter.severity) return;
    if (filter.pkg !== undefined && f.package !== filter.pkg) return;
    if (filter.app !== undefined && !(f.apps ?? []).includes(filter.app)) return;
    findings.push(i);
  });
  return findings;
}

/**
 * Checks the visible matrix rows against the report's JSON without re-deriving the page's grouping: the rows of
 * each selected package stand for every app exactly once; with an app selected, each package shows one row, that
 * app's, with its version and verdict.
 */
function checkRows(rows: Row[], filter: Filter): void {
  const packages = report.matrix.filter((r) => filter.pkg === undefined || r.package === filter.pkg);
  expect(new Set(rows.map((r) => r.package))).toEqual(new Set(packages.map((r) => r.package)));
  const appIndex = filter.app === undefined ? -1 : report.apps.findIndex((a) => a.name === filter.app);
  for (const row of packages) {
    const mine = rows.filter((r) => r.package === row.package);
    if (appIndex < 0) {
      const apps = mine.flatMap((r) => r.apps).map(Number);
      expect(
        apps.sort((x, y) => x - y),
        row.package,
      ).toEqual(report.apps.map((_, i) => i));
    } else {
      const cell = row.cells[appIndex]!;
      expect(mine, row.package).toHaveLength(1);
      expect(mine[0]!.apps).toContain(String(appIndex));
      expect(mine[0]!.verdict).toBe(VERDICT_WORDS[cell.verdict]);
      if (cell.verdict !== 'absent') expect(mine[0]!.provides).toBe(cell.version ?? '—');
    }
  }
  // Fewer rows than cells: the fleet is grouped, not one row per app.
  if (appIndex < 0) expect(rows.length).toBeLessThan(packages.length * report.apps.length);
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
  await expect(page.locator('#findings-shown')).toHaveText(String(expectedFindings(f).length), {
    timeout: 120_000,
  });
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
  await page.goto(url, { timeout: 300_000, waitUntil: 'load' });
  expect(report.apps).toHaveLength(APPS);
  expect(report.findings.length).toBeGreaterThan(10 * APPS);

  // Opened: every finding, row and column is there and shown.
  await expect(page.locator('#findings > li')).toHaveCount(report.findings.length, { timeout: 300_000 });
  const opened = await shown(page);
  expect(opened.findings).toEqual(expectedFindings({}));
  expect(opened.noFindings).toBe(false);
  checkRows(opened.rows, {});

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
    const want = expectedFindings(c);
    // Each case selects something and hides something (except the reset), so a filter that does nothing fails.
    if (Object.keys(c).length > 0) expect(want.length).toBeLessThan(report.findings.length);
    const got = await filter(page, c, current);
    expect(got.findings, JSON.stringify(c)).toEqual(want);
    expect(got.counter).toBe(String(want.length));
    expect(got.noFindings).toBe(want.length === 0);
    checkRows(got.rows, c);
    current = c;
  }
  expect(errors).toEqual([]);
});
