// The HTML report opened in real Chromium (Debian's, through playwright-core): the DOM holds every row and
// finding, the filters work, and strings from manifests stay text — no dialog, no injected element.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  analyze,
  fromManifestObject,
  parseManifest,
  type Report,
  renderHtml,
  VERDICT_WORDS,
} from '@concord/report';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The same Chromium and flags as the e2e suite and the demo check.
import { chromiumArgs as ARGS, chromiumPath as CHROMIUM } from '../../../scripts/chromium.mjs';
import { driftFleet } from '../bench/drift-fleet.mjs';
import { everyFinding, XSS, xssFiles } from './helpers/scenarios';

// Real Chromium on a shared 2-core machine: page loads can take seconds, so no test relies on the 5 s default.
const BROWSER = { timeout: 60_000 };

let browser: Browser;
let dir: string;

beforeAll(async () => {
  if (!existsSync(CHROMIUM))
    throw new Error(`${CHROMIUM} is missing: install Debian's chromium (scripts/chromium.mjs)`);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  dir = mkdtempSync(join(tmpdir(), 'concord-html-'));
}, 60_000);

afterAll(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

interface Opened {
  page: Page;
  dialogs: string[];
  errors: string[];
  requests: string[];
}

/** Opens `html` from a file: URL and records dialogs, page errors and any network request beyond the page. */
async function open(name: string, html: string): Promise<Opened> {
  const file = join(dir, name);
  writeFileSync(file, html);
  const page = await browser.newPage();
  const opened: Opened = { page, dialogs: [], errors: [], requests: [] };
  page.on('dialog', (d) => {
    opened.dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('pageerror', (e) => opened.errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') opened.errors.push(m.text());
  });
  page.on('request', (r) => {
    if (r.url() !== pathToFileURL(file).href) opened.requests.push(r.url());
  });
  await page.goto(pathToFileURL(file).href);
  return opened;
}

const visible = (page: Page, selector: string) =>
  page
    .locator(selector)
    .evaluateAll((els) => els.filter((el) => !(el as HTMLElement).closest('[hidden]')).length);

describe('the harness can see an injection', BROWSER, () => {
  it('an unescaped payload does fire a dialog here', async () => {
    const { page, dialogs } = await open('naive.html', `<!doctype html><body>${XSS}</body>`);
    await expect.poll(() => dialogs.length).toBe(1);
    expect(await page.locator('img').count()).toBe(1);
    await page.close();
  });
});

describe('a page whose every string is an injection attempt', BROWSER, () => {
  let report: Report;
  let opened: Opened;
  beforeAll(async () => {
    report = analyze(xssFiles().map((f) => parseManifest(f.content, f.file)));
    opened = await open('xss.html', renderHtml(report));
  });
  afterAll(() => opened.page.close());

  it('runs nothing and creates no element from the data', async () => {
    const { page, dialogs, errors, requests } = opened;
    expect(report.findings.length).toBeGreaterThan(3);
    // Give a would-be onerror handler the chance to run before asserting it did not.
    await page.waitForLoadState('load');
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('script').count()).toBe(1);
    const handlers = await page.evaluate(() =>
      [...document.querySelectorAll('*')].flatMap((el) =>
        [...el.attributes].filter((a) => a.name.startsWith('on')).map((a) => `${el.tagName} ${a.name}`),
      ),
    );
    expect(handlers).toEqual([]);
  });

  it('shows the names as text', async () => {
    const { page } = opened;
    const names = await page.locator('#matrix tbody th').allTextContents();
    expect(names.some((n) => n.includes(XSS))).toBe(true);
    const apps = await page.locator('#filter-app option').allTextContents();
    expect(apps).toEqual(['all', `host${XSS}`, `remote${XSS}`]);
    expect(await page.locator('#findings').textContent()).toContain(`<script>alert(2)</script>`);
    expect(await page.title()).toBe('Concord report');
  });
});

describe('the page for a report with every finding', BROWSER, () => {
  let report: Report;
  let opened: Opened;
  beforeAll(async () => {
    report = analyze(await everyFinding());
    opened = await open('every.html', renderHtml(report));
  });
  afterAll(() => opened.page.close());

  it('has one list item per finding and one row per package', async () => {
    const { page, errors } = opened;
    expect(errors).toEqual([]);
    expect(await page.locator('#findings > li').count()).toBe(report.findings.length);
    expect(await page.locator('#matrix tbody tr').count()).toBe(report.matrix.length);
    expect(await page.locator('#matrix thead th[data-app]').count()).toBe(report.apps.length);
    expect(await page.locator('#summary').textContent()).toContain(`${report.summary.errors} errors`);
    const codes = await page.locator('#findings > li code').allTextContents();
    expect(codes.filter((c) => c.startsWith('CONCORD-'))).toEqual(report.findings.map((f) => f.code));
  });

  it('filters findings by severity', async () => {
    const { page } = opened;
    await page.selectOption('#filter-severity', 'warning');
    const warnings = report.findings.filter((f) => f.severity === 'warning').length;
    await expect.poll(() => visible(page, '#findings > li')).toBe(warnings);
    expect(await page.locator('#findings-shown').textContent()).toBe(String(warnings));
    const shown = await page
      .locator('#findings > li:not([hidden])')
      .evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.severity));
    expect(new Set(shown)).toEqual(new Set(['warning']));
    await page.selectOption('#filter-severity', '');
    await expect.poll(() => visible(page, '#findings > li')).toBe(report.findings.length);
  });

  it('filters findings and matrix rows by package', async () => {
    const { page } = opened;
    await page.selectOption('#filter-package', { label: 'zustand' });
    const expected = report.findings.filter((f) => f.package === 'zustand').length;
    expect(expected).toBeGreaterThan(0);
    await expect.poll(() => visible(page, '#findings > li')).toBe(expected);
    expect(await visible(page, '#matrix tbody tr')).toBe(1);
    expect(await page.locator('#matrix tbody tr:not([hidden]) th').textContent()).toContain('zustand');
    await page.selectOption('#filter-package', '');
    await expect.poll(() => visible(page, '#matrix tbody tr')).toBe(report.matrix.length);
  });

  it('filters findings and matrix columns by app, and shows "No findings" when nothing matches', async () => {
    const { page } = opened;
    await page.selectOption('#filter-app', { label: 'catalog' });
    const expected = report.findings.filter((f) => f.apps?.includes('catalog')).length;
    await expect.poll(() => visible(page, '#findings > li')).toBe(expected);
    expect(await visible(page, '#matrix thead th[data-app]')).toBe(1);
    await page.selectOption('#filter-severity', 'info');
    await page.selectOption('#filter-app', { label: 'cart' });
    const none = report.findings.filter((f) => f.severity === 'info' && f.apps?.includes('cart')).length;
    await expect.poll(() => visible(page, '#findings > li')).toBe(none);
    expect(await page.locator('#no-findings').isVisible()).toBe(none === 0);
  });

  it('is self-contained and small', () => {
    const html = renderHtml(report);
    expect(html).not.toMatch(/\b(src|href)="(?!data:)/);
    expect(Buffer.byteLength(html)).toBeLessThan(64 * 1024);
  });
});

