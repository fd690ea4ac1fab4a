// The snapshot bus of one contract. Everything an app does goes through the handle `connect` builds here,
// so the code of the FIRST copy of the library that created the bus serves every copy on the page: the only
// surface shared between copies is `BusLink.connect` (see registry.ts).
//
// Hot path: each slice keeps its listeners in one flat array, `[listener, member, listener, member, …]`
// (the member is read only when a listener throws, when an app disposes, and by inspect). A write that
// changes nothing returns after one Object.is; a write that changes a slice runs that slice's listeners and
// nobody else's; nothing is allocated on either path.
//
// Size: this file is most of the core bundle (issue #2 asks for 800 B min+gzip), so the internal objects
// use one-letter property names (documented on their interfaces) and messages exist in development only.
import { type ConcordError, DEV, fail } from './errors';
import type { StandardSchemaV1 } from './standard-schema';
import type { AnyContract, ConnectOptions, CopyInfo, Handle, Inspection, Unsubscribe } from './types';
import { check } from './validate';

// biome-ignore lint/suspicious/noExplicitAny: listeners of every shape share the arrays; types are per handle.
type Fn = (a?: any, b?: any) => any;

/** One `connect` call: who registered a listener, and where its errors go. */
interface Member {
  app: string;
  onError?: ((error: ConcordError) => void) | undefined;
  /** The app's dispose() count, one object shared by every handle of the app. */
  d: { n: number };
}

/** `[listener, member, listener, member, …]`, in subscription order. */
type List = unknown[];

