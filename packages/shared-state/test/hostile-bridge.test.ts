// Table-driven hostile tabs against the bridge, over Node's real BroadcastChannel: each forged message is
// reported once with its code, the state, versions and listeners of the page are exactly as before, and an
// honest tab still syncs afterwards. Plus the flags of a slice across contract versions (issue #10 point 1).
import { type ConcordError, connect, defineContract } from '@concord/shared-state';
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

/** A tab: its own page registry, host and cart connected, the host's bridge started with `options`. */
const openTab = (options: Parameters<typeof broadcast>[1] = {}, shop = makeShop()) => {
  const saved = scope[REGISTRY];
  delete scope[REGISTRY];
  try {
    const onError = errors();
    const host = connect(shop, { app: 'host' });
    const cart = connect(shop, { app: 'cart' });
    cleanup.push(broadcast(host, { onError, ...options }));
    return { host, cart, onError };
  } finally {
    scope[REGISTRY] = saved;
  }
};

/** A raw channel: what another tab (or an attacker on the origin) posts and receives. */
const raw = () => {
  const channel = new BroadcastChannel(CHANNEL);
  const messages: unknown[] = [];
  channel.onmessage = (event) => messages.push(event.data);
  cleanup.push(() => channel.close());
  return { messages, post: (data: unknown) => channel.postMessage(data) };
};

const EVIL = 'zzzz-evil';
const set = (entries: unknown, extra: Record<string, unknown> = {}) => ({
  concord: 'shared-state',
  type: 'set',
  tab: EVIL,
  entries,
  ...extra,
});
const deep = (depth: number) => {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = { v: value };
  return value;
};
const wide = (count: number) => Object.fromEntries(Array.from({ length: count }, (_, i) => [`k${i}`, i]));

