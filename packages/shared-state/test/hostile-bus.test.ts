// Table-driven hostile input against the bus: every case asserts the code, that the state, the listeners,
// the write counts and every other app are exactly as before, and that the bus still notifies afterwards.
import { connect, defineContract, event, type StandardSchemaV1 } from '@concord/shared-state';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { REGISTRY, resetPage } from './fixtures';
import { APPS, observe, page, stillWorks, thrown } from './hostile';

afterEach(() => {
  vi.restoreAllMocks();
  resetPage();
});

const own = (json: string) => JSON.parse(json);
// Values that must be refused wherever they are written: a forbidden key at any depth (307), or a value that
// throws when read (316).
const nest = (inner: string, depth: number, array: boolean) => {
  let json = inner;
  for (let i = 0; i < depth; i++) json = array ? `[1, ${json}]` : `{"a${i}": ${json}}`;
  return json;
};
const forbidden: [string, () => unknown][] = [];
for (const key of ['__proto__', 'constructor', 'prototype'])
  for (const depth of [0, 1, 3])
    for (const array of [false, true])
      forbidden.push([
        `"${key}" at depth ${depth}${array ? ' in arrays' : ''}`,
        () => own(nest(`{"count": 1, "skus": [], "${key}": {"polluted": true}}`, depth, array)),
      ]);
const throwing = () =>
  Object.defineProperty({ count: 1 }, 'skus', {
    enumerable: true,
    get() {
      throw new Error('getter');
    },
  });
const revoked = () => {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
};
const unreadable: [string, () => unknown][] = [
  ['a throwing getter', throwing],
  ['a throwing getter one level down', () => ({ inner: throwing() })],
  ['a throwing getter inside an array', () => [throwing()]],
  ['a revoked proxy', revoked],
  [
    'a proxy whose ownKeys trap throws',
    () =>
      new Proxy(
        {},
        {
          ownKeys() {
            throw new Error('trap');
          },
        },
      ),
  ],
  [
    'a proxy whose get trap throws',
    () =>
      new Proxy(
        { count: 1 },
        {
          get() {
            throw new Error('trap');
          },
        },
      ),
  ],
];
const WRITES = [
  ['host', 'theme'],
  ['cart', 'cart'],
  ['cart', 'counter'],
] as const;

describe('values that must never be stored', () => {
  const cases = [
    ...forbidden.map(([label, make]) => [label, make, 'CONCORD-307'] as const),
    ...unreadable.map(([label, make]) => [label, make, 'CONCORD-316'] as const),
  ].flatMap(([label, make, code]) =>
    WRITES.flatMap(([app, slice]) =>
      [false, true].map(
        (updater) =>
          [`${label} → ${slice}${updater ? ' (updater)' : ''}`, app, slice, make, updater, code] as const,
      ),
    ),
  );
  it.each(cases)('%s is refused', (_, app, slice, make, updater, code) => {
    const p = page();
    const before = observe(p);
    const value = make();
    expect(thrown(() => p.handles[app].set(slice, (updater ? () => value : value) as never))).toBe(code);
    expect(observe(p)).toEqual(before);
    expect(p.host.getSnapshot()).toBe(before.snapshot);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    stillWorks(p);
  });

  it.each([...forbidden, ...unreadable])('%s is refused as an event payload', (label, make) => {
    const p = page();
    const before = observe(p);
    const code = thrown(() => p.catalog.emit('cart/add', make() as never));
    expect(code).toBe(forbidden.some(([l]) => l === label) ? 'CONCORD-307' : 'CONCORD-316');
    expect(observe(p)).toEqual(before);
    stillWorks(p);
  });
});

