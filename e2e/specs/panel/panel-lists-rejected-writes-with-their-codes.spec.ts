// The Shared state view lists rejected writes with their codes (issue #14.3) in Chromium on the production
// playground: the host's handle (window.__ACME__.host, connected at start-up, after the panel mounted)
// writes the cart's slice (CONCORD-303) and a session carrying a prototype-polluting key (CONCORD-307).
// The host still gets each error, the state is unchanged, and the rejected session's token never shows.
import { expect, openShop, test } from '../../fixtures';
import { inspectBus } from '../../page-globals';

test('the Shared state timeline lists rejected writes with code, slice and writer, never a sensitive value', async ({
  page,
  scenario,
}) => {
  test.skip(scenario.name !== 'baseline', 'one page is enough: the bus is the same in every scenario');
  test.setTimeout(120_000);
  await openShop(page);
  const badge = page.getByTestId('concord-badge');
  await expect(badge).toHaveAttribute('data-ready', 'true');
  const before = await inspectBus(page);

  const codes = await page.evaluate(() => {
    // biome-ignore lint/suspicious/noExplicitAny: the host's debugging handle, beyond its typed reads
    const host = (globalThis as any).__ACME__.host;
    const attempt = (write: () => void) => {
      try {
        write();
        return 'accepted';
      } catch (error) {
        return (error as { code?: string }).code;
      }
    };
    return [
      attempt(() => host.set('cart', { count: 99 })),
      attempt(() =>
        host.set(
          'session',
          JSON.parse('{"user":null,"token":"REJECTED-TOKEN-4711","__proto__":{"admin":true}}'),
        ),
      ),
    ];
  });
  expect(codes).toEqual(['CONCORD-303', 'CONCORD-307']);
  expect((await inspectBus(page)).listeners).toEqual(before.listeners);

  await badge.click();
  await page.getByRole('tab', { name: 'Shared state' }).click();
  const bus = page.getByTestId('concord-bus').first();
  const timeline = bus.getByTestId('concord-timeline');
  await expect(timeline.locator('li[data-code="CONCORD-303"]')).toHaveAttribute('data-slice', 'cart');
  await expect(timeline.locator('li[data-code="CONCORD-303"]')).toHaveAttribute('data-app', 'host');
  await expect(timeline.locator('li[data-code="CONCORD-303"]')).toContainText(
    'host → cart rejected CONCORD-303',
  );
  await expect(timeline.locator('li[data-code="CONCORD-307"]')).toHaveAttribute('data-slice', 'session');
  await expect(bus).not.toContainText('REJECTED-TOKEN-4711');
  // A rejected write changes nothing: the cart's count and version are what the bus says.
  await expect(bus.locator('tr[data-slice="cart"]')).toContainText('{"count":0}');
  expect(await page.evaluate(() => globalThis.__ACME__!.host.get('session').token)).toBeNull();
  // CONCORD_UPDATE_SCREENSHOT=1 refreshes docs/panel-timeline.png (the view with the two rejected writes).
  if (process.env.CONCORD_UPDATE_SCREENSHOT) await page.screenshot({ path: '../docs/panel-timeline.png' });
});
