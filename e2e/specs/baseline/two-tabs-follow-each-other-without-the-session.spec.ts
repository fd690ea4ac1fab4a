// Two tabs of the shop: the `broadcast` slices (theme, cart count) follow each other both ways, while the
// `sensitive` session never reaches the BroadcastChannel — watched from the second tab.
import { expect, openShop, test } from '../../fixtures';

// @concord/shared-state/broadcast's channel: `concord:<contract name>@<major>`.
const CHANNEL = 'concord:acme@1';

test('in two tabs theme and cart count follow each other, and the session never crosses', async ({
  context,
}) => {
  const first = await context.newPage();
  const second = await context.newPage();
  await openShop(first);
  await openShop(second);
  await second.evaluate((name) => {
    const seen: string[] = [];
    Object.assign(globalThis, { __channel: seen });
    new BroadcastChannel(name).onmessage = (event) => seen.push(JSON.stringify(event.data));
  }, CHANNEL);

  // First tab → second tab.
  await first.getByRole('button', { name: 'Sign in' }).click();
  await expect(first.getByTestId('host-user')).toHaveText('Ada Lovelace');
  await first.getByRole('button', { name: 'Switch to dark theme' }).click();
  const catalog = first.getByRole('region', { name: 'Catalog' });
  await catalog.getByRole('button', { name: 'Add Mechanical keyboard to cart' }).click();
  await catalog.getByRole('button', { name: 'Add Wireless mouse to cart' }).click();
  await expect(second.getByTestId('host-root')).toHaveAttribute('data-theme', 'dark');
  await expect(second.getByTestId('catalog-root')).toHaveAttribute('data-theme', 'dark');
  await expect(second.getByTestId('cart-badge')).toHaveText('2');
  await expect(second.getByTestId('cart-count')).toHaveText('2');

  // Second tab → first tab.
  await second.getByRole('button', { name: 'Switch to light theme' }).click();
  await second
    .getByRole('region', { name: 'Catalog' })
    .getByRole('button', { name: 'Add 27" monitor to cart' })
    .click();
  await expect(first.getByTestId('host-root')).toHaveAttribute('data-theme', 'light');
  await expect(first.getByTestId('cart-badge')).toHaveText('3');

  // The session stayed in the first tab: not applied in the second, never on the channel.
  await expect(second.getByRole('button', { name: 'Sign in' })).toBeVisible();
  const token = await first.evaluate(() => globalThis.__ACME__!.host.get('session').token);
  expect(token).toMatch(/^tok_/);
  const seen = await second.evaluate(() => (globalThis as { __channel?: string[] }).__channel ?? []);
  // The watch really saw the traffic (theme and cart went both ways)…
  expect(seen.some((m) => m.includes('"theme"'))).toBe(true);
  expect(seen.some((m) => m.includes('"cart"'))).toBe(true);
  // …and no message carried the session.
  for (const message of seen) {
    expect(message).not.toContain('session');
    expect(message).not.toContain(token!);
    expect(message).not.toContain('Ada Lovelace');
  }
});