// [label, message, code of the single report, code of its cause (311 only)]
const CASES: [string, unknown, string, string?][] = [
  // Not a Concord message at all.
  ['null', null, 'CONCORD-311'],
  ['a number', 42, 'CONCORD-311'],
  ['a string', 'hello', 'CONCORD-311'],
  ['an array', [1, 2, 3], 'CONCORD-311'],
  ['a boolean', true, 'CONCORD-311'],
  ['another tag', { ...set([]), concord: 'other' }, 'CONCORD-311'],
  ['no tag', { type: 'set', tab: EVIL, entries: [] }, 'CONCORD-311'],
  ['an unknown type', set([], { type: 'evil' }), 'CONCORD-311'],
  ['a numeric tab', set([], { tab: 7 }), 'CONCORD-311'],
  ['a 1 kB tab id', set([], { tab: 'x'.repeat(1000) }), 'CONCORD-311'],
  ['entries that are a string', set('entries'), 'CONCORD-311'],
  ['entries that are an object', set({ 0: ['theme', 'dark', 9, EVIL] }), 'CONCORD-311'],
  ['a Map for a message', new Map([['concord', 'shared-state']]), 'CONCORD-311'],
  // Slices that may not cross tabs.
  ['the sensitive session', set([['session', { user: 'mallory', token: 'forged' }, 9, EVIL]]), 'CONCORD-317'],
  [
    'a session hello',
    set([['session', { user: 'm', token: 't' }, 1, EVIL]], { type: 'hello' }),
    'CONCORD-317',
  ],
  [
    'a session state',
    set([['session', { user: 'm', token: 't' }, 1, EVIL]], { type: 'state' }),
    'CONCORD-317',
  ],
  ['a local slice', set([['counter', 99, 9, EVIL]]), 'CONCORD-317'],
  ['an unknown slice', set([['nope', 1, 9, EVIL]]), 'CONCORD-317'],
  ['slice "__proto__"', set([['__proto__', { polluted: true }, 9, EVIL]]), 'CONCORD-317'],
  ['slice "constructor"', set([['constructor', 1, 9, EVIL]]), 'CONCORD-317'],
  ['slice "toString"', set([['toString', 1, 9, EVIL]]), 'CONCORD-317'],
  ['slice "hasOwnProperty"', set([['hasOwnProperty', 1, 9, EVIL]]), 'CONCORD-317'],
  ['an empty slice name', set([['', 1, 9, EVIL]]), 'CONCORD-317'],
  ['a numeric slice name', set([[1, 1, 9, EVIL]]), 'CONCORD-317'],
  ['an entry that is not an array', set(['theme']), 'CONCORD-317'],
  ['an entry of 3 items', set([['theme', 'dark', 9]]), 'CONCORD-317'],
  ['an entry of 5 items', set([['theme', 'dark', 9, EVIL, 'more']]), 'CONCORD-317'],
  ['an empty entry', set([[]]), 'CONCORD-317'],
  // Clocks.
  ['clock 2^53 - 1', set([['theme', 'dark', Number.MAX_SAFE_INTEGER, EVIL]]), 'CONCORD-318'],
  ['clock 2^53', set([['theme', 'dark', 2 ** 53, EVIL]]), 'CONCORD-318'],
  ['clock just past maxClockLead', set([['theme', 'dark', 1_000_001, EVIL]]), 'CONCORD-318'],
  ['a negative clock', set([['theme', 'dark', -1, EVIL]]), 'CONCORD-318'],
  ['a fractional clock', set([['theme', 'dark', 1.5, EVIL]]), 'CONCORD-318'],
  ['clock NaN', set([['theme', 'dark', Number.NaN, EVIL]]), 'CONCORD-318'],
  ['clock Infinity', set([['theme', 'dark', Number.POSITIVE_INFINITY, EVIL]]), 'CONCORD-318'],
  ['a string clock', set([['theme', 'dark', '9', EVIL]]), 'CONCORD-318'],
  ['a bigint clock', set([['theme', 'dark', 9n, EVIL]]), 'CONCORD-318'],
  ['a numeric sender', set([['theme', 'dark', 9, 7]]), 'CONCORD-318'],
  ['a 1 kB sender', set([['theme', 'dark', 9, 'x'.repeat(1000)]]), 'CONCORD-318'],
  // Bounded work.
  ['65 entries', set(Array.from({ length: 65 }, () => ['theme', 'dark', 9, EVIL])), 'CONCORD-318'],
  ['100,000 garbage entries', set(Array.from({ length: 100_000 }, () => 0)), 'CONCORD-318'],
  ['a 2 MB string', set([['theme', 'x'.repeat(2_000_000), 9, EVIL]]), 'CONCORD-318'],
  ['a 10 MB Uint8Array', set([['cart', new Uint8Array(10_000_000), 9, EVIL]]), 'CONCORD-318'],
  ['a 2 MB ArrayBuffer', set([['cart', new ArrayBuffer(2_000_000), 9, EVIL]]), 'CONCORD-318'],
  ['values nested 40 deep', set([['cart', deep(40), 9, EVIL]]), 'CONCORD-318'],
  ['an object of 200,000 keys', set([['cart', wide(200_000), 9, EVIL]]), 'CONCORD-318'],
  [
    'a Set of 200,000 items',
    set([['cart', new Set(Array.from({ length: 200_000 }, (_, i) => i)), 9, EVIL]]),
    'CONCORD-318',
  ],
  [
    'a Map of 200,000 entries',
    set([['cart', new Map(Array.from({ length: 200_000 }, (_, i) => [i, i])), 9, EVIL]]),
    'CONCORD-318',
  ],
  // Values that fail a local write's checks.
  [
    'a cart that fails its schema',
    set([['cart', { count: -1, skus: [] }, 9, EVIL]]),
    'CONCORD-311',
    'CONCORD-304',
  ],
  ['a cart of the wrong type', set([['cart', 'many', 9, EVIL]]), 'CONCORD-311', 'CONCORD-304'],
  [
    'a 10 MB Uint8Array within raised bounds',
    set([['cart', new Uint8Array(10), 9, EVIL]]),
    'CONCORD-311',
    'CONCORD-304',
  ],
  [
    'a cart with __proto__',
    set([['cart', JSON.parse('{"count":1,"skus":[],"__proto__":{"polluted":true}}'), 9, EVIL]]),
    'CONCORD-311',
    'CONCORD-307',
  ],
  [
    'a theme with constructor deep',
    set([['theme', JSON.parse('{"a":{"b":{"constructor":{"polluted":true}}}}'), 9, EVIL]]),
    'CONCORD-311',
    'CONCORD-307',
  ],
  [
    'a theme with prototype in an array',
    set([['theme', JSON.parse('[{"prototype":{"polluted":true}}]'), 9, EVIL]]),
    'CONCORD-311',
    'CONCORD-307',
  ],
];