// Past 24 apps a column per app stops being readable (and a fleet's 120,000 cells make every filter change re-style
// the page): the matrix groups each package's apps by outcome instead.
describe('the page for a fleet of 40 apps', BROWSER, () => {
  let report: Report;
  let opened: Opened;
  const rows = (page: Page) =>
    page.locator('#matrix tbody tr').evaluateAll((trs) =>
      trs
        .filter((tr) => !(tr as HTMLElement).hidden)
        .map((tr) => ({
          package: tr.querySelector('th')!.firstChild!.textContent!,
          apps: (tr as HTMLElement).dataset.apps!.split(' ').map(Number),
          provides: (tr as HTMLTableRowElement).cells[2]!.textContent!,
          verdict: (tr as HTMLTableRowElement).cells[5]!.textContent!,
        })),
    );
  beforeAll(async () => {
    report = analyze(driftFleet(40).map((m) => fromManifestObject(m, `${m.name}/mf-manifest.json`)));
    opened = await open('fleet.html', renderHtml(report));
  });
  afterAll(() => opened.page.close());

  it("has one row per package and outcome, and each package's rows stand for every app once", async () => {
    const { page, errors } = opened;
    expect(errors).toEqual([]);
    expect(await page.locator('#matrix thead th[data-app]').count()).toBe(0);
    const all = await rows(page);
    expect(all.length).toBeGreaterThan(report.matrix.length);
    expect(all.length).toBeLessThan(report.matrix.length * report.apps.length);
    for (const row of report.matrix) {
      const apps = all.filter((r) => r.package === row.package).flatMap((r) => r.apps);
      expect(
        apps.sort((a, b) => a - b),
        row.package,
      ).toEqual(report.apps.map((_, i) => i));
    }
  });

  it("shows, with an app picked, that app's own row of each package: its version and verdict", async () => {
    const { page } = opened;
    const app = 17;
    await page.selectOption('#filter-app', { label: report.apps[app]!.name });
    await expect.poll(async () => (await rows(page)).length).toBe(report.matrix.length);
    const shown = await rows(page);
    for (const row of report.matrix) {
      const cell = row.cells[app]!;
      const mine = shown.find((r) => r.package === row.package)!;
      expect(mine.apps).toContain(app);
      expect(mine.verdict, row.package).toBe(VERDICT_WORDS[cell.verdict]);
      if (cell.verdict !== 'absent') expect(mine.provides, row.package).toBe(cell.version ?? '—');
    }
    const expected = report.findings.filter((f) => f.apps?.includes(report.apps[app]!.name)).length;
    expect(await visible(page, '#findings > li')).toBe(expected);
    await page.selectOption('#filter-app', '');
    await page.selectOption('#filter-package', { label: 'zustand' });
    await expect
      .poll(async () => new Set((await rows(page)).map((r) => r.package)))
      .toEqual(new Set(['zustand']));
    await page.selectOption('#filter-package', '');
  });
});
