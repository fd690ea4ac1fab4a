// A remote mounted long after the page started (the Vue account panel, opened by a click) must render
// the current session and theme on its very first render, not the contract's initial values.
import { expect, openShop, test } from '../../fixtures';

interface FirstRender {
  text: string;
  theme: string | null;
}

test('the late-mounted remote renders current values on its first render', async ({
  page,
  consoleErrors,
}) => {
  await openShop(page);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Switch to dark theme' }).click();
  await expect(page.getByTestId('host-user')).toHaveText('Ada Lovelace');

  // Record what the account panel shows the moment it is inserted, before any later update could land.
  await page.evaluate(() => {
    const slot = document.querySelector('[aria-label="Account panel"]')!;
    const seen: FirstRender[] = [];
    Object.assign(globalThis, { __firstRender: seen });
    new MutationObserver((_, observer) => {
      const root = slot.querySelector('[data-testid="account-root"]');
      if (!root) return;
      seen.push({ text: root.textContent ?? '', theme: root.getAttribute('data-theme') });
      observer.disconnect();
    }).observe(slot, { childList: true, subtree: true });
  });
  await page.getByRole('button', { name: 'Open account' }).click();

  const firstRenders = () =>
    page.evaluate(() => (globalThis as { __firstRender?: FirstRender[] }).__firstRender ?? []);
  await expect.poll(async () => (await firstRenders()).length).toBe(1);
  const [first] = await firstRenders();
  expect(first?.text).toContain('Signed in as Ada Lovelace');
  expect(first?.theme).toBe('dark');
  expect(consoleErrors).toEqual([]);
});