describe('schemas that misbehave', () => {
  const schema = (validate: (value: unknown) => unknown) =>
    ({ '~standard': { version: 1, vendor: 'hostile', validate } }) as StandardSchemaV1<unknown, never>;
  const cases: [string, (value: unknown) => unknown, string][] = [
    [
      'throws an Error',
      () => {
        throw new Error('schema');
      },
      'CONCORD-315',
    ],
    [
      'throws a string',
      () => {
        throw 'schema';
      },
      'CONCORD-315',
    ],
    [
      'throws undefined',
      () => {
        throw undefined;
      },
      'CONCORD-315',
    ],
    ['returns undefined', () => undefined, 'CONCORD-315'],
    ['returns null', () => null, 'CONCORD-315'],
    ['returns a number', () => 42, 'CONCORD-315'],
    ['returns issues that are a string', () => ({ issues: 'bad' }), 'CONCORD-315'],
    ['returns issues that are an object', () => ({ issues: { message: 'bad' } }), 'CONCORD-315'],
    ['returns issues that are null', () => ({ issues: null }), 'CONCORD-315'],
    ['returns issues without messages', () => ({ issues: [null, 1, {}] }), 'CONCORD-304'],
    [
      'returns a result whose getter throws',
      () =>
        Object.defineProperty({}, 'issues', {
          get() {
            throw new Error('x');
          },
        }),
      'CONCORD-315',
    ],
    ['returns a Promise', async (value) => ({ value }), 'CONCORD-305'],
    // biome-ignore lint/suspicious/noThenProperty: a thenable result is the case under test.
    ['returns a thenable', () => ({ then() {} }), 'CONCORD-305'],
    [
      'outputs an own __proto__ key',
      () => ({ value: own('{"__proto__": {"polluted": true}}') }),
      'CONCORD-307',
    ],
    [
      'outputs a nested constructor key',
      () => ({ value: own('{"a": {"constructor": {"polluted": true}}}') }),
      'CONCORD-307',
    ],
    ['outputs a value with a throwing getter', () => ({ value: throwing() }), 'CONCORD-316'],
  ];
  const contract = (validate: (value: unknown) => unknown) =>
    defineContract({
      name: 'hostile-schema',
      version: '1.0.0',
      slices: {
        // The initial value is checked in development: a schema that accepts it until armed.
        guarded: {
          owner: 'app',
          initial: 0,
          schema: schema((value) => (value === 0 ? { value } : validate(value))),
        },
        other: { owner: 'app', initial: 0 },
      },
      events: { guarded: event(schema((value) => (value === 0 ? { value } : validate(value)))) },
    });
  it.each(cases)('a schema that %s: the write is refused with a code', (_, validate, code) => {
    resetPage();
    const onError = vi.fn();
    const app = connect(contract(validate), { app: 'app', onError });
    const seen = vi.fn();
    app.subscribe(seen);
    const before = app.inspect();
    const snapshot = app.getSnapshot();
    expect(thrown(() => app.set('guarded', 1))).toBe(code);
    expect(app.getSnapshot()).toBe(snapshot);
    expect(app.inspect()).toEqual(before);
    app.set('other', 1);
    expect(seen).toHaveBeenCalledOnce();
    expect(onError).not.toHaveBeenCalled();
  });
  it.each(cases)('a schema that %s: the emit is refused with a code', (_, validate, code) => {
    resetPage();
    const app = connect(contract(validate), { app: 'app' });
    const handler = vi.fn();
    app.on('guarded', handler);
    expect(thrown(() => app.emit('guarded', 1 as never))).toBe(code);
    expect(handler).not.toHaveBeenCalled();
    app.emit('guarded', 0 as never);
    expect(handler).toHaveBeenCalledOnce();
  });
});

