// The Concord panel (@concord/runtime-plugin/overlay) on the production playground (built with
// `concord.overlay: { enabled: true }`), on the baseline and on every fault scenario: the badge counts and
// the three views say what getDiagnostics(), getInstances() and the bus's inspect() say; the panel works
// from the keyboard; on the representative pages (fixtures.ts), axe finds no serious or critical violation in
// any view and each view is attached as a screenshot.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Locator, Page } from '@playwright/test';
import { expect, openShop, REPRESENTATIVE_PAGES, test } from '../../fixtures';
import { type Diagnostic, diagnostics, inspectBus } from '../../page-globals';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
type Copies = Record<string, { app: string; version: string }[]>;

const instances = (page: Page): Promise<Copies> =>
  page.evaluate(() => JSON.parse(JSON.stringify(globalThis.__CONCORD__!.getInstances())));

/** axe on the panel's shadow root (the badge and the open view): violations of serious or critical impact. */
async function axe(page: Page): Promise<{ id: string; impact: string; nodes: number }[]> {
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    // biome-ignore lint/suspicious/noExplicitAny: axe-core's global, injected above
    const result = await (globalThis as any).axe.run(document.getElementById('concord-overlay'), {
      resultTypes: ['violations'],
    });
    // biome-ignore lint/suspicious/noExplicitAny: axe-core's result shape
    return result.violations.map((v: any) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
  });
}
const severe = (v: { impact: string }[]) =>
  v.filter((x) => x.impact === 'serious' || x.impact === 'critical');