interface Slice {
  /** Listeners. */
  l: List;
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

interface Channel {
  /** Handlers. */
  l: List;
  /** Schema. */
  c: StandardSchemaV1 | undefined;
}

/** What the registry stores per contract name; its shape is part of the registry protocol. */
export interface BusLink {
  readonly version: string;
  connect(contract: AnyContract, options: ConnectOptions): Handle;
}

// Stands in for a listener removed while listeners run, so indexes stay stable until they end.
const noop: Fn = () => {};

// `0.x` versions are incompatible across minors, as in semver ranges: the major of 0.4.1 is "0.4".
export const major = (version: string) => /^(0\.)?\d+/.exec(version)?.[0];

export function createBus(first: AnyContract, copies: CopyInfo[]): BusLink {
  const slices: Record<string, Slice> = Object.create(null);
  const channels: Record<string, Channel> = Object.create(null);
  const all: List = [];
  const tracers: List = [];
  // Every listener list: tracers first (inspect skips them), snapshot, then each slice's and event's.
  const lists: List[] = [tracers, all];
  const contracts: string[] = [];
  const pending: Slice[] = [];
  // Per app: how many times it disposed, so that unsubscribe functions made before a dispose stay disarmed.
  const disposals: Record<string, { n: number }> = Object.create(null);
  const dirty: List[] = [];
  let depth = 0;
  let flushing = false;
  let snapshot: Record<string, unknown> | undefined;

  // Calls the listeners present when it starts; one that throws is reported and the next one runs.
  const call = (list: List, a?: unknown, b?: unknown) => {
    const n = list.length;
    depth++;
    for (let i = 0; i < n; i += 2) {
      try {
        for (; i < n; i += 2) (list[i] as Fn)(a, b);
      } catch (error) {
        const member = list[i + 1] as Member;
        const reported = fail(
          'CONCORD-309',
          DEV &&
            `A listener or handler of "${member.app}" on contract "${first.name}" threw; the other listeners still ran and the state is unchanged. Fix the listener (what it threw is in \`details\`).`,
          error,
        );
        try {
          (member.onError ?? console.error)(reported);
        } catch {
          console.error(reported);
        }
      }
    }
    // Lists that lost listeners while listeners ran are compacted once the outermost call ends.
    if (!--depth)
      while (dirty.length) {
        const list = dirty.pop()!;
        for (let i = list.length - 2; i >= 0; i -= 2) if (list[i] === noop) list.splice(i, 2);
      }
  };

  const drop = (list: List, i: number) => {
    if (depth) {
      list[i] = noop;
      dirty.push(list);
    } else {
      // In place: splice allocates the removed pair, which doubles the cost of an unsubscribe, and so does
      // `length -= 2` instead of two pops. Removing the newest pair shifts nothing.
      for (const end = list.length - 2; i < end; i++) list[i] = list[i + 2];
      list.pop();
      list.pop();
    }
  };

  // An unsubscribe is disarmed by its first call, and by a dispose() of its app since it subscribed (which
  // removed it already): it never removes a later identical subscription of the same function.
  const add = (list: List, fn: Fn | undefined, member: Member): Unsubscribe => {
    const { d } = member;
    const epoch = d.n;
    list.push(fn, member);
    return () => {
      if (d.n === epoch)
        for (let i = list.length - 2; i >= 0; i -= 2)
          if (list[i] === fn && list[i + 1] === member) {
            fn = undefined;
            return drop(list, i);
          }
    };
  };

  const getSnapshot = () => {
    if (!snapshot) {
      snapshot = {};
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
    // No try/finally: `call` reports what listeners throw and never throws itself.
    flushing = true;
    for (let next: Slice | undefined = slice; next; next = pending.shift()) {
      for (; next; next = pending.shift()) {
        const { v, s } = next;
        if (!Object.is(v, s)) {
          next.s = v;
          call(next.l, v, s);
        }
      }
      if (all.length) call(all, getSnapshot());
    }
    flushing = false;
  };

  // Adds a contract's slices and events to the bus (existing ones keep their first definition), or throws
  // before adding anything.
  const join = (contract: AnyContract, app: string) => {
    const { version, slices: specs, events } = contract;
    const clash = Object.keys(specs).find((name) => slices[name] && slices[name].o !== specs[name]!.owner);
    if (clash || major(version) !== major(first.version))
      throw fail(
        'CONCORD-302',
        DEV &&
          `"${app}" connected contract "${contract.name}" ${version}, which cannot join the bus created by ${first.version} (${clash ? `slice "${clash}" is owned by "${specs[clash]!.owner}" in ${version} but by "${slices[clash]!.o}" on the bus` : 'another major'}); "${app}" was not connected, so the page keeps one state. Install one major of the contract in every app (share it as a singleton), or rename the contract for a separate bus.`,
      );
    for (const name in specs)
      if (!slices[name]) {
        const { owner, schema, initial } = specs[name]!;
        // Every field from the start: one hidden class for every slice keeps the write path monomorphic.
        const slice: Slice = { l: [], o: owner, c: schema, v: initial, s: initial, n: 0, w: 0 };
        slices[name] = slice;
        lists.push(slice.l);
        snapshot = undefined;
      }
    for (const name in events)
      if (!channels[name]) {
        const channel: Channel = { l: [], c: events[name]!.schema };
        channels[name] = channel;
        lists.push(channel.l);
      }
    if (!contracts.includes(version)) contracts.push(version);
  };

  const connect = (contract: AnyContract, { app, onError, onTrace }: ConnectOptions): Handle => {
    join(contract, app);
    disposals[app] ??= { n: 0 };
    const member: Member = { app, onError, d: disposals[app] };
    if (onTrace) add(tracers, onTrace, member);

    const unknown = (kind: string | false, name: PropertyKey): never => {
      throw fail(
        'CONCORD-308',
        DEV &&
          `"${app}" used ${kind} "${String(name)}", which contract "${first.name}" does not declare; nothing was read or written. Use a ${kind} of the contract, or add it in a new contract version that every app installs.`,
      );
    };
    const slice = (name: PropertyKey) => slices[name as string] ?? unknown(DEV && 'slice', name);
    const channel = (name: PropertyKey) => channels[name as string] ?? unknown(DEV && 'event', name);
    const listen = (name: unknown, fn: Fn) => add(name == null ? all : slice(name as string).l, fn, member);

    const observable = () => ({
      subscribe(observer: Fn | { next?: Fn }) {
        const next: Fn = typeof observer === 'function' ? observer : (value) => observer.next?.(value);
        next(getSnapshot());
        return { unsubscribe: listen(null, next) };
      },
    });

    const select = (name: unknown, selector: Fn, listener: Fn, isEqual: Fn = Object.is): Unsubscribe => {
      if (typeof name === 'function') return select(null, name as Fn, selector, listener);
      let last = selector(name == null ? getSnapshot() : slice(name as string).v);
      return listen(name, (value) => {
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
            'CONCORD-303',
            DEV &&
              `"${app}" tried to write slice "${String(name)}" of contract "${first.name}", which "${owner}" owns; the write was rejected and the state is unchanged. Write it from "${owner}", or emit an intent event that "${owner}" applies.`,
          );
        if (options?.version !== undefined && options.version !== version)
          throw fail(
            'CONCORD-306',
            DEV &&
              `"${app}" wrote slice "${String(name)}" from version ${options.version}, but it is at version ${version}; the write was rejected and the state is unchanged. Read the slice again and retry with its current version.`,
          );
        // After the checks that need no value: a rejected write never runs the app's updater.
        const next = typeof value === 'function' ? (value as Fn)(prev) : value;
        const changed = !Object.is(next, prev);
        const stored = changed ? check(target.c, next, name) : prev;
        target.w++;
        if (tracers.length)
          call(tracers, { app, slice: name, prev, next: stored, version: version + +changed, changed });
        if (changed) write(target, stored);
      },
      // `subscribe(listener)` or `subscribe(slice, listener)` (typeof, not arity: interop callers such as
      // Svelte's `derived` pass a second callback to `subscribe(listener)`).
      subscribe: (a: unknown, b?: Fn) => (typeof a === 'function' ? listen(null, a as Fn) : listen(a, b!)),
      select,
      emit(name: PropertyKey, payload?: unknown) {
        const { l, c } = channel(name);
        call(l, check(c, payload, name, DEV && 'event'), app);
      },
      on: (name: PropertyKey, handler: Fn) => add(channel(name).l, handler, member),
      dispose() {
        member.d.n++;
        for (const list of lists)
          for (let i = list.length - 2; i >= 0; i -= 2)
            if ((list[i + 1] as Member).app === app && list[i] !== noop) drop(list, i);
      },
      inspect(): Inspection {
        const listeners: Record<string, number> = {};
        const writes: Record<string, number> = {};
        const versions: Record<string, number> = {};
        for (const list of lists.slice(1))
          for (let i = 0; i < list.length; i += 2)
            if (list[i] !== noop) {
              const { app } = list[i + 1] as Member;
              listeners[app] = (listeners[app] ?? 0) + 1;
            }
        for (const name in slices) {
          writes[name] = slices[name]!.w;
          versions[name] = slices[name]!.n;
        }
        return {
          contract: { name: first.name, version: first.version },
          contracts: [...contracts],
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

  return { version: first.version, connect };
}
