// Property-based: random sequences of local writes (in two honest tabs), forged messages from a hostile tab
// and throwing listeners, over Node's real BroadcastChannel (each tab with its own page registry, as in
// broadcast.test.ts). After every step, once the messages have arrived, both tabs must equal a model of
// the documented behaviour: what each forged message does (applied, ignored as stale, or reported with its
// code), and the Lamport clock of each broadcast slice. Invariants checked throughout: a sensitive value
// never leaves its tab, state equals the model, and the bus never wedges (every later write still syncs
// and notifies).
import { connect, defineContract } from '@concord/shared-state';
import { broadcast } from '@concord/shared-state/broadcast';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { z } from 'zod';
import { errors, REGISTRY, resetPage } from './fixtures';

const scope = globalThis as Record<symbol, unknown>;
const EVIL = 'zzzz-evil';
const LEAD = 1_000;
const SECRET = 'secret-token-';

const makeContract = (name: string) =>
  defineContract({
    name,
    version: '1.0.0',
    slices: {
      session: { owner: 'host', initial: { token: null as string | null }, sensitive: true },
      theme: { owner: 'host', initial: 'light' as unknown, broadcast: true },
      cart: {
        owner: 'cart',
        initial: { count: 0 },
        schema: z.object({ count: z.number().int().nonnegative() }),
        broadcast: true,
      },
      counter: { owner: 'cart', initial: 0 },
    },
  });
type Shared = 'theme' | 'cart';

const VALUES = {
  'a theme': ['theme', 'dark', 'ok'],
  'another theme': ['theme', 'blue', 'ok'],
  'a cart': ['cart', { count: 3 }, 'ok'],
  'another cart': ['cart', { count: 5 }, 'ok'],
  'a cart failing its schema': ['cart', { count: -1 }, 'CONCORD-311'],
  'a theme with __proto__': ['theme', JSON.parse('{"__proto__":{"polluted":1}}'), 'CONCORD-311'],
  'a session': ['session', { token: 'forged' }, 'CONCORD-317'],
  'a local counter': ['counter', 9, 'CONCORD-317'],
  'slice "__proto__"': ['__proto__', 1, 'CONCORD-317'],
  'a 2 MB theme': ['theme', 'x'.repeat(2_000_000), 'CONCORD-318'],
} as const;
type Forged = keyof typeof VALUES;

type Op =
  | { op: 'write'; tab: 0 | 1; slice: 'theme' | 'cart' | 'session' | 'counter'; pick: number }
  | { op: 'forge'; value: Forged; delta: number }
  | { op: 'garbage'; kind: number }
  | { op: 'throwing-listener'; tab: 0 | 1; slice: 'theme' | 'cart' };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    arbitrary: fc.record({
      op: fc.constant('write' as const),
      tab: fc.constantFrom(0 as const, 1 as const),
      slice: fc.constantFrom('theme' as const, 'cart' as const, 'session' as const, 'counter' as const),
      pick: fc.nat({ max: 3 }),
    }),
    weight: 4,
  },
  {
    arbitrary: fc.record({
      op: fc.constant('forge' as const),
      value: fc.constantFrom(...(Object.keys(VALUES) as Forged[])),
      // Relative to the slice's current clock: stale, newer within the lead, too far ahead, not an integer.
      // (Not 0: an equal clock is decided by comparing tab ids, which are random.)
      delta: fc.constantFrom(-2, -1, 1, 2, LEAD, LEAD + 1, 0.5, Number.MAX_SAFE_INTEGER),
    }),
    weight: 4,
  },
  { arbitrary: fc.record({ op: fc.constant('garbage' as const), kind: fc.nat({ max: 4 }) }), weight: 1 },
  {
    arbitrary: fc.record({
      op: fc.constant('throwing-listener' as const),
      tab: fc.constantFrom(0 as const, 1 as const),
      slice: fc.constantFrom('theme' as const, 'cart' as const),
    }),
    weight: 1,
  },
);

const GARBAGE = [
  null,
  'garbage',
  { concord: 'shared-state', type: 'set', tab: EVIL, entries: 'x' },
  { concord: 'shared-state', type: 'set', tab: EVIL, entries: Array(100).fill(0) },
  { concord: 'other', entries: [] },
];
// What each garbage message is reported as, in each tab.
const GARBAGE_CODE = ['CONCORD-311', 'CONCORD-311', 'CONCORD-311', 'CONCORD-318', 'CONCORD-311'];

let run = 0;
// Messages of megabytes queue up in the channel on a loaded machine: wait for delivery generously (a poll
// ends as soon as its condition holds; no speed is asserted).
const PATIENT = { timeout: 20_000, interval: 5 };