/** The badge's count of a kind (0 when its chip is absent). */
async function chip(badge: Locator, id: string): Promise<number> {
  const el = badge.getByTestId(id);
  return (await el.count()) ? Number.parseInt((await el.textContent()) ?? '', 10) : 0;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const cell = (page: Page, pkg: string, app: string) =>
  page.locator(`[data-testid="concord-cell"][data-package="${pkg}"][data-app="${app}"]`);

test('the Concord panel shows the findings, share map and shared state the page APIs report', async ({
  page,
  scenario,
}, testInfo) => {
  // Three axe runs and a dozen live reads on two cores shared with builds: a generous budget.
  test.setTimeout(180_000);
  // The views' markup is one code path: axe and screenshots on the representative pages (or when refreshing
  // the docs' screenshots), the content below on every scenario.
  const thorough = REPRESENTATIVE_PAGES.has(scenario.name) || !!process.env.CONCORD_UPDATE_SCREENSHOT;
  const accessible = async () => {
    if (thorough) expect(severe(await axe(page))).toEqual([]);
  };
  await openShop(page);
  const badge = page.getByTestId('concord-badge');
  await expect(badge).toHaveAttribute('data-ready', 'true');

  // The badge, live: its counts reach what getDiagnostics() says once every remote has loaded.
  const severities = (list: Diagnostic[]) => [
    list.filter((d) => d.severity === 'error').length,
    list.filter((d) => d.severity === 'warning').length,
  ];
  await expect
    .poll(async () => [
      await chip(badge, 'concord-badge-errors'),
      await chip(badge, 'concord-badge-warnings'),
    ])
    .toEqual(severities(await diagnostics(page)));
  const expected = scenario.expect.filter((f) => f.where === 'runtime');
  if (expected.some((f) => f.code === 'CONCORD-202'))
    await expect(badge.getByTestId('concord-badge-split')).toBeVisible();
  if (!expected.length) await expect(badge.getByTestId('concord-badge-ok')).toHaveText('no findings');
  expect(await chip(badge, 'concord-badge-apps')).toBeGreaterThanOrEqual(4);
  await shoot(page, testInfo, scenario.name, 'badge');

  // Keyboard: Enter on the badge opens the panel with the focus on its tabs.
  await badge.focus();
  await page.keyboard.press('Enter');
  const panel = page.getByTestId('concord-panel');
  await expect(panel).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Findings' })).toBeFocused();
  await accessible();

  // Findings: one card per getDiagnostics() entry, with the code and package the scenario expects.
  const list = await diagnostics(page);
  const cards = page.getByTestId('concord-finding');
  await expect(cards).toHaveCount(list.length);
  const shown = await cards.evaluateAll((els) => els.map((e) => `${e.dataset.code} ${e.dataset.package}`));
  expect(shown.sort()).toEqual(list.map((d) => `${d.code} ${d.package}`).sort());
  for (const f of expected) expect(shown).toContain(`${f.code} ${f.package}`);
  for (const d of list)
    for (const a of [d.consumer, d.provider].filter((x) => x !== undefined))
      await expect(
        page
          .locator(`[data-testid="concord-finding"][data-code="${d.code}"][data-package="${d.package}"]`)
          .filter({ hasText: `${a.app} (${a.bundler})` })
          .first(),
      ).toBeVisible();
  if (list.length) await shoot(page, testInfo, scenario.name, 'findings');

  // Share map (arrow key to the next tab): every live copy in its app's cell; faults marked in the cell.
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Share map' })).toBeFocused();
  await expect(page.getByTestId('concord-share-map')).toBeVisible();
  const copies = await instances(page);
  for (const [pkg, live] of Object.entries(copies))
    for (const c of live)
      await expect(cell(page, pkg, c.app)).toHaveAttribute(
        'data-live',
        new RegExp(`(^| )${escapeRe(c.version)}( |$)`),
      );
  for (const d of list) {
    if (d.code === 'CONCORD-202')
      for (const c of d.copies ?? [])
        await expect(cell(page, d.package, c.app)).toHaveAttribute('data-marks', /duplicate/);
    if (d.code === 'CONCORD-201' && d.consumer)
      await expect(cell(page, d.package, d.consumer.app)).toHaveAttribute('data-marks', /unsatisfied/);
    if (d.code === 'CONCORD-203' && d.consumer)
      await expect(cell(page, d.package, d.consumer.app)).toHaveAttribute('data-marks', /private/);
  }
  await accessible();
  await shoot(page, testInfo, scenario.name, 'share-map');

  // Shared state: its tab selected, Escape closes the panel and gives the focus back to the badge.
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Shared state' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await expect(badge).toBeFocused();

  // The page goes on while the panel is closed: sign in (a sensitive slice); on the baseline, add to the
  // cart from the Rspack catalog (the Vite cart writes) and mount then unmount the Vue account remote.
  await page.getByRole('button', { name: 'Sign in' }).click();
  if (scenario.name === 'baseline') {
    const catalog = page.getByRole('region', { name: 'Catalog' });
    await catalog.getByRole('button', { name: 'Add Mechanical keyboard to cart' }).click();
    await expect(page.getByTestId('cart-badge')).toHaveText('1');
    await page.getByRole('button', { name: 'Open account' }).click();
    await expect(page.getByTestId('account-user')).toHaveText('Signed in as Ada Lovelace');
    await expect.poll(async () => (await inspectBus(page)).listeners.account ?? 0).toBeGreaterThan(0);
    // A read of the page now (the badge also reads every 1.5 s): the panel notes the account's listeners.
    await page.evaluate(() =>
      (globalThis as unknown as Record<symbol, { refresh(): void }>)[
        Symbol.for('concord.overlay')
      ]!.refresh(),
    );
    await page.getByRole('button', { name: 'Close account' }).click();
  }
  await badge.click();
  await expect(panel).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Shared state' })).toHaveAttribute('aria-selected', 'true');
  const bus = page.getByTestId('concord-bus').first();
  await expect(bus.locator('tr[data-slice="session"]')).toContainText('sensitive: set');
  const token = await page.evaluate(() => globalThis.__ACME__!.host.get('session').token);
  expect(token).toBeTruthy();
  await expect(bus).not.toContainText(token!);
  const timeline = bus.getByTestId('concord-timeline');
  await expect(timeline.locator('li[data-slice="session"]').first()).toHaveAttribute('data-app', 'host');
  if (scenario.name === 'baseline') {
    await expect(bus.locator('tr[data-slice="cart"]')).toContainText('{"count":1}');
    await expect(timeline.locator('li[data-slice="cart"]').first()).toHaveAttribute('data-app', 'cart');
  }
  // Every slice's version and every app's listeners, as the bus's own inspect() reports them.
  await expect
    .poll(async () =>
      bus
        .locator('[data-testid="concord-slices"] tbody tr')
        .evaluateAll((rows) =>
          Object.fromEntries(
            rows.map((r) => [
              r.dataset.slice,
              Number(r.querySelector('[data-testid="concord-slice-version"]')?.textContent),
            ]),
          ),
        ),
    )
    .toEqual(((await inspectBus(page)) as unknown as { versions: Record<string, number> }).versions);
  await expect
    .poll(() =>
      bus
        .getByTestId('concord-listeners')
        .locator('tbody tr')
        .evaluateAll((rows) =>
          Object.fromEntries(
            rows
              .filter((r) => r.dataset.listeners !== '0')
              .map((r) => [r.dataset.app, Number(r.dataset.listeners)]),
          ),
        ),
    )
    .toEqual((await inspectBus(page)).listeners);
  expect(Object.keys((await inspectBus(page)).listeners).length).toBeGreaterThan(0);
  await accessible();
  await shoot(page, testInfo, scenario.name, 'shared-state');
});

/** A test artifact per scenario and view; CONCORD_UPDATE_SCREENSHOT=1 refreshes docs/panel-*.png. */
async function shoot(
  page: Page,
  testInfo: import('@playwright/test').TestInfo,
  scenario: string,
  view: string,
) {
  if (!REPRESENTATIVE_PAGES.has(scenario) && !process.env.CONCORD_UPDATE_SCREENSHOT) return;
  const path = testInfo.outputPath(`panel-${view}.png`);
  await page.screenshot({ path });
  await testInfo.attach(`${scenario} panel ${view}`, { path, contentType: 'image/png' });
  const docs: Record<string, string> = {
    'catalog-unshared-zustand badge': 'badge',
    'baseline shared-state': 'shared-state',
    'catalog-unshared-zustand findings': 'findings',
    'catalog-unshared-zustand share-map': 'share-map',
  };
  const name = docs[`${scenario} ${view}`];
  if (process.env.CONCORD_UPDATE_SCREENSHOT && name)
    await page.screenshot({ path: `../docs/panel-${name}.png` });
}