describe('a hostile tab', () => {
  it.each(CASES)(
    'forging %s: reported once, nothing changes, honest tabs still sync',
    async (_, message, code, cause) => {
      const attacker = raw();
      const a = openTab();
      const b = openTab();
      // Both tabs said hello; let their answers settle before taking the "before" picture.
      await expect.poll(() => attacker.messages.length).toBeGreaterThanOrEqual(2);
      const before = { snapshot: a.host.getSnapshot(), inspection: a.host.inspect() };
      attacker.post(message);
      await expect.poll(() => a.onError.seen.length).toBe(1);
      expect(a.onError.seen[0]!.code).toBe(code);
      if (cause) expect((a.onError.seen[0]!.details as ConcordError).code).toBe(cause);
      expect(a.host.getSnapshot()).toBe(before.snapshot);
      expect(a.host.inspect()).toEqual(before.inspection);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      // The attack does not stop a slice syncing, in either direction.
      a.host.set('theme', 'dark');
      await expect.poll(() => b.host.get('theme')).toBe('dark');
      b.cart.set('cart', { count: 2, skus: ['b'] });
      await expect.poll(() => a.host.get('cart').count).toBe(2);
      // And the session never left a tab.
      a.host.set('session', { user: 'ada', token: 'secret-token' });
      b.host.set('theme', 'light');
      await expect.poll(() => a.host.get('theme')).toBe('light');
      expect(JSON.stringify(attacker.messages.filter((m) => !(m instanceof Map)))).not.toContain(
        'secret-token',
      );
      expect(b.host.get('session').token).toBeNull();
    },
    // Generous: cloning megabytes between threads is slow on a loaded machine; no speed is asserted.
    60_000,
  );
});

describe('clocks', () => {
  it('accepts a clock within maxClockLead and keeps syncing after it', async () => {
    const attacker = raw();
    const a = openTab();
    const b = openTab();
    await expect.poll(() => attacker.messages.length).toBeGreaterThanOrEqual(2);
    attacker.post(set([['theme', 'dark', 999_999, EVIL]]));
    await expect.poll(() => [a.host.get('theme'), b.host.get('theme')]).toEqual(['dark', 'dark']);
    // Every honest tab adopted the clock, so their next writes win everywhere.
    a.host.set('theme', 'light');
    await expect.poll(() => b.host.get('theme')).toBe('light');
    b.host.set('theme', 'dark');
    await expect.poll(() => a.host.get('theme')).toBe('dark');
    expect(a.onError.seen).toEqual([]);
  });

  it('honours a configured maxClockLead, maxEntries, maxBytes and maxDepth', async () => {
    const attacker = raw();
    const a = openTab({ maxClockLead: 10, maxEntries: 2, maxBytes: 100, maxDepth: 2 });
    await expect.poll(() => attacker.messages.length).toBe(1);
    const forged = [
      set([['theme', 'dark', 11, EVIL]]),
      set([0, 0, 0]),
      set([['theme', 'x'.repeat(200), 1, EVIL]]),
      set([['theme', deep(3), 1, EVIL]]),
    ];
    for (const message of forged) attacker.post(message);
    await expect.poll(() => a.onError.seen.length).toBe(forged.length);
    expect(a.onError.seen.map((e) => e.code)).toEqual(Array(forged.length).fill('CONCORD-318'));
    expect(a.onError.seen.slice(1).map((e) => e.details)).toEqual([
      'maxEntries (2)',
      'maxBytes (100)',
      'maxDepth (2)',
    ]);
    attacker.post(set([['theme', 'dark', 10, EVIL]]));
    await expect.poll(() => a.host.get('theme')).toBe('dark');
  });

  it.each([
    ['maxBytes', 0],
    ['maxEntries', -1],
    ['maxDepth', 1.5],
    ['maxClockLead', Number.NaN],
    ['maxBytes', '1'],
  ])('refuses %s: %j with CONCORD-310', (option, value) => {
    const host = connect(makeShop(), { app: 'host' });
    expect(() => broadcast(host, { [option]: value })).toThrow(
      expect.objectContaining({ code: 'CONCORD-310' }),
    );
    expect(host.inspect().listeners).toEqual({});
  });
});

