// Two "tabs" in one process: each has its own page registry (so its own bus), and their bridges talk over
// Node's real BroadcastChannel, exactly as two browser tabs of one origin do.
import { type ConcordError, connect } from '@concord/shared-state';
import { broadcast } from '@concord/shared-state/broadcast';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { errors, makeShop, REGISTRY, resetPage } from './fixtures';

const CHANNEL = 'concord:shop@1';
const scope = globalThis as Record<symbol, unknown>;
const cleanup: (() => void)[] = [];

beforeEach(resetPage);
afterEach(() => {
  for (const stop of cleanup.splice(0)) stop();
});

/** Opens a tab: a fresh page registry, the host and the cart connected, and the host's bridge started. */
const openTab = () => {
  const saved = scope[REGISTRY];
  delete scope[REGISTRY];
  try {
    const shop = makeShop();
    const onError = errors();
    const host = connect(shop, { app: 'host' });
    const cart = connect(shop, { app: 'cart' });
    const stop = broadcast(host, { onError });
    cleanup.push(stop);
    return { host, cart, stop, onError };
  } finally {
    scope[REGISTRY] = saved;
  }
};

/** Everything posted on the channel, as another tab would receive it. */
const observe = () => {
  const channel = new BroadcastChannel(CHANNEL);
  const messages: { type: string; tab: string; entries: [string, unknown, number, string][] }[] = [];
  channel.onmessage = (event) => messages.push(event.data);
  cleanup.push(() => channel.close());
  const post = (data: unknown) => channel.postMessage(data);
  return { messages, post, slices: () => messages.flatMap((m) => m.entries.map((e) => e[0])) };
};

