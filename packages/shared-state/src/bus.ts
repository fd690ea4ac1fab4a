// The snapshot bus of one contract. Everything an app does goes through the handle `connect` builds here,
// so the code of the FIRST copy of the library that created the bus serves every copy on the page: the only
// surface shared between copies is `BusLink.connect` (see registry.ts).
//
// Hot path: each slice keeps its listeners in one flat array of functions (`List.f`), called in
// subscription order by a loop as bare as the floor's; a parallel array (`List.r`) holds each
// subscription's record (its index and member), read only when a listener throws, on unsubscribe, dispose
// and inspect. Unsubscribe is O(1) in any order: it replaces the function by `noop` through the record's
// index, and compacts the list once half of it is holes and no listener runs (so holes cost at most one
// cheap call each). A write that changes nothing returns after one Object.is; a write that changes a
// slice runs that slice's listeners and nobody else's; nothing is allocated on either path.
//
// Robustness: whatever a listener, `onError`, `onTrace` or `console.error` throws, `depth` and `flushing`
// are restored (try/finally) and the next write notifies as usual.
//
// Size: this file is most of the core bundle (≤ 2,000 B min+gzip), so the internal objects use one-letter
// property names (documented on their interfaces) and messages exist in development only.
import { type ConcordError, DEV, fail } from './errors';
import type { StandardSchemaV1 } from './standard-schema';
import type {
  AnyContract,
  ConnectOptions,
  CopyInfo,
  Handle,
  Inspection,
  SliceSpec,
  Unsubscribe,
} from './types';
import { check, dict } from './validate';

// biome-ignore lint/suspicious/noExplicitAny: listeners of every shape share the arrays; types are per handle.
type Fn = (a?: any, b?: any) => any;

/** One `connect` call: who registered a listener, and where its errors go. */
interface Member {
  app: string;
  onError?: ((error: ConcordError) => void) | undefined;
}

/** One subscription. */
interface Sub {
  /** Index in its list; -1 once removed (which disarms its unsubscribe). */
  i: number;
  /** The listener. */
  f: Fn;
  /** Member. */
  m: Member;
}

interface List {
  /** Listener functions, in subscription order (`noop` for a removed one not yet compacted away). */
  f: Fn[];
  /** The subscription of each function, at the same index. */
  r: Sub[];
  /** Holes: removed entries still in the arrays. */
  h: number;
}

/** A slice, an event's channel, the snapshot's or the tracers' list: its listeners, and its state. */
interface Slice extends List {
  /** Owner app. */
  o: string;
  /** Schema. */
  c: StandardSchemaV1 | undefined;
  /** Value. */
  v: unknown;
  /** The value this slice's listeners last received. */
  s: unknown;
  /** Version: writes that changed the value. */
  n: number;
  /** Accepted writes, changed or not. */
  w: number;
}

/** What the registry stores per contract name; its shape is part of the registry protocol. */
export interface BusLink {
  readonly version: string;
  connect(contract: AnyContract, options: ConnectOptions): Handle;
  /**
   * Every contract object connected so far, first one first (added in 0.1, optional for other copies): the
   * broadcast bridge derives each slice's strictest flags from them.
   */
  readonly contracts?: readonly AnyContract[];
}

// Stands in for a removed listener until its list is compacted.
const noop: Fn = () => {};

// `0.x` versions are incompatible across minors, as in semver ranges: the major of 0.4.1 is "0.4".
export const major = (version: string) => /^(0\.)?\d+/.exec(version)?.[0];

