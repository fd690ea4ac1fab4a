// A hostile tab of the shop's origin forges messages on the shop's BroadcastChannel — a session for another
// user, a theme with a poisoned clock, megabytes of payload, garbage — and the shop keeps working: nothing
// forged is applied, each forgery is reported with its code, the theme still follows between two honest
// tabs both ways afterwards, and the signed-in session never appears on the channel.
import { expect, openShop, test } from '../../fixtures';

// @concord/shared-state/broadcast's channel: `concord:<contract name>@<major>`.
const CHANNEL = 'concord:acme@1';
const EVIL = 'zzzz-hostile-tab';

test('a hostile tab forging messages cannot take the session, poison a clock or stop the theme syncing', async ({
  context,
}) => {
  // Three shop tabs and megabytes of forged messages on a shared 2-core machine: generous, not timed.
  test.setTimeout(180_000);
  const first = await context.newPage();
  const second = await context.newPage();
  const hostile = await context.newPage();
  const reported: string[] = [];
  for (const page of [first, second])
    page.on('console', (message) => {
      const code = /CONCORD-3\d\d/.exec(message.text());
      if (message.type() === 'error' && code) reported.push(code[0]);
    });
  await openShop(first);
  await openShop(second);
  await openShop(hostile);

  // The hostile tab listens to everything on the channel from now on.
  // (Its own forgeries, posted from another channel object of the same page, reach it too: left out.)
  await hostile.evaluate(
    ({ name, evil }) => {
      const seen: string[] = [];
      Object.assign(globalThis, { __channel: seen });
      new BroadcastChannel(name).onmessage = (event) => {
        if ((event.data as { tab?: unknown } | null)?.tab === evil) return;
        // Binary payloads do not stringify: record their size instead.
        seen.push(
          JSON.stringify(event.data, (_, v) => (ArrayBuffer.isView(v) ? `<${v.byteLength} bytes>` : v)),
        );
      };
    },
    { name: CHANNEL, evil: EVIL },
  );

  await first.getByRole('button', { name: 'Sign in' }).click();
  await expect(first.getByTestId('host-user')).toHaveText('Ada Lovelace');

  // The forgeries.
  const forged = await hostile.evaluate(
    ({ name, evil }) => {
      const channel = new BroadcastChannel(name);
      const set = (entries: unknown, type = 'set') => ({ concord: 'shared-state', type, tab: evil, entries });
      const mallory = { user: { id: 'u-mallory', name: 'Mallory' }, token: 'tok_forged' };
      const messages: unknown[] = [
        // A session for another user, as a set and as a late tab's hello.
        set([['session', mallory, 1, evil]]),
        set([['session', mallory, 1, evil]], 'hello'),
        // A theme whose clock would put every later honest write out of reach.
        set([['theme', 'dark', Number.MAX_SAFE_INTEGER, evil]]),
        set([['theme', 'dark', 2 ** 60, evil]]),
        // Megabytes, and work: a 10 MB typed array, a 5 MB string, 100,000 garbage entries, 200 levels deep.
        set([['cart', new Uint8Array(10_000_000), 1, evil]]),
        set([['theme', 'x'.repeat(5_000_000), 1, evil]]),
        set(Array.from({ length: 100_000 }, () => 0)),
        set([['cart', JSON.parse(`${'{"a":'.repeat(200)}1${'}'.repeat(200)}`), 1, evil]]),
        // Garbage and prototype names.
        null,
        'garbage',
        { concord: 'shared-state', type: 'set', tab: evil, entries: 'x' },
        set([['__proto__', { polluted: true }, 1, evil]]),
        set([['constructor', 1, 1, evil]]),
      ];
      for (const message of messages) channel.postMessage(message);
      return messages.length;
    },
    { name: CHANNEL, evil: EVIL },
  );

  // Every forgery is reported in both honest tabs (the console of a production build keeps the code).
  await expect.poll(() => reported.length).toBe(2 * forged);
  expect(new Set(reported)).toEqual(new Set(['CONCORD-311', 'CONCORD-317', 'CONCORD-318']));
  // Nothing forged was applied.
  for (const page of [first, second]) {
    await expect(page.getByTestId('host-root')).toHaveAttribute('data-theme', 'light');
    expect(await page.evaluate(() => (({}) as Record<string, unknown>).polluted)).toBeUndefined();
  }
  await expect(first.getByTestId('host-user')).toHaveText('Ada Lovelace');
  await expect(second.getByRole('button', { name: 'Sign in' })).toBeVisible();
  expect(await second.evaluate(() => globalThis.__ACME__!.host.get('session').token)).toBeNull();

  // The theme still follows between the honest tabs, both ways.
  await first.getByRole('button', { name: 'Switch to dark theme' }).click();
  await expect(second.getByTestId('host-root')).toHaveAttribute('data-theme', 'dark');
  await expect(second.getByTestId('catalog-root')).toHaveAttribute('data-theme', 'dark');
  await second.getByRole('button', { name: 'Switch to light theme' }).click();
  await expect(first.getByTestId('host-root')).toHaveAttribute('data-theme', 'light');
  await expect(first.getByTestId('host-user')).toHaveText('Ada Lovelace');

  // The session never left the first tab: the hostile tab saw the theme traffic, and no session.
  const token = await first.evaluate(() => globalThis.__ACME__!.host.get('session').token);
  expect(token).toMatch(/^tok_/);
  const seen = await hostile.evaluate(() => (globalThis as { __channel?: string[] }).__channel ?? []);
  expect(seen.some((m) => m.includes('"theme","dark"'))).toBe(true);
  expect(seen.some((m) => m.includes('"theme","light"'))).toBe(true);
  for (const message of seen) {
    expect(message).not.toContain('"session"');
    expect(message).not.toContain(token!);
    expect(message).not.toContain('Ada Lovelace');
  }
});
