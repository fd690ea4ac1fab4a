// Property-based: random sequences of set / subscribe / select / unsubscribe / dispose / emit, with listeners
// that record, throw, write from inside the notification, unsubscribe themselves or dispose their app, run
// against the bus AND a deliberately naive reference model of the documented semantics. After every step the
// state, versions, write counts, every listener's calls, reported errors and inspect() must agree.
import { type ConcordError, connect, defineContract, event } from '@concord/shared-state';
import fc from 'fast-check';
import { beforeEach, expect, it } from 'vitest';
import { z } from 'zod';
import { resetPage } from './fixtures';

beforeEach(resetPage);

const APPS = ['host', 'cart', 'catalog'] as const;
type App = (typeof APPS)[number];
type SliceName = 'a' | 'b' | 'o';
type State = { a: number; b: number; o: { v: number } };
const OWNER: Record<SliceName, App> = { a: 'host', b: 'cart', o: 'host' };
const FORBIDDEN = JSON.parse('{"v":1,"__proto__":{"x":1}}');

const makeContract = () =>
  defineContract({
    name: 'model',
    version: '1.0.0',
    slices: {
      a: { owner: 'host', initial: 0, schema: z.number().int().min(0) },
      b: { owner: 'cart', initial: 0 },
      o: { owner: 'host', initial: { v: 0 } as { v: number } },
    },
    events: { ping: event(z.number().min(0)) },
  });

type Kind = 'record' | 'throw' | 'react' | 'once' | 'dispose';
type Target = SliceName | 'all' | 'select-all' | 'select-a';
type Op =
  | {
      op: 'set';
      app: App;
      slice: SliceName;
      pick: number;
      updater: boolean;
      version: 'none' | 'current' | 'stale';
    }
  | { op: 'subscribe'; app: App; target: Target; kind: Kind }
  | { op: 'unsubscribe'; pick: number }
  | { op: 'dispose'; app: App }
  | { op: 'on'; app: App; kind: 'record' | 'throw' | 'intent' }
  | { op: 'emit'; app: App; payload: number }
  | { op: 'throwing-updater'; slice: SliceName };

const app = fc.constantFrom(...APPS);
const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    arbitrary: fc.record({
      op: fc.constant('set' as const),
      app,
      slice: fc.constantFrom<SliceName>('a', 'b', 'o'),
      pick: fc.integer({ min: -1, max: 5 }),
      updater: fc.boolean(),
      version: fc.constantFrom('none' as const, 'current' as const, 'stale' as const),
    }),
    weight: 5,
  },
  {
    arbitrary: fc.record({
      op: fc.constant('subscribe' as const),
      app,
      target: fc.constantFrom<Target>('a', 'b', 'o', 'all', 'select-all', 'select-a'),
      kind: fc.constantFrom<Kind>('record', 'record', 'throw', 'react', 'once', 'dispose'),
    }),
    weight: 4,
  },
  { arbitrary: fc.record({ op: fc.constant('unsubscribe' as const), pick: fc.nat() }), weight: 2 },
  { arbitrary: fc.record({ op: fc.constant('dispose' as const), app }), weight: 1 },
  {
    arbitrary: fc.record({
      op: fc.constant('on' as const),
      app,
      kind: fc.constantFrom('record' as const, 'throw' as const, 'intent' as const),
    }),
    weight: 2,
  },
  {
    arbitrary: fc.record({ op: fc.constant('emit' as const), app, payload: fc.integer({ min: -1, max: 4 }) }),
    weight: 2,
  },
  {
    arbitrary: fc.record({
      op: fc.constant('throwing-updater' as const),
      slice: fc.constantFrom<SliceName>('a', 'b'),
    }),
    weight: 1,
  },
);

/** The value a `set` op writes: numbers, the current object (unchanged), a new object, or a forbidden key. */
const valueFor = (slice: SliceName, pick: number, current: State): unknown => {
  if (slice !== 'o') return pick;
  if (pick < 0) return FORBIDDEN;
  if (pick === 0) return current.o;
  return { v: pick % 3 };
};

// ---------------------------------------------------------------- the reference model (naive on purpose)
interface ModelSub {
  id: number;
  app: App;
  target: Target;
  kind: Kind;
  active: boolean;
  last?: unknown;
}
interface ModelHandler {
  app: App;
  kind: 'record' | 'throw' | 'intent';
  active: boolean;
  id: number;
}

class Model {
  state: State;
  sent: State;
  versions = { a: 0, b: 0, o: 0 };
  writes = { a: 0, b: 0, o: 0 };
  subs: ModelSub[] = [];
  handlers: ModelHandler[] = [];
  logs = new Map<number, unknown[]>();
  errors: Record<App, string[]> = { host: [], cart: [], catalog: [] };
  queue: SliceName[] = [];
  flushing = false;

