// The playground under `vite dev` (playground/dev-serve.mjs): its pages and what Concord saw on them.
import { expect, type Page } from '@playwright/test';
import { devHostUrl } from '../../../playground/dev-ports.mjs';

/** The host's Vite majors the dev pages are served with (the remotes run Vite 8). */
export const HOST_VITE_MAJORS = [8, 7] as const;

/**
 * Opens a dev page (cart sharing react or not, the host on Vite `hostVite`) and waits for the host and
 * the catalog to render.
 */
export async function openDevPlayground(page: Page, ownReact: boolean, hostVite: 7 | 8) {
  await page.goto(devHostUrl(ownReact, hostVite));
  // Cold dev servers transform every module on first request: generous, on a loaded machine.
  await expect(page.getByTestId('cart-badge')).toBeVisible({ timeout: 90_000 });
  await expect(page.getByTestId('catalog-root')).toBeVisible({ timeout: 90_000 });
}

/** The live copies of each watched package as `app (bundler) version` (window.__CONCORD__.getInstances()). */
export function liveCopies(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(() => {
    const instances = globalThis.__CONCORD__?.getInstances() as
      | Record<string, { app: string; bundler: string; version: string }[]>
      | undefined;
    return Object.fromEntries(
      Object.entries(instances ?? {}).map(([name, copies]) => [
        name,
        copies.map((c) => `${c.app} (${c.bundler}) ${c.version}`),
      ]),
    );
  });
}
