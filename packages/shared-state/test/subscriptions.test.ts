import { type ConcordError, connect } from '@concord/shared-state';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { errors, makeShop, resetPage } from './fixtures';

beforeEach(resetPage);

const setup = () => {
  const shop = makeShop();
  const onError = errors();
  const host = connect(shop, { app: 'host', onError });
  const cart = connect(shop, { app: 'cart', onError });
  const catalog = connect(shop, { app: 'catalog', onError });
  return { shop, host, cart, catalog, onError };
};

describe('subscriptions', () => {
  it('runs a slice listener only when that slice changes, with (value, prev)', () => {
    const { host, cart, catalog } = setup();
    const theme = vi.fn();
    const counter = vi.fn();
    catalog.subscribe('theme', theme);
    catalog.subscribe('counter', counter);
    host.set('theme', 'dark');
    host.set('theme', 'dark');
    expect(theme).toHaveBeenCalledExactlyOnceWith('dark', 'light');
    expect(counter).not.toHaveBeenCalled();
    cart.set('counter', 1);
    expect(counter).toHaveBeenCalledExactlyOnceWith(1, 0);
    expect(theme).toHaveBeenCalledTimes(1);
  });

  it('runs a snapshot listener after every change, with the new snapshot', () => {
    const { host, cart, catalog } = setup();
    const seen: unknown[] = [];
    catalog.subscribe((snapshot) => seen.push(snapshot));
    host.set('theme', 'dark');
    cart.set('counter', 2);
    cart.set('counter', 2);
    expect(seen).toHaveLength(2);
    expect(seen[1]).toBe(catalog.getSnapshot());
    expect(seen[1]).toMatchObject({ theme: 'dark', counter: 2 });
  });

  it('runs a selector listener only when the selection changes by isEqual', () => {
    const { host, cart, catalog } = setup();
    const bySnapshot = vi.fn();
    const bySlice = vi.fn();
    const shallow = vi.fn();
    catalog.select((s) => s.cart.count > 0, bySnapshot);
    catalog.select('cart', (c) => c.count, bySlice);
    catalog.select(
      'cart',
      (c) => [...c.skus],
      shallow,
      (a, b) => a.join() === b.join(),
    );
    host.set('theme', 'dark');
    cart.set('cart', { count: 1, skus: ['a'] });
    cart.set('cart', { count: 1, skus: ['a'] });
    cart.set('cart', { count: 2, skus: ['a'] });
    expect(bySnapshot.mock.calls).toEqual([[true, false]]);
    expect(bySlice.mock.calls).toEqual([
      [1, 0],
      [2, 1],
    ]);
    expect(shallow.mock.calls).toEqual([[['a'], []]]);
  });

  it('stops calling a listener once unsubscribed (idempotent)', () => {
    const { host, catalog } = setup();
    const listener = vi.fn();
    const off = catalog.subscribe('theme', listener);
    const again = catalog.subscribe('theme', listener);
    off();
    off();
    host.set('theme', 'dark');
    expect(listener).toHaveBeenCalledTimes(1);
    again();
    host.set('theme', 'light');
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('keeps listener errors from the others and from the writer, and reports them (CONCORD-309)', () => {
    const { host, catalog, onError } = setup();
    const seen: string[] = [];
    catalog.subscribe('theme', () => seen.push('first'));
    catalog.subscribe('theme', () => {
      throw new Error('listener bug');
    });
    catalog.subscribe('theme', () => seen.push('third'));
    catalog.subscribe(() => {
      throw new Error('snapshot bug');
    });
    catalog.subscribe(() => seen.push('snapshot'));
    expect(() => host.set('theme', 'dark')).not.toThrow();
    expect(seen).toEqual(['first', 'third', 'snapshot']);
    expect(host.get('theme')).toBe('dark');
    expect(onError.seen.map((e) => [e.code, (e.details as Error).message])).toEqual([
      ['CONCORD-309', 'listener bug'],
      ['CONCORD-309', 'snapshot bug'],
    ]);
    expect(onError.seen[0]?.message).toContain('"catalog"');
    host.set('theme', 'light');
    expect(seen).toEqual(['first', 'third', 'snapshot', 'first', 'third', 'snapshot']);
  });

  it('reports to console.error without onError, and survives an onError that throws', () => {
    resetPage();
    const shop = makeShop();
    const host = connect(shop, { app: 'host' });
    const loud = connect(shop, {
      app: 'loud',
      onError: () => {
        throw new Error('onError bug');
      },
    });
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    host.subscribe('theme', () => {
      throw new Error('a');
    });
    loud.subscribe('theme', () => {
      throw new Error('b');
    });
    const after = vi.fn();
    host.subscribe('theme', after);
    host.set('theme', 'dark');
    expect(after).toHaveBeenCalledOnce();
    expect(spy.mock.calls.map(([e]) => (e as ConcordError).code)).toEqual(['CONCORD-309', 'CONCORD-309']);
    spy.mockRestore();
  });
});

describe('writes from inside listeners', () => {
  it('queues them: no update is lost and every listener ends on the final state', () => {
    const { cart, catalog } = setup();
    const seenByA: number[] = [];
    const seenByB: number[] = [];
    // A increments until 3, from inside the notification.
    cart.subscribe('counter', (v) => {
      seenByA.push(v);
      if (v < 3) cart.set('counter', (c) => c + 1);
    });
    catalog.subscribe('counter', (v) => seenByB.push(v));
    cart.set('counter', 1);
    expect(cart.get('counter')).toBe(3);
    expect(seenByA).toEqual([1, 2, 3]);
    // B ran after A in each round, in order: never an older value after a newer one.
    expect(seenByB).toEqual([1, 2, 3]);
  });

  it('delivers a write to another slice after the current listeners, and snapshot listeners once per batch', () => {
    const { host, cart, catalog } = setup();
    const order: string[] = [];
    catalog.subscribe('theme', (t) => {
      order.push(`theme:${t}`);
      if (t === 'dark') cart.set('counter', 10);
    });
    // cart listens to theme as well (it owns counter).
    catalog.subscribe('theme', (t) => order.push(`theme2:${t}`));
    catalog.subscribe('counter', (c) => order.push(`counter:${c}`));
    catalog.subscribe((s) => order.push(`snapshot:${s.theme}/${s.counter}`));
    host.set('theme', 'dark');
    expect(order).toEqual(['theme:dark', 'theme2:dark', 'counter:10', 'snapshot:dark/10']);
  });

  it('lets the owner read its latest value from inside a listener', () => {
    const { cart } = setup();
    const reads: number[] = [];
    cart.subscribe('counter', (v) => {
      if (v === 1) cart.set('counter', 2);
      reads.push(cart.get('counter'));
    });
    cart.set('counter', 1);
    expect(reads).toEqual([2, 2]);
  });
});

describe('adding and removing listeners during a notification', () => {
  it('does not call a listener added during a notification for that write, but for the next ones', () => {
    const { host, catalog } = setup();
    const late = vi.fn();
    const off = catalog.subscribe('theme', () => {
      catalog.subscribe('theme', late);
      off();
    });
    host.set('theme', 'dark');
    expect(late).not.toHaveBeenCalled();
    host.set('theme', 'light');
    expect(late).toHaveBeenCalledExactlyOnceWith('light', 'dark');
  });

  it('does not call a listener removed during a notification, even later in the same round', () => {
    const { host, catalog } = setup();
    const second = vi.fn();
    let offSecond = () => {};
    catalog.subscribe('theme', () => offSecond());
    offSecond = catalog.subscribe('theme', second);
    const third = vi.fn();
    catalog.subscribe('theme', third);
    host.set('theme', 'dark');
    expect(second).not.toHaveBeenCalled();
    expect(third).toHaveBeenCalledOnce();
    expect(catalog.inspect().listeners.catalog).toBe(2);
  });

  it('lets a listener unsubscribe itself', () => {
    const { host, catalog } = setup();
    const calls: string[] = [];
    const off = catalog.subscribe('theme', (t) => {
      calls.push(t);
      off();
    });
    catalog.subscribe('theme', (t) => calls.push(`other:${t}`));
    host.set('theme', 'dark');
    host.set('theme', 'light');
    expect(calls).toEqual(['dark', 'other:dark', 'other:light']);
  });
});

describe('events', () => {
  it('delivers typed payloads to every handler with the emitting app, memoryless', () => {
    const { catalog, cart } = setup();
    const before = vi.fn();
    cart.on('cart/add', before);
    catalog.emit('cart/add', { sku: 'a' });
    const after = vi.fn();
    cart.on('cart/add', after);
    expect(before).toHaveBeenCalledExactlyOnceWith({ sku: 'a' }, 'catalog');
    expect(after).not.toHaveBeenCalled();
    catalog.emit('checkout/started');
    // @ts-expect-error the payload of cart/add is { sku: string }
    catalog.emit('cart/add', { sku: 1 });
    // @ts-expect-error not an event of the contract
    expect(() => catalog.emit('nope')).toThrow(expect.objectContaining({ code: 'CONCORD-308' }));
  });

  it('lets the owner apply intents sent by other apps', () => {
    const { catalog, cart, host } = setup();
    cart.on('cart/add', ({ sku }) =>
      cart.set('cart', (c) => ({ count: c.count + 1, skus: [...c.skus, sku] })),
    );
    catalog.emit('cart/add', { sku: 'a' });
    host.emit('cart/add', { sku: 'b' });
    expect(host.get('cart')).toEqual({ count: 2, skus: ['a', 'b'] });
  });

  it('isolates handler errors and validates payloads with the event schema', () => {
    const { catalog, cart, onError } = setup();
    const ok = vi.fn();
    cart.on('user/signed-in', () => {
      throw new Error('handler bug');
    });
    cart.on('user/signed-in', ok);
    catalog.emit('user/signed-in', { id: 'u1' });
    expect(ok).toHaveBeenCalledOnce();
    expect(onError.seen.map((e) => e.code)).toEqual(['CONCORD-309']);
    // @ts-expect-error id must be a string
    expect(() => catalog.emit('user/signed-in', { id: 1 })).toThrow(
      expect.objectContaining({ code: 'CONCORD-304' }),
    );
    expect(() => catalog.emit('cart/add', JSON.parse('{"sku":"a","__proto__":{"x":1}}'))).toThrow(
      expect.objectContaining({ code: 'CONCORD-307' }),
    );
    expect(ok).toHaveBeenCalledOnce();
  });
});

describe('dispose and inspect', () => {
  it('removes every listener and handler of the app, through all its handles, and keeps the handle usable', () => {
    const { shop, host, catalog } = setup();
    const second = connect(shop, { app: 'catalog' });
    const seen = vi.fn();
    catalog.subscribe('theme', seen);
    catalog.subscribe(seen);
    catalog.select((s) => s.theme, seen);
    second.on('cart/add', seen);
    host.subscribe('theme', () => {});
    expect(host.inspect().listeners).toEqual({ catalog: 4, host: 1 });
    catalog.dispose();
    expect(host.inspect().listeners).toEqual({ host: 1 });
    host.set('theme', 'dark');
    host.emit('cart/add', { sku: 'a' });
    expect(seen).not.toHaveBeenCalled();
    catalog.subscribe('theme', seen);
    host.set('theme', 'light');
    expect(seen).toHaveBeenCalledOnce();
  });

  it('keeps an unsubscribe made stale by dispose() from removing a later identical subscription', () => {
    const { host, catalog } = setup();
    const seen = vi.fn();
    const stale = catalog.subscribe('theme', seen);
    catalog.dispose();
    catalog.subscribe('theme', seen); // the same function, by the same handle, after a remount
    stale();
    host.set('theme', 'dark');
    expect(seen).toHaveBeenCalledExactlyOnceWith('dark', 'light');
  });

  it('can dispose from inside a listener without skipping the others', () => {
    const { host, catalog } = setup();
    const after = vi.fn();
    catalog.subscribe('theme', () => catalog.dispose());
    catalog.subscribe('theme', vi.fn());
    host.subscribe('theme', after);
    host.set('theme', 'dark');
    expect(after).toHaveBeenCalledOnce();
    expect(host.inspect().listeners).toEqual({ host: 1 });
  });

  it('reports writes and versions per slice, the contract and the copies on the page', () => {
    const { host, cart } = setup();
    host.set('theme', 'dark');
    host.set('theme', 'dark');
    cart.set('counter', 1);
    expect(cart.inspect()).toEqual({
      contract: { name: 'shop', version: '1.0.0' },
      contracts: ['1.0.0'],
      listeners: {},
      writes: { session: 0, theme: 2, cart: 0, counter: 1 },
      versions: { session: 0, theme: 1, cart: 0, counter: 1 },
      copies: [{ version: '0.1.0', protocol: 1 }],
    });
  });
});

describe('onTrace', () => {
  it('sees every accepted write on the bus, from every app, changed or not', () => {
    const shop = makeShop();
    const traces: unknown[] = [];
    // What the bus holds while a tracer runs: the write is traced before it is applied.
    const held: unknown[] = [];
    const devtools = connect(shop, {
      app: 'devtools',
      onTrace: (t) => {
        traces.push(t);
        held.push(devtools.get(t.slice as 'theme'));
      },
    });
    const host = connect(shop, { app: 'host' });
    host.set('theme', 'dark');
    host.set('theme', 'dark');
    expect(() => host.set('counter', 1)).toThrow();
    expect(held).toEqual(['light', 'dark']);
    expect(traces).toEqual([
      { app: 'host', slice: 'theme', prev: 'light', next: 'dark', version: 1, changed: true },
      { app: 'host', slice: 'theme', prev: 'dark', next: 'dark', version: 1, changed: false },
    ]);
    devtools.dispose();
    host.set('theme', 'light');
    expect(traces).toHaveLength(2);
  });
});