describe('flags across contract versions (the strictest definition wins)', () => {
  // acme@1.1.0 relaxes `session` (sensitive in 1.0.0) to broadcast, and `counter` (local) to broadcast.
  const relaxed = (version = '1.1.0') =>
    defineContract({
      name: 'shop',
      version,
      slices: {
        session: {
          owner: 'host',
          initial: { user: null as string | null, token: null as string | null },
          broadcast: true,
        },
        theme: { owner: 'host', initial: 'light' as 'light' | 'dark', broadcast: true },
        counter: { owner: 'cart', initial: 0, broadcast: true },
      },
    });

  /** A tab whose bus was created by 1.0.0 and joined by a remote on 1.1.0 that starts the bridge. */
  const mixedTab = () => {
    const saved = scope[REGISTRY];
    delete scope[REGISTRY];
    try {
      const onError = errors();
      const host = connect(makeShop(), { app: 'host' });
      const remote = connect(relaxed(), { app: 'remote' });
      cleanup.push(broadcast(remote, { onError }));
      return { host, remote, onError };
    } finally {
      scope[REGISTRY] = saved;
    }
  };

  it('never posts the session a later contract marks broadcast, nor accepts one, and reports CONCORD-314', async () => {
    const attacker = raw();
    const a = mixedTab();
    const b = openTab();
    await expect.poll(() => attacker.messages.length).toBeGreaterThanOrEqual(2);
    expect(a.onError.seen.map((e) => [e.code, e.details])).toEqual([
      ['CONCORD-314', 'session'],
      ['CONCORD-314', 'counter'],
    ]);
    a.host.set('session', { user: 'ada', token: 'secret-token' });
    a.host.set('theme', 'dark');
    await expect.poll(() => b.host.get('theme')).toBe('dark');
    expect(JSON.stringify(attacker.messages)).not.toContain('secret-token');
    expect(b.host.get('session').token).toBeNull();
    attacker.post(set([['session', { user: 'mallory', token: 'forged' }, 9, EVIL]]));
    attacker.post(set([['counter', 5, 9, EVIL]]));
    await expect.poll(() => a.onError.seen.length).toBe(4);
    expect(a.onError.seen.slice(2).map((e) => e.code)).toEqual(['CONCORD-317', 'CONCORD-317']);
    expect(a.host.get('session').token).toBe('secret-token');
    expect(a.host.get('counter')).toBe(0);
  });

  it('keeps a slice in when a stricter contract connects after the bridge started', async () => {
    const attacker = raw();
    const saved = scope[REGISTRY];
    delete scope[REGISTRY];
    const onError = errors();
    const remote = connect(relaxed(), { app: 'remote' });
    cleanup.push(broadcast(remote, { onError }));
    // The 1.0.0 host joins later: session is sensitive there, counter local.
    const host = connect(makeShop(), { app: 'host' });
    scope[REGISTRY] = saved;
    await expect.poll(() => attacker.messages.length).toBe(1);
    host.set('session', { user: 'ada', token: 'secret-token' });
    host.set('theme', 'dark');
    await expect.poll(() => attacker.messages.length).toBe(2);
    expect(JSON.stringify(attacker.messages)).not.toContain('secret-token');
    expect(attacker.messages.at(-1)).toMatchObject({ entries: [['theme', 'dark', 1, expect.any(String)]] });
    attacker.post(set([['session', { user: 'mallory', token: 'forged' }, 9, EVIL]]));
    await expect.poll(() => onError.seen.some((e) => e.code === 'CONCORD-317')).toBe(true);
    expect(host.get('session').token).toBe('secret-token');
  });
});

describe('names are data in the bridge', () => {
  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty'])(
    'a channel named %j works and pollutes nothing',
    async (channel) => {
      const host = connect(makeShop(), { app: 'host' });
      const stop = broadcast(host, { channel });
      cleanup.push(stop);
      expect(({} as Record<string, unknown>).refs).toBeUndefined();
      const other = new BroadcastChannel(channel);
      const seen: unknown[] = [];
      other.onmessage = (event) => seen.push(event.data);
      cleanup.push(() => other.close());
      host.set('theme', 'dark');
      await expect.poll(() => seen.length).toBe(1);
    },
  );

  it.each(['constructor', 'toString', 'valueOf'])(
    'an owner named %j receives values from other tabs',
    async (owner) => {
      const contract = defineContract({
        name: 'owners',
        version: '1.0.0',
        slices: { value: { owner, initial: 0, broadcast: true } },
      });
      const tab = () => {
        const saved = scope[REGISTRY];
        delete scope[REGISTRY];
        try {
          const handle = connect(contract, { app: owner });
          cleanup.push(broadcast(handle));
          return handle;
        } finally {
          scope[REGISTRY] = saved;
        }
      };
      const a = tab();
      const b = tab();
      a.set('value', 7);
      await expect.poll(() => b.get('value')).toBe(7);
    },
  );

  it('an app named "concord:broadcast" that disposes does not stop the bridge', async () => {
    const attacker = raw();
    const shop = makeShop();
    const host = connect(shop, { app: 'host' });
    cleanup.push(broadcast(host));
    connect(shop, { app: 'concord:broadcast' }).dispose();
    host.set('theme', 'dark');
    await expect.poll(() => attacker.messages.length).toBe(2);
  });
});