describe('names the contract does not declare', () => {
  const NAMES = [
    '__proto__',
    'constructor',
    'prototype',
    'toString',
    'hasOwnProperty',
    'valueOf',
    'concord:broadcast',
    '',
  ];
  const uses: [string, (p: ReturnType<typeof page>, name: string) => unknown][] = [
    ['get', (p, name) => p.host.get(name as never)],
    ['version', (p, name) => p.host.version(name as never)],
    ['set', (p, name) => p.host.set(name as never, 1 as never)],
    ['subscribe', (p, name) => p.host.subscribe(name as never, () => {})],
    [
      'select',
      (p, name) =>
        p.host.select(
          name as never,
          (v: unknown) => v,
          () => {},
        ),
    ],
    ['emit', (p, name) => p.host.emit(name as never, undefined as never)],
    ['on', (p, name) => p.host.on(name as never, () => {})],
  ];
  it.each(NAMES.flatMap((name) => uses.map(([use, fn]) => [use, JSON.stringify(name), name, fn] as const)))(
    '%s(%s) is refused with CONCORD-308',
    (_, __, name, fn) => {
      const p = page();
      const before = observe(p);
      expect(thrown(() => fn(p, name))).toBe('CONCORD-308');
      expect(observe(p)).toEqual(before);
      expect(Object.prototype).not.toHaveProperty('polluted');
      stillWorks(p);
    },
  );
});

describe('listeners that are not functions', () => {
  const BAD = [undefined, null, 1, 'listener', {}, []];
  const uses: [string, (p: ReturnType<typeof page>, bad: unknown) => unknown][] = [
    ['subscribe(slice, ·)', (p, bad) => p.host.subscribe('theme', bad as never)],
    // Another one-argument value is a slice name (CONCORD-308 above).
    ['subscribe(·)', (p, bad) => p.host.subscribe(bad as never)],
    ['select(slice, ·, listener)', (p, bad) => p.host.select('theme', bad as never, () => {})],
    ['select(slice, selector, ·)', (p, bad) => p.host.select('theme', (v) => v, bad as never)],
    ['on(event, ·)', (p, bad) => p.host.on('cart/add', bad as never)],
  ];
  it.each(
    uses.flatMap(([use, fn]) =>
      BAD.filter((bad) => use !== 'subscribe(·)' || bad === undefined || bad === null).map(
        (bad) => [use, JSON.stringify(bad) ?? 'undefined', bad, fn] as const,
      ),
    ),
  )('%s with %s is refused with CONCORD-313', (_, __, bad, fn) => {
    const p = page();
    const before = observe(p);
    expect(thrown(() => fn(p, bad))).toBe('CONCORD-313');
    expect(observe(p)).toEqual(before);
    stillWorks(p);
    expect(p.reported.seen).toEqual([]);
  });
  it.each(BAD.filter(Boolean))('onTrace %j is refused with CONCORD-313 and connects nothing', (bad) => {
    const p = page();
    const before = observe(p);
    expect(thrown(() => connect(p.shop, { app: 'devtools', onTrace: bad as never }))).toBe('CONCORD-313');
    expect(observe(p).inspection.listeners).toEqual(before.inspection.listeners);
    stillWorks(p);
  });
});

describe('writes the bus refuses', () => {
  const owners = { session: 'host', theme: 'host', cart: 'cart', counter: 'cart' } as const;
  const notOwner = Object.entries(owners).flatMap(([slice, owner]) =>
    APPS.filter((app) => app !== owner).map((app) => [app, slice] as const),
  );
  it.each(notOwner)('"%s" writing "%s" is refused with CONCORD-303', (app, slice) => {
    const p = page();
    const before = observe(p);
    const updater = vi.fn();
    expect(thrown(() => p.handles[app].set(slice as 'counter', updater))).toBe('CONCORD-303');
    expect(updater).not.toHaveBeenCalled();
    expect(observe(p)).toEqual(before);
    stillWorks(p);
  });
  const STALE = [-1, 1, 0.5, Number.NaN, Number.POSITIVE_INFINITY, Number.MAX_SAFE_INTEGER, '0', null];
  it.each(
    Object.entries(owners).flatMap(([slice, app]) =>
      STALE.map((version) => [slice, String(version), app, version] as const),
    ),
  )('writing "%s" from version %s is refused with CONCORD-306', (slice, _, app, version) => {
    const p = page();
    const before = observe(p);
    expect(thrown(() => p.handles[app].set(slice as 'counter', 1, { version: version as number }))).toBe(
      'CONCORD-306',
    );
    expect(observe(p)).toEqual(before);
    stillWorks(p);
  });
});

