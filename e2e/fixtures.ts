// Fixtures shared by the specs: the scenario of the running project, the console errors of the page,
// and typed access to what the page exposes (window.__CONCORD__, the host's debugging handle).
import { existsSync, readFileSync } from 'node:fs';
import { test as base, type Page } from '@playwright/test';
import { getScenario, type Scenario } from '../playground/scenarios.mjs';
import { waitForShop } from '../scripts/demo/browser.mjs';
import { buildErrorFile } from '../scripts/demo/build.mjs';

/**
 * Pages on which the panel's behaviour beyond its content is checked (auto-open, axe, screenshots): every way a
 * finding reaches the page — none (the baseline, and a fault only the build report sees), a duplicate in warn
 * mode, and a remote refused in throw mode. The panel's markup is one code path; its content is checked on
 * every scenario.
 */
export const REPRESENTATIVE_PAGES: ReadonlySet<string> = new Set([
  'baseline',
  'host-report-misses-account',
  'catalog-unshared-zustand',
  'cart-strict',
]);

export interface ScenarioOptions {
  /** Set per project in playwright.config.ts. */
  scenarioName: string;
}

interface Fixtures {
  scenario: Scenario;
  /** Fails the test with the build's own error when its scenario did not build (see demo --keep-going). */
  built: undefined;
  /** Console errors and uncaught exceptions of `page`, collected from the first navigation. */
  consoleErrors: string[];
}

export const test = base.extend<Fixtures & ScenarioOptions>({
  scenarioName: ['baseline', { option: true }],
  scenario: async ({ scenarioName }, use) => {
    await use(getScenario(scenarioName));
  },
  built: [
    async ({ scenarioName }, use) => {
      const file = buildErrorFile(scenarioName);
      if (existsSync(file))
        throw new Error(`The ${scenarioName} build failed:\n${readFileSync(file, 'utf8')}`);
      await use(undefined);
    },
    { auto: true },
  ],
  consoleErrors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
    await use(errors);
  },
});

export { expect } from '@playwright/test';
export { remotesAtStart, waitForRemote } from '../scripts/demo/browser.mjs';

/** Opens the host and waits for the remotes mounted at start (catalog, cart) to render or fail. */
export async function openShop(page: Page) {
  await page.goto('/');
  await waitForShop(page);
}