  constructor(o: { v: number }) {
    this.state = { a: 0, b: 0, o };
    this.sent = { ...this.state };
  }

  set(app: App, slice: SliceName, value: unknown, version?: number): void {
    if (OWNER[slice] !== app) throw { code: 'CONCORD-303' };
    if (version !== undefined && version !== this.versions[slice]) throw { code: 'CONCORD-306' };
    const prev = this.state[slice];
    if (Object.is(value, prev)) {
      this.writes[slice]++;
      return;
    }
    if (value === FORBIDDEN) throw { code: 'CONCORD-307' };
    if (slice === 'a' && (value as number) < 0) throw { code: 'CONCORD-304' };
    this.writes[slice]++;
    (this.state as Record<string, unknown>)[slice] = value;
    this.versions[slice]++;
    if (this.flushing) {
      if (!this.queue.includes(slice)) this.queue.push(slice);
      return;
    }
    this.flushing = true;
    try {
      let next: SliceName | undefined = slice;
      while (next) {
        while (next) {
          this.notifySlice(next);
          next = this.queue.shift();
        }
        this.notifyAll();
        next = this.queue.shift();
      }
    } finally {
      this.flushing = false;
    }
  }

  private notifySlice(slice: SliceName) {
    const value = this.state[slice];
    const prev = this.sent[slice];
    if (Object.is(value, prev)) return;
    (this.sent as Record<string, unknown>)[slice] = value;
    const targets = slice === 'a' ? ['a', 'select-a'] : [slice];
    for (const sub of this.subs.filter((s) => targets.includes(s.target))) {
      if (!sub.active) continue;
      if (sub.target === 'select-a') this.selectCall(sub, (value as number) > 1);
      else this.call(sub, [value, prev]);
    }
  }

  private notifyAll() {
    const subs = this.subs.filter((s) => s.target === 'all' || s.target === 'select-all');
    if (!subs.length) return;
    const snapshot = { ...this.state };
    for (const sub of subs) {
      if (!sub.active) continue;
      if (sub.target === 'all') this.call(sub, [snapshot]);
      else this.selectCall(sub, (snapshot.a + snapshot.b) % 2);
    }
  }

  private selectCall(sub: ModelSub, next: unknown) {
    if (Object.is(sub.last, next)) return;
    const prev = sub.last;
    sub.last = next;
    this.call(sub, [next, prev]);
  }

  private call(sub: ModelSub, args: unknown[]) {
    this.logs.get(sub.id)!.push(args);
    try {
      behave(sub.kind, {
        throwIt: () => {
          throw new Error('listener');
        },
        react: () => {
          const target: SliceName = sub.app === 'cart' ? 'b' : 'a';
          this.set(sub.app, target, Math.min(this.state[target] + 1, 3));
        },
        once: () => {
          sub.active = false;
        },
        dispose: () => this.dispose(sub.app),
      });
    } catch {
      this.errors[sub.app].push('CONCORD-309');
    }
  }

  subscribe(id: number, app: App, target: Target, kind: Kind) {
    const sub: ModelSub = { id, app, target, kind, active: true };
    if (target === 'select-all') sub.last = (this.state.a + this.state.b) % 2;
    if (target === 'select-a') sub.last = this.state.a > 1;
    this.subs.push(sub);
    this.logs.set(id, []);
  }

  dispose(app: App) {
    for (const sub of this.subs) if (sub.app === app) sub.active = false;
    for (const handler of this.handlers) if (handler.app === app) handler.active = false;
  }

  emit(app: App, payload: number) {
    if (payload < 0) throw { code: 'CONCORD-304' };
    for (const handler of [...this.handlers]) {
      if (!handler.active) continue;
      this.logs.get(handler.id)!.push([payload, app]);
      try {
        if (handler.kind === 'throw') throw new Error('handler');
        if (handler.kind === 'intent') this.set(handler.app, 'b', payload);
      } catch {
        this.errors[handler.app].push('CONCORD-309');
      }
    }
  }

  listeners() {
    const counts: Record<string, number> = {};
    for (const { app, active } of [...this.subs, ...this.handlers])
      if (active) counts[app] = (counts[app] ?? 0) + 1;
    return counts;
  }
}

/** The behaviour of a listener kind, shared by the model and the real listeners. */
function behave(kind: Kind, actions: { throwIt(): void; react(): void; once(): void; dispose(): void }) {
  if (kind === 'throw') actions.throwIt();
  if (kind === 'react') actions.react();
  if (kind === 'once') actions.once();
  if (kind === 'dispose') actions.dispose();
}

const codeOf = (fn: () => void): string | undefined => {
  try {
    fn();
  } catch (error) {
    return (error as ConcordError).code ?? 'thrown';
  }
};