describe('the page registry, damaged', () => {
  const scope = globalThis as Record<symbol, unknown>;
  const cases: [string, () => unknown][] = [
    ['a number', () => 42],
    ['a string', () => 'registry'],
    ['another protocol', () => ({ protocol: 2, copies: [], buses: {} })],
    ['no copies list', () => ({ protocol: 1, buses: {} })],
    ['a frozen copies list', () => ({ protocol: 1, copies: Object.freeze([]), buses: {} })],
    ['no buses', () => ({ protocol: 1, copies: [] })],
    ['a bus without connect', () => ({ protocol: 1, copies: [], buses: { shop: {} } })],
    [
      'a bus whose connect throws',
      () => ({
        protocol: 1,
        copies: [],
        buses: {
          shop: {
            connect() {
              throw new TypeError('tampered');
            },
          },
        },
      }),
    ],
    [
      'a throwing protocol getter',
      () =>
        Object.defineProperty({}, 'protocol', {
          get() {
            throw new Error('getter');
          },
        }),
    ],
    ['a revoked proxy', revoked],
  ];
  it.each(cases)('as %s: connect throws CONCORD-301', (_, make) => {
    resetPage();
    scope[REGISTRY] = make();
    const p = { shop: page().shop };
    scope[REGISTRY] = make();
    expect(thrown(() => connect(p.shop, { app: 'host' }))).toBe('CONCORD-301');
    resetPage();
    // A fresh page works again.
    expect(connect(p.shop, { app: 'host' }).get('theme')).toBe('light');
  });
});

describe('callbacks that throw never wedge the bus', () => {
  const throwers = [
    'slice listener',
    'snapshot listener',
    'selector',
    'isEqual',
    'event handler',
    'onTrace',
  ] as const;
  const reporters = ['onError throws', 'console.error throws', 'both throw'] as const;
  it.each(throwers.flatMap((t) => reporters.map((r) => [t, r] as const)))(
    'a %s throwing while %s',
    (thrower, reporter) => {
      resetPage();
      const shop = page().shop;
      resetPage();
      const boom = () => {
        throw new Error(thrower);
      };
      // The fallback console.error is silenced when it is not the one throwing.
      vi.spyOn(console, 'error').mockImplementation(reporter === 'onError throws' ? () => {} : boom);
      const onError = reporter === 'console.error throws' ? undefined : boom;
      const bad = connect(shop, { app: 'bad', onError, onTrace: thrower === 'onTrace' ? boom : undefined });
      const host = connect(shop, { app: 'host' });
      if (thrower === 'slice listener') bad.subscribe('theme', boom);
      if (thrower === 'snapshot listener') bad.subscribe(boom);
      if (thrower === 'selector')
        bad.select(
          'theme',
          (t) => (t === 'light' ? 1 : boom()),
          () => {},
        );
      if (thrower === 'isEqual')
        bad.select(
          'theme',
          (t) => t,
          () => {},
          (a) => (a === undefined ? true : boom()),
        );
      if (thrower === 'event handler') bad.on('cart/add', boom);
      const seen: unknown[] = [];
      host.subscribe('theme', (t) => seen.push(t));
      host.subscribe((s) => seen.push(s.theme));
      for (const theme of ['dark', 'light', 'dark'] as const) {
        expect(() => host.set('theme', theme)).not.toThrow();
        expect(() => host.emit('cart/add', { sku: theme })).not.toThrow();
      }
      // Every write applied and notified, including listeners added after the throws.
      const late = vi.fn();
      host.subscribe('theme', late);
      host.set('theme', 'light');
      expect(seen).toEqual(['dark', 'dark', 'light', 'light', 'dark', 'dark', 'light', 'light']);
      expect(late).toHaveBeenCalledExactlyOnceWith('light', 'dark');
      expect(host.inspect().listeners.host).toBe(3);
    },
  );
});