describe('broadcast', () => {
  it('mirrors broadcast slices to other tabs, and never sends sensitive or local slices', async () => {
    const observer = observe();
    const a = openTab();
    const b = openTab();
    a.host.set('theme', 'dark');
    a.host.set('session', { user: 'ada', token: 'secret-token' });
    a.cart.set('counter', 7);
    a.cart.set('cart', { count: 1, skus: ['x'] });
    await expect.poll(() => b.host.get('cart')).toEqual({ count: 1, skus: ['x'] });
    // The observer has seen the last write too, so what it has not seen was never sent.
    await expect.poll(() => observer.slices()).toContain('cart');
    expect(b.host.get('theme')).toBe('dark');
    expect(b.host.get('session')).toEqual({ user: null, token: null });
    expect(b.host.get('counter')).toBe(0);
    expect(observer.slices()).not.toContain('session');
    expect(observer.slices()).not.toContain('counter');
    expect(JSON.stringify(observer.messages)).not.toContain('secret-token');
    expect(a.onError.seen).toEqual([]);
    expect(b.onError.seen).toEqual([]);
  });

  it('sends each local write once and never echoes a received value back', async () => {
    const observer = observe();
    const a = openTab();
    const b = openTab();
    const c = openTab();
    await expect.poll(() => observer.messages.filter((m) => m.type === 'hello').length).toBe(3);
    a.host.set('theme', 'dark');
    await expect.poll(() => [b.host.get('theme'), c.host.get('theme')]).toEqual(['dark', 'dark']);
    b.cart.set('cart', { count: 2, skus: ['b'] });
    await expect.poll(() => [a.host.get('cart').count, c.host.get('cart').count]).toEqual([2, 2]);
    // Let any echo arrive: every tab would re-post on receipt, so the count would keep growing.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const sets = observer.messages.filter((m) => m.type === 'set');
    expect(sets.map((m) => m.entries[0]?.[0])).toEqual(['theme', 'cart']);
    expect(a.host.inspect().versions).toMatchObject({ theme: 1, cart: 1 });
    expect(c.host.inspect().versions).toMatchObject({ theme: 1, cart: 1 });
  });

  it('converges when two tabs write the same slice concurrently', async () => {
    const a = openTab();
    const b = openTab();
    a.cart.set('cart', { count: 1, skus: ['from a'] });
    b.cart.set('cart', { count: 2, skus: ['from b'] });
    await expect.poll(() => a.host.get('cart').skus[0] === b.host.get('cart').skus[0]).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(a.host.get('cart')).toEqual(b.host.get('cart'));
  });

  it('gives a tab that opens late the current values (handshake)', async () => {
    const a = openTab();
    a.host.set('theme', 'dark');
    a.cart.set('cart', { count: 3, skus: ['a', 'b', 'c'] });
    const late = openTab();
    await expect.poll(() => late.host.get('cart').count).toBe(3);
    expect(late.host.get('theme')).toBe('dark');
    expect(late.host.get('counter')).toBe(0);
  });

  it('validates every inbound value like a local write and leaves the state unchanged when rejected', async () => {
    const observer = observe();
    const a = openTab();
    await expect.poll(() => observer.messages.length).toBe(1);
    const hello = observer.messages[0]!;
    const before = a.host.getSnapshot();
    const sender = 'zzzz-attacker';
    const bad: unknown[] = [
      {
        concord: 'shared-state',
        type: 'set',
        tab: sender,
        entries: [['cart', { count: -1, skus: [] }, 9, sender]],
      },
      {
        concord: 'shared-state',
        type: 'set',
        tab: sender,
        entries: [['cart', JSON.parse('{"count":1,"skus":[],"__proto__":{"admin":true}}'), 9, sender]],
      },
      {
        concord: 'shared-state',
        type: 'set',
        tab: sender,
        entries: [['session', { user: 'x', token: 'y' }, 9, sender]],
      },
      { concord: 'shared-state', type: 'set', tab: sender, entries: [['counter', 99, 9, sender]] },
      { concord: 'shared-state', type: 'set', tab: sender, entries: [['theme', 'dark', 'nine', sender]] },
      { concord: 'shared-state', type: 'set', tab: sender, entries: 'nope' },
      'not even an object',
    ];
    for (const message of bad) observer.post(message);
    await expect.poll(() => a.onError.seen.length).toBe(bad.length);
    expect(a.host.getSnapshot()).toBe(before);
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
    // Values that fail a local write's checks: 311 with the cause; slices that may not cross: 317; a
    // malformed clock: 318; no Concord message at all: 311.
    expect(a.onError.seen.map((e) => e.code)).toEqual([
      'CONCORD-311',
      'CONCORD-311',
      'CONCORD-317',
      'CONCORD-317',
      'CONCORD-318',
      'CONCORD-311',
      'CONCORD-311',
    ]);
    expect(a.onError.seen.slice(0, 2).map((e) => (e.details as ConcordError).code)).toEqual([
      'CONCORD-304',
      'CONCORD-307',
    ]);
    // A valid message from the same sender is applied.
    observer.post({
      concord: 'shared-state',
      type: 'set',
      tab: sender,
      entries: [['theme', 'dark', 9, sender]],
    });
    await expect.poll(() => a.host.get('theme')).toBe('dark');
    expect(hello.type).toBe('hello');
  });

  it('runs one bridge per page however many apps start it, until the last one stops', async () => {
    const observer = observe();
    const shop = makeShop();
    const host = connect(shop, { app: 'host' });
    const catalog = connect(shop, { app: 'catalog' });
    const stopHost = broadcast(host);
    const stopCatalog = broadcast(catalog);
    await expect.poll(() => observer.messages.length).toBe(1);
    const listeners = Object.entries(host.inspect().listeners);
    expect(listeners).toEqual([[expect.stringMatching(/^concord:broadcast /), 2]]);
    stopHost();
    stopHost();
    host.set('theme', 'dark');
    await expect.poll(() => observer.messages.length).toBe(2);
    stopCatalog();
    expect(host.inspect().listeners).toEqual({});
    host.set('theme', 'light');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(observer.messages).toHaveLength(2);
  });

  it('reports a value that cannot be cloned (CONCORD-312) and keeps it locally', async () => {
    const onError = errors();
    const shop = makeShop();
    const host = connect(shop, { app: 'host' });
    cleanup.push(broadcast(host, { onError }));
    const unclonable = { format: () => 'dark' };
    host.set('theme', unclonable as never);
    expect(onError.seen.map((e) => e.code)).toEqual(['CONCORD-312']);
    expect(onError.seen[0]?.message).toContain('slice "theme" of contract "shop" 1.0.0');
    expect(host.get('theme')).toBe(unclonable);
  });
});
