// The dev pair (playground/dev-pair) of the running project's Vite major: its pages and what Concord
// saw on them. Each dev project sets `metadata.viteMajor` (playwright.config.ts).
import { expect, type Page, type TestInfo } from '@playwright/test';
import { devOrigin, HOST_PAGE } from '../../../playground/dev-pair/ports.mjs';

/** Opens the host page of `pair` on this project's Vite major and waits for the remote to render or fail. */
export async function openDevPair(page: Page, info: TestInfo, pair: 'healthy' | 'own-react') {
  const major = info.project.metadata.viteMajor as 7 | 8;
  await page.goto(`${devOrigin(major, pair, 'host')}${HOST_PAGE}`);
  // A cold dev server transforms every module on first request: generous, on a loaded machine.
  await expect(page.getByTestId('remote-counter').or(page.getByTestId('remote-failed'))).toBeVisible({
    timeout: 60_000,
  });
}

/** The apps that registered a live copy of `pkg` (window.__CONCORD__.getInstances()). */
export function copiesOf(page: Page, pkg: string): Promise<string[]> {
  return page.evaluate((name) => {
    const instances = globalThis.__CONCORD__?.getInstances() as
      | Record<string, { app: string; bundler: string; version: string }[]>
      | undefined;
    return (instances?.[name] ?? []).map((c) => `${c.app} (${c.bundler}) ${c.version}`);
  }, pkg);
}

/** What window.__CONCORD__.assertSingleInstances() throws on the page, or null when it does not throw. */
export function assertSingleInstancesError(page: Page): Promise<{ code?: string; message: string } | null> {
  return page.evaluate(() => {
    try {
      globalThis.__CONCORD__!.assertSingleInstances();
      return null;
    } catch (error) {
      const e = error as { code?: string; message: string };
      return { code: e.code, message: e.message };
    }
  });
}