describe('names that are data', () => {
  const NAMES = [
    '__proto__',
    'constructor',
    'toString',
    'hasOwnProperty',
    'valueOf',
    'concord:broadcast',
    'then',
  ];
  it.each(NAMES)(
    'an app named %j connects, owns, writes, subscribes, disposes and is inspected like any other',
    (name) => {
      resetPage();
      const contract = defineContract({
        name: 'names',
        version: '1.0.0',
        slices: { value: { owner: name, initial: 0 }, other: { owner: 'other', initial: 0 } },
      });
      const app = connect(contract, { app: name });
      const other = connect(contract, { app: 'other' });
      const seen = vi.fn();
      app.subscribe('value', seen);
      other.subscribe('value', seen);
      app.set('value', 1);
      expect(other.get('value')).toBe(1);
      expect(seen).toHaveBeenCalledTimes(2);
      expect({ ...app.inspect().listeners }).toEqual({ [name]: 1, other: 1 });
      app.dispose();
      expect({ ...other.inspect().listeners }).toEqual({ other: 1 });
      expect(thrown(() => other.set('value', 2))).toBe('CONCORD-303');
      expect(Object.getPrototypeOf({})).toBe(Object.prototype);
    },
  );
  it.each(NAMES.filter((name) => !['__proto__', 'constructor'].includes(name)))(
    'a contract named %j gets its own bus',
    (name) => {
      resetPage();
      const contract = defineContract({
        name,
        version: '1.0.0',
        slices: { value: { owner: 'a', initial: 0 } },
      });
      const a = connect(contract, { app: 'a' });
      a.set('value', 3);
      expect(connect(contract, { app: 'b' }).get('value')).toBe(3);
    },
  );
});

describe('slice and event names that are data (as production builds take them)', () => {
  // Development builds refuse these names at defineContract (CONCORD-310); production skips that check, so
  // the bus must treat them as plain keys. The contract is built as production's defineContract builds it.
  const NAMES = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'then'];
  const contractWith = (name: string) => {
    const slices = Object.create(null);
    slices[name] = Object.freeze({ owner: 'app', initial: 1 });
    slices.plain = Object.freeze({ owner: 'app', initial: 2 });
    const events = Object.create(null);
    events[name] = Object.freeze({});
    const initial = Object.create(null);
    initial[name] = 1;
    initial.plain = 2;
    return { name: `prod-${name}`, version: '1.0.0', slices, events, initial } as never;
  };
  it.each(NAMES)('a slice and an event named %j work like any other and pollute nothing', (name) => {
    resetPage();
    const app = connect(contractWith(name), { app: 'app' });
    const seen = vi.fn();
    const handled = vi.fn();
    app.subscribe(name as never, seen);
    app.on(name as never, handled);
    expect(app.get(name as never)).toBe(1);
    app.set(name as never, 5 as never);
    app.emit(name as never, 'x' as never);
    expect(seen).toHaveBeenCalledExactlyOnceWith(5, 1);
    expect(handled).toHaveBeenCalledExactlyOnceWith('x', 'app');
    const snapshot = app.getSnapshot() as Record<string, unknown>;
    expect(Object.getOwnPropertyDescriptor(snapshot, name)?.value).toBe(5);
    expect(snapshot.plain).toBe(2);
    expect(Object.keys(snapshot)).toEqual([name, 'plain']);
    expect(Object.getOwnPropertyDescriptor(app.inspect().versions, name)?.value).toBe(1);
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).owner).toBeUndefined();
  });
});