it('agrees with a reference model over 1,000 random sequences (zero divergences)', () => {
  let runs = 0;
  fc.assert(
    fc.property(fc.array(opArb, { minLength: 1, maxLength: 40 }), (ops) => {
      runs++;
      resetPage();
      const contract = makeContract();
      const model = new Model(contract.slices.o.initial);
      const errors: Record<App, string[]> = { host: [], cart: [], catalog: [] };
      const handles = Object.fromEntries(
        APPS.map((name) => [
          name,
          connect(contract, { app: name, onError: (e) => errors[name].push(e.code) }),
        ]),
      ) as Record<App, ReturnType<typeof connect<ReturnType<typeof makeContract>>>>;
      const logs = new Map<number, unknown[]>();
      const unsubscribes: { id: number; off: () => void; modelOff: () => void }[] = [];
      let nextId = 0;

      for (const op of ops) {
        const before = handles.host.getSnapshot();
        const versionsBefore = { ...model.versions };
        if (op.op === 'set') {
          const value = valueFor(op.slice, op.pick, model.state);
          const version =
            op.version === 'none'
              ? undefined
              : model.versions[op.slice] + (op.version === 'stale' ? (op.pick % 2 ? 1 : -1) : 0);
          const real = codeOf(() =>
            handles[op.app].set(op.slice, (op.updater ? () => value : value) as never, { version }),
          );
          const expected = codeOf(() => model.set(op.app, op.slice, value, version));
          expect(real).toBe(expected);
        } else if (op.op === 'throwing-updater') {
          const owner = OWNER[op.slice];
          const real = codeOf(() =>
            handles[owner].set(op.slice, () => {
              throw new Error('updater');
            }),
          );
          expect(real).toBe('thrown');
        } else if (op.op === 'subscribe') {
          const id = nextId++;
          const log: unknown[] = [];
          logs.set(id, log);
          const handle = handles[op.app];
          let off = () => {};
          const listener = (...args: unknown[]) => {
            const [first] = args;
            // Snapshot listeners get (snapshot); slice and selector listeners get (value, prev).
            log.push(op.target === 'all' ? [{ ...(first as State) }] : args.slice(0, 2));
            behave(op.kind, {
              throwIt: () => {
                throw new Error('listener');
              },
              react: () => {
                const target: SliceName = op.app === 'cart' ? 'b' : 'a';
                handle.set(target, Math.min(handle.get(target) + 1, 3));
              },
              once: () => off(),
              dispose: () => handle.dispose(),
            });
          };
          if (op.target === 'all') off = handle.subscribe(listener);
          else if (op.target === 'select-all') off = handle.select((s) => (s.a + s.b) % 2, listener);
          else if (op.target === 'select-a') off = handle.select('a', (a) => a > 1, listener);
          else off = handle.subscribe(op.target, listener);
          model.subscribe(id, op.app, op.target, op.kind);
          const sub = model.subs.at(-1)!;
          const modelOff = () => {
            sub.active = false;
          };
          unsubscribes.push({ id, off: () => off(), modelOff });
        } else if (op.op === 'unsubscribe') {
          const entry = unsubscribes[op.pick % Math.max(unsubscribes.length, 1)];
          if (entry) {
            entry.off();
            entry.modelOff();
          }
        } else if (op.op === 'dispose') {
          handles[op.app].dispose();
          model.dispose(op.app);
        } else if (op.op === 'on') {
          const id = nextId++;
          const log: unknown[] = [];
          logs.set(id, log);
          const handle = handles[op.app];
          handle.on('ping', (payload, from) => {
            log.push([payload, from]);
            if (op.kind === 'throw') throw new Error('handler');
            if (op.kind === 'intent') handle.set('b', payload);
          });
          model.handlers.push({ id, app: op.app, kind: op.kind, active: true });
          model.logs.set(id, []);
        } else if (op.op === 'emit') {
          const real = codeOf(() => handles[op.app].emit('ping', op.payload));
          const expected = codeOf(() => model.emit(op.app, op.payload));
          expect(real).toBe(expected);
        }

        // Zero divergences, after every step.
        expect(handles.catalog.getSnapshot()).toEqual(model.state);
        const inspection = handles.catalog.inspect();
        expect(inspection.versions).toEqual(model.versions);
        expect(inspection.writes).toEqual(model.writes);
        expect(inspection.listeners).toEqual(model.listeners());
        expect(errors).toEqual(model.errors);
        for (const [id, log] of logs) expect(log, `listener ${id}`).toEqual(model.logs.get(id));
        if (JSON.stringify(versionsBefore) === JSON.stringify(model.versions))
          expect(handles.host.getSnapshot()).toBe(before);
      }
    }),
    { numRuns: 1000 },
  );
  expect(runs).toBeGreaterThanOrEqual(1000);
  // A generous bound: the suite must pass while other CPU-bound jobs run (no speed is measured here).
}, 300_000);