export function createBus(first: AnyContract, copies: CopyInfo[]): BusLink {
  const slices = dict<Slice>();
  const channels = dict<Slice>();
  // Every listener list: tracers first (inspect skips them), snapshot, then each slice's and event's.
  const lists: List[] = [];
  const contracts: AnyContract[] = [];
  const pending: Slice[] = [];
  let depth = 0;
  let flushing = false;
  let snapshot: Record<string, unknown> | undefined;

  // A slice, or a list of listeners only (`o`, `v` and `s` unused): every field from the start, one hidden
  // class for every list keeps the write path and the notification loop monomorphic.
  const node = ({ owner: o = '', schema: c, initial: v }: Partial<SliceSpec> = {}): Slice => {
    const l: Slice = { f: [], r: [], h: 0, o, c, v, s: v, n: 0, w: 0 };
    lists.push(l);
    return l;
  };
  const tracers = node();
  const all = node();

  // Once holes are half the list, drops them, in order, and renumbers the subscriptions: never while
  // listeners run (their loop reads the arrays by index, and a removal must reach the array it reads), so a
  // list that lost listeners during a notification is compacted by its next removal or notification.
  const tidy = (list: List) => {
    if (!depth && list.h * 2 > list.f.length) {
      list.r = list.r.filter((sub) => sub.i >= 0);
      list.f = list.r.map((sub, i) => {
        sub.i = i;
        return sub.f;
      });
      list.h = 0;
    }
  };

  // Calls the listeners present when it starts; one that throws is reported and the next one runs.
  const call = (list: List, a?: unknown, b?: unknown) => {
    tidy(list);
    const { f } = list;
    const n = f.length;
    depth++;
    try {
      for (let i = 0; i < n; i++)
        try {
          for (; i < n; i++) f[i]!(a, b);
        } catch (error) {
          const { m } = list.r[i]!;
          const reported = fail(
            309,
            DEV &&
              `A listener or handler of "${m.app}" on contract "${first.name}" threw; the other listeners still ran and the state is unchanged. Fix the listener (what it threw is in \`details\`).`,
            error,
          );
          // Whatever onError or console.error throw, the next listener runs.
          try {
            (m.onError ?? console.error)(reported);
          } catch {
            try {
              console.error(reported);
            } catch {}
          }
        }
    } finally {
      depth--;
    }
  };

  // O(1): a hole now, compacted away with the others (`tidy`).
  const remove = (list: List, sub: Sub) => {
    list.f[sub.i] = noop;
    sub.i = -1;
    list.h++;
    tidy(list);
  };

  // Refuses a listener that is not a function at once: it would fail on every later write instead.
  const need = (fn: unknown, m: Member) => {
    if (typeof fn !== 'function')
      throw fail(
        313,
        DEV &&
          `"${m.app}" passed ${String(fn)} where a function is expected (a listener, selector, handler or onTrace) on contract "${first.name}"; nothing was subscribed. Pass a function.`,
      );
  };

  const add = (list: List, fn: unknown, m: Member): Unsubscribe => {
    need(fn, m);
    const sub: Sub = { i: list.f.push(fn as Fn) - 1, m, f: fn as Fn };
    list.r.push(sub);
    // Disarmed by its first call, and by a dispose() of its app (which removed it already): it never
    // removes a later identical subscription of the same function.
    return () => {
      if (sub.i >= 0) remove(list, sub);
    };
  };

  const getSnapshot = () => {
    if (!snapshot) {
      // Without a prototype: any slice name, `__proto__` included, is a plain key.
      snapshot = dict();
      for (const name in slices) snapshot[name] = slices[name]!.v;
      if (DEV) Object.freeze(snapshot);
    }
    return snapshot;
  };

  // Applies a validated value. A write made while listeners run is queued and notified after them, in
  // order, so no listener sees an older value after a newer one and every listener ends on the final state.
  const write = (slice: Slice, value: unknown) => {
    slice.v = value;
    slice.n++;
    snapshot = undefined;
    if (flushing) {
      if (!pending.includes(slice)) pending.push(slice);
      return;
    }
    flushing = true;
    try {
      // The snapshot's listeners run once the queue is empty; writes they make are queued and run next.
      for (let next: Slice | undefined = slice; next; next = pending.shift()) {
        const { v, s } = next;
        if (!Object.is(v, s)) {
          next.s = v;
          call(next, v, s);
        }
        if (!pending.length && all.f.length) call(all, getSnapshot());
      }
    } finally {
      flushing = false;
      pending.length = 0;
    }
  };

  // Adds a contract's slices and events to the bus (existing ones keep their first definition), or throws
  // before adding anything.
  const join = (contract: AnyContract, app: string) => {
    const { version, slices: specs, events } = contract;
    const clash = Object.keys(specs).find((name) => slices[name] && slices[name].o !== specs[name]!.owner);
    if (clash || major(version) !== major(first.version))
      throw fail(
        302,
        DEV &&
          `"${app}" connected contract "${contract.name}" ${version}, which cannot join the bus created by ${first.version} (${clash ? `slice "${clash}" is owned by "${specs[clash]!.owner}" in ${version} but by "${slices[clash]!.o}" on the bus` : 'another major'}); "${app}" was not connected, so the page keeps one state. Install one major of the contract in every app (share it as a singleton), or rename the contract for a separate bus.`,
      );
    for (const name in specs) slices[name] ??= node(specs[name]);
    for (const name in events) channels[name] ??= node(events[name]);
    snapshot = undefined;
    if (!contracts.includes(contract)) contracts.push(contract);
  };

  const connect = (contract: AnyContract, { app, onError, onTrace }: ConnectOptions): Handle => {
    join(contract, app);
    const member: Member = { app, onError };
    if (onTrace) add(tracers, onTrace, member);

    const unknown = (kind: string | false, name: PropertyKey): never => {
      throw fail(
        308,
        DEV &&
          `"${app}" used ${kind} "${String(name)}", which contract "${first.name}" does not declare; nothing was read or written. Use a ${kind} of the contract, or add it in a new contract version that every app installs.`,
      );
    };
    // The last slice this handle used: most writes repeat the same name, and a hit skips the dictionary.
    let lastName: PropertyKey;
    let last: Slice;
    const slice = (name: PropertyKey) => {
      if (name !== lastName) {
        last = slices[name as string] ?? unknown(DEV && 'slice', name);
        lastName = name;
      }
      return last;
    };
    const channel = (name: PropertyKey) => channels[name as string] ?? unknown(DEV && 'event', name);
    // `listen(listener)` or `listen(slice, listener)` (typeof, not arity: interop callers such as Svelte's
    // `derived` pass a second callback to `subscribe(listener)`); a null slice is the whole snapshot.
    const listen = (name: unknown, fn?: unknown) =>
      typeof name === 'function'
        ? add(all, name, member)
        : add(name == null ? all : slice(name as string), fn, member);

    const observable = () => ({
      subscribe(observer: Fn | { next?: Fn }) {
        const next: Fn = typeof observer === 'function' ? observer : (value) => observer.next?.(value);
        next(getSnapshot());
        return { unsubscribe: listen(next) };
      },
    });

    const select = (name: unknown, selector: Fn, listener: Fn, isEqual: Fn = Object.is): Unsubscribe => {
      if (typeof name === 'function') return select(null, name as Fn, selector, listener);
      need(selector, member);
      need(listener, member);
      let last = selector(name == null ? getSnapshot() : slice(name as string).v);
      return listen(name, (value: unknown) => {
        const next = selector(value);
        if (!isEqual(last, next)) {
          const prev = last;
          last = next;
          listener(next, prev);
        }
      });
    };

    return {
      app,
      contract,
      get: (name: PropertyKey) => slice(name).v,
      getSnapshot,
      version: (name: PropertyKey) => slice(name).n,
      set(name: PropertyKey, value: unknown, options?: { version?: number }) {
        const target = slice(name);
        const { o: owner, v: prev, n: version } = target;
        if (owner !== app)
          throw fail(
            303,
            DEV &&
              `"${app}" tried to write slice "${String(name)}" of contract "${first.name}", which "${owner}" owns; the write was rejected and the state is unchanged. Write it from "${owner}", or emit an intent event that "${owner}" applies.`,
          );
        const expected = options?.version;
        if (expected !== undefined && expected !== version)
          throw fail(
            306,
            DEV &&
              `"${app}" wrote slice "${String(name)}" from version ${expected}, but it is at version ${version}; the write was rejected and the state is unchanged. Read the slice again and retry with its current version.`,
          );
        // After the checks that need no value: a rejected write never runs the app's updater.
        const next = typeof value === 'function' ? (value as Fn)(prev) : value;
        const changed = !Object.is(next, prev);
        const stored = changed ? check(target.c, next, name) : prev;
        target.w++;
        if (tracers.f.length)
          call(tracers, { app, slice: name, prev, next: stored, version: version + +changed, changed });
        if (changed) write(target, stored);
      },
      subscribe: listen,
      select,
      emit(name: PropertyKey, payload?: unknown) {
        const target = channel(name);
        call(target, check(target.c, payload, name, DEV && 'event'), app);
      },
      on: (name: PropertyKey, handler: Fn) => add(channel(name), handler, member),
      dispose() {
        // Collected first: a removal may compact the list being scanned.
        for (const list of lists)
          for (const sub of list.r.filter((sub) => sub.i >= 0 && sub.m.app === app)) remove(list, sub);
      },
      inspect(): Inspection {
        const listeners: Record<string, number> = dict();
        const writes: Record<string, number> = dict();
        const versions: Record<string, number> = dict();
        for (const { r } of lists.slice(1))
          for (const { i, m } of r) if (i >= 0) listeners[m.app] = (listeners[m.app] ?? 0) + 1;
        for (const name in slices) {
          writes[name] = slices[name]!.w;
          versions[name] = slices[name]!.n;
        }
        return {
          contract: { name: first.name, version: first.version },
          contracts: [...new Set(contracts.map((contract) => contract.version))],
          listeners,
          writes,
          versions,
          copies: copies.map((copy) => ({ ...copy })),
        };
      },
      // `Symbol.observable` when something (rxjs, a polyfill) defined it; '@@observable' in any case.
      [(Symbol as { observable?: symbol }).observable ?? '@@observable']: observable,
      '@@observable': observable,
    } as unknown as Handle;
  };

  return { version: first.version, connect, contracts };
}