it('two honest tabs and a hostile one agree with the model over random sequences', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 12 }), async (ops) => {
      const name = `model-tabs-${run++}`;
      const contract = makeContract(name);
      const stops: (() => void)[] = [];
      // The hostile tab's channel, open first: it sees everything the honest tabs post.
      const channel = new BroadcastChannel(`concord:${name}@1`);
      const seen: unknown[] = [];
      channel.onmessage = (event) => seen.push(event.data);
      const tabs = [0, 1].map(() => {
        const saved = scope[REGISTRY];
        delete scope[REGISTRY];
        try {
          const onError = errors();
          const host = connect(contract, { app: 'host' });
          const cart = connect(contract, { app: 'cart' });
          const bad = connect(contract, { app: 'bad', onError: () => {} });
          stops.push(broadcast(host, { onError, maxClockLead: LEAD }));
          const heard = { theme: 0, cart: 0 };
          host.subscribe('theme', () => heard.theme++);
          host.subscribe('cart', () => heard.cart++);
          return { host, cart, bad, onError, heard };
        } finally {
          scope[REGISTRY] = saved;
        }
      });
      // The model.
      const state = tabs.map(() => ({
        session: { token: null } as { token: string | null },
        theme: 'light' as unknown,
        cart: { count: 0 } as unknown,
        counter: 0,
      }));
      const clocks = { theme: 0, cart: 0 };
      // Slice versions (changes by Object.is), the same in both tabs once messages arrived.
      const versions = { theme: 0, cart: 0 };
      // Accepted writes per tab (counted even when unchanged): they show that a message has arrived.
      const writes = [0, 1].map(() => ({ theme: 0, cart: 0 }));
      const change = (slice: Shared, value: unknown) => {
        // Strings compare by value; every object that crossed a tab is a new one.
        if (!Object.is(state[0]![slice], value) || typeof value === 'object') versions[slice]++;
        for (const s of state) s[slice] = value;
      };
      const reported = [0, 0];
      const codes: string[][] = [[], []];
      try {
        // Both hellos seen: the tabs are listening.
        await expect.poll(() => seen.length, PATIENT).toBeGreaterThanOrEqual(2);
        for (const op of ops) {
          if (op.op === 'write') {
            const tab = tabs[op.tab]!;
            if (op.slice === 'session') {
              const value = { token: `${SECRET}${op.pick}` };
              tab.host.set('session', value);
              state[op.tab]!.session = value;
            } else if (op.slice === 'counter') {
              tab.cart.set('counter', op.pick);
              state[op.tab]!.counter = op.pick;
            } else {
              const value =
                op.slice === 'theme' ? ['light', 'dark', 'dim', 'blue'][op.pick] : { count: op.pick };
              const before = tab.host.get(op.slice);
              (op.slice === 'theme' ? tab.host : tab.cart).set(op.slice, value as never);
              writes[op.tab]![op.slice]++;
              // An equal theme string is an unchanged write: nothing is sent.
              if (!Object.is(before, value)) {
                clocks[op.slice]++;
                change(op.slice, value);
                writes[1 - op.tab]![op.slice]++;
              }
            }
          } else if (op.op === 'forge') {
            const [slice, value, outcome] = VALUES[op.value];
            const shared = slice === 'theme' || slice === 'cart';
            const clock = (shared ? clocks[slice as Shared] : 0) + op.delta;
            channel.postMessage({
              concord: 'shared-state',
              type: 'set',
              tab: EVIL,
              entries: [[slice, value, clock, EVIL]],
            });
            const badClock = !Number.isSafeInteger(clock) || clock < 0 || (shared && op.delta > LEAD);
            const code =
              outcome === 'CONCORD-318' || outcome === 'CONCORD-317'
                ? outcome
                : badClock
                  ? 'CONCORD-318'
                  : op.delta <= 0
                    ? undefined
                    : outcome === 'ok'
                      ? 'applied'
                      : outcome;
            if (code === 'applied') {
              clocks[slice as Shared] = clock;
              change(slice as Shared, value);
              for (const w of writes) w[slice as Shared]++;
            } else if (code)
              for (const i of [0, 1]) {
                reported[i]!++;
                codes[i]!.push(code);
              }
          } else if (op.op === 'garbage') {
            channel.postMessage(GARBAGE[op.kind]);
            for (const i of [0, 1]) {
              reported[i]!++;
              codes[i]!.push(GARBAGE_CODE[op.kind]!);
            }
          } else {
            tabs[op.tab]!.bad.subscribe(op.slice, () => {
              throw new Error('listener');
            });
          }
          // Once every message arrived, both tabs equal the model.
          await expect
            .poll(
              () => tabs.map((t) => [t.host.getSnapshot(), t.onError.seen.length, t.host.inspect()]),
              PATIENT,
            )
            .toEqual(
              state.map((s, i) => [
                s,
                reported[i],
                expect.objectContaining({
                  versions: expect.objectContaining(versions),
                  writes: expect.objectContaining(writes[i]),
                }),
              ]),
            );
          for (const [i, tab] of tabs.entries())
            expect(tab.onError.seen.map((e) => e.code)).toEqual(codes[i]);
        }
        // Never wedged: an honest write still syncs both ways and notifies local listeners.
        const heard = tabs.map((t) => ({ ...t.heard }));
        expect(heard).toEqual([0, 1].map(() => versions));
        tabs[0]!.host.set('theme', 'final-0');
        await expect.poll(() => tabs[1]!.host.get('theme'), PATIENT).toBe('final-0');
        tabs[1]!.cart.set('cart', { count: 42 });
        await expect.poll(() => tabs[0]!.host.get('cart'), PATIENT).toEqual({ count: 42 });
        expect(tabs.map((t) => t.heard)).toEqual(
          heard.map((h) => ({ theme: h.theme + 1, cart: h.cart + 1 })),
        );
        // A sensitive value never left its tab, and nothing was polluted.
        expect(JSON.stringify(seen.filter((m) => typeof m === 'object'))).not.toContain(SECRET);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      } finally {
        for (const stop of stops) stop();
        channel.close();
        resetPage();
      }
    }),
    { numRuns: 40 },
  );
  // Generous: real channels between tabs on a loaded machine; no speed is asserted.
}, 300_000);
