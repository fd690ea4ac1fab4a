// The Concord panel opens by itself on a new error finding, as Vite's error overlay does (issue #14.2), in
// Chromium on the production playground. The playground is built with `openOnError: false` (the shop specs
// must never find the panel over a button); `?concord-open-on-error=true` turns it on for this page load.
// On a scenario whose page has an error finding the panel opens without taking the page's focus, Escape
// closes it and the focus returns to the badge when the panel had it; on a page without one (the
// baseline) it stays closed and its code is not even loaded.
import type { Page } from '@playwright/test';
import { waitForShop } from '../../../scripts/demo/browser.mjs';
import { expect, REPRESENTATIVE_PAGES, test } from '../../fixtures';
import { diagnostics } from '../../page-globals';

/**
 * A read of the page by the overlay now, then one task: an auto-open it starts (its panel code is loaded
 * by then) has shown the panel before this returns.
 */
const readNow = (page: Page) =>
  page.evaluate(async () => {
    (globalThis as unknown as Record<symbol, { refresh(): void }>)[Symbol.for('concord.overlay')]!.refresh();
    await new Promise((resolve) => setTimeout(resolve, 0));
  });

/** Whether the element focused in the document is the overlay's host (the panel or badge has the focus). */
const focusInOverlay = (page: Page) => page.evaluate(() => document.activeElement?.id === 'concord-overlay');

test('the panel opens by itself on a new error finding, keeps the page focus, and stays closed without one', async ({
  page,
  scenario,
}) => {
  // The representative pages cover both halves and every way an error reaches the page (the panel's content
  // on every scenario is panel-shows-what-the-page-knows's).
  test.skip(!REPRESENTATIVE_PAGES.has(scenario.name), 'the auto-open is checked on the representative pages');
  test.setTimeout(120_000);
  await page.goto('/?concord-open-on-error=true');
  await waitForShop(page);
  const badge = page.getByTestId('concord-badge');
  await expect(badge).toHaveAttribute('data-ready', 'true');
  // Every remote loaded and reported: the badge's error count is getDiagnostics()'s.
  const errors = async () => (await diagnostics(page)).filter((d) => d.severity === 'error');
  const expectedErrors = (await errors()).length;
  await expect
    .poll(async () => {
      const chip = badge.getByTestId('concord-badge-errors');
      return (await chip.count()) ? Number.parseInt((await chip.textContent()) ?? '', 10) : 0;
    })
    .toBe(expectedErrors);
  await readNow(page);
  const panel = page.getByTestId('concord-panel');

  // getDiagnostics() decides which half runs; the baseline has no error, a strict scenario's failed
  // remote always one.
  if (scenario.name === 'baseline') expect(await errors()).toEqual([]);
  if (scenario.fails) expect(await errors()).not.toEqual([]);
  test.info().annotations.push({
    type: 'errors',
    description: (await errors()).map((d) => `${d.code} ${d.package}`).join(', ') || 'none',
  });
  if (!(await errors()).length) {
    // Nothing to announce: the panel stays closed, its code never loaded, while the page goes on.
    await page.getByRole('button', { name: 'Sign in' }).click();
    await readNow(page);
    await expect(panel).toHaveCount(0);
    await expect(badge).toHaveAttribute('aria-expanded', 'false');
    // It still opens on demand.
    await badge.click();
    await expect(panel).toBeVisible();
    return;
  }

  // Opened by itself on the Findings view, with the error's card, without taking the page's focus.
  await expect(panel).toBeVisible();
  await expect(badge).toHaveAttribute('aria-expanded', 'true');
  const findings = page.getByRole('tab', { name: 'Findings' });
  await expect(findings).toHaveAttribute('aria-selected', 'true');
  const first = (await errors())[0]!;
  await expect(
    page
      .locator(`[data-testid="concord-finding"][data-code="${first.code}"][data-package="${first.package}"]`)
      .first(),
  ).toBeVisible();
  expect(await focusInOverlay(page)).toBe(false);

  // Escape closes it; the focus stays where the page had it.
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await expect(badge).toHaveAttribute('aria-expanded', 'false');
  expect(await focusInOverlay(page)).toBe(false);

  // The same finding does not open it again.
  await readNow(page);
  await expect(panel).toBeHidden();

  // Reopened from the keyboard, the panel takes the focus; Escape gives it back to the badge.
  await badge.focus();
  await page.keyboard.press('Enter');
  await expect(panel).toBeVisible();
  await expect(findings).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await expect(badge).toBeFocused();
});
