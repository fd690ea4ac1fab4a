// The snapshot bus of one contract. Everything an app does goes through the handle `connect` builds here,
// so the code of the FIRST copy of the library that created the bus serves every copy on the page: the only
// surface shared between copies is `BusLink.connect` (see registry.ts).
//
// Hot path: each slice keeps its listeners in one flat array, `[listener, member, listener, member, …]`
// (the member is read only when a listener throws, when an app disposes, and by inspect). A write that
// changes nothing returns after one Object.is; a write that changes a slice runs that slice's listeners and
// nobody else's; nothing is allocated on either path.
import { type ConcordError, DEV, fail } from './errors';
import type { StandardSchemaV1 } from './standard-schema';
import type {
  AnyContract,
  ConnectOptions,
  CopyInfo,
  EventSpec,
  Handle,
  Inspection,
  SliceSpec,
  Unsubscribe,
} from './types';
import { check } from './validate';

// biome-ignore lint/suspicious/noExplicitAny: listeners of every shape share the arrays; types are per handle.
type Fn = (a?: any, b?: any) => any;

/** One `connect` call: who registered a listener, and where its errors go. */
interface Member {
  app: string;
  onError?: ((error: ConcordError) => void) | undefined;
}

/** `[listener, member, listener, member, …]`, in subscription order. */
type List = unknown[];

interface Slice {
  l: List;
  owner: string;
  schema: StandardSchemaV1 | undefined;
  value: unknown;
  /** The value this slice's listeners last received. */
  sent: unknown;
  /** Writes that changed the value. */
  version: number;
  /** Accepted writes, changed or not. */
  writes: number;
  queued: boolean;
}

interface Channel {
  l: List;
  schema: StandardSchemaV1 | undefined;
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

const throwing = (error: ConcordError): never => {
  throw error;
};

/* @__NO_SIDE_EFFECTS__ */
export function createBus(first: AnyContract, copies: CopyInfo[]): BusLink {
  const slices: Record<string, Slice> = Object.create(null);
  const channels: Record<string, Channel> = Object.create(null);
  const all: List = [];
  const tracers: List = [];
  const joined = new Set<AnyContract>();
  const pending: Slice[] = [];
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
    if (!--depth && dirty.length)
      for (const list of dirty.splice(0)) {
        let j = 0;
        for (let i = 0; i < list.length; i += 2)
          if (list[i] !== noop) {
            list[j++] = list[i];
            list[j++] = list[i + 1];
          }
        list.length = j;
      }
  };

  const drop = (list: List, i: number) => {
    if (depth) {
      list[i] = noop;
      dirty.push(list);
    } else {
      // In place (splice would allocate the removed pair); removing the newest pair shifts nothing.
      for (const end = list.length - 2; i < end; i++) list[i] = list[i + 2];
      list.pop();
      list.pop();
    }
  };

  const add = (list: List, fn: Fn, member: Member): Unsubscribe => {
    list.push(fn, member);
    let on = true;
    return () => {
      if (on) {
        on = false;
        for (let i = list.length - 2; i >= 0; i -= 2)
          if (list[i] === fn && list[i + 1] === member) return drop(list, i);
      }
    };
  };

  // Every listener list but the tracers': snapshot, slices, events.
  const lists = (): List[] => [
    all,
    ...Object.values(slices).map((slice) => slice.l),
    ...Object.values(channels).map((channel) => channel.l),
  ];

  const getSnapshot = () => {
    if (!snapshot) {
      snapshot = {};
      for (const name in slices) snapshot[name] = slices[name]!.value;
      if (DEV) Object.freeze(snapshot);
    }
    return snapshot;
  };

  // Applies a validated value. A write made while listeners run is queued and notified after them, in
  // order, so no listener sees an older value after a newer one and every listener ends on the final state.
  const write = (slice: Slice, value: unknown) => {
    slice.value = value;
    slice.version++;
    snapshot = undefined;
    if (flushing) {
      if (!slice.queued) pending.push(slice);
      slice.queued = true;
      return;
    }
    flushing = true;
    try {
      for (let next: Slice | undefined = slice; next; next = pending.shift()) {
        for (; next; next = pending.shift()) {
          const { value, sent } = next;
          next.queued = false;
          if (!Object.is(value, sent)) {
            next.sent = value;
            call(next.l, value, sent);
          }
        }
        if (all.length) call(all, getSnapshot());
      }
    } finally {
      flushing = false;
    }
  };

  const join = (contract: AnyContract) => {
    const conflict = (why: string | false) =>
      fail(
        'CONCORD-302',
        DEV &&
          `Contract "${contract.name}" ${contract.version} cannot join the bus created by ${first.version} ${why}; this app was not connected, so the page keeps one state. Install one major of the contract in every app (share it as a singleton), or rename the contract for a separate bus.`,
      );
    const specs: Record<string, SliceSpec> = contract.slices;
    const events: Record<string, EventSpec> = contract.events;
    if (major(contract.version) !== major(first.version)) throw conflict(DEV && '(another major)');
    for (const name in specs)
      if (slices[name] && slices[name].owner !== specs[name]!.owner)
        throw conflict(DEV && `(slice "${name}" has another owner: "${specs[name]!.owner}")`);
    for (const name in specs) {
      const { owner, schema, initial } = specs[name]!;
      // Every field from the start: one hidden class for every slice keeps the write path monomorphic.
      slices[name] ??= {
        l: [],
        owner,
        schema,
        value: initial,
        sent: initial,
        version: 0,
        writes: 0,
        queued: false,
      };
    }
    for (const name in events) channels[name] ??= { l: [], schema: events[name]!.schema };
    joined.add(contract);
    snapshot = undefined;
  };

  const connect = (contract: AnyContract, { app, onError, onTrace }: ConnectOptions): Handle => {
    if (!joined.has(contract)) join(contract);
    const member: Member = { app, onError };
    if (onTrace) add(tracers, onTrace, member);

    const unknown = (kind: string, name: PropertyKey) =>
      throwing(
        fail(
          'CONCORD-308',
          DEV &&
            `"${app}" used ${kind} "${String(name)}", which contract "${first.name}" does not declare; nothing was read or written. Use a ${kind} of the contract, or add it in a new contract version that every app installs.`,
        ),
      );
    const slice = (name: PropertyKey) => slices[name as string] ?? unknown('slice', name);
    const channel = (name: PropertyKey) => channels[name as string] ?? unknown('event', name);
    const subscribe = (name: unknown, fn: Fn) =>
      add(name == null ? all : slice(name as string).l, fn, member);

    const observable = () => ({
      subscribe(observer: Fn | { next?: Fn }) {
        const next: Fn = typeof observer === 'function' ? observer : (value) => observer.next?.(value);
        next(getSnapshot());
        return { unsubscribe: subscribe(null, next) };
      },
    });

    const handle = {
      app,
      contract,
      get: (name: PropertyKey) => slice(name).value,
      getSnapshot,
      version: (name: PropertyKey) => slice(name).version,
      set(name: PropertyKey, value: unknown, options?: { version?: number }) {
        const target = slice(name);
        const { owner, value: prev, version } = target;
        if (owner !== app)
          throw fail(
            'CONCORD-303',
            DEV &&
              `"${app}" tried to write slice "${String(name)}" of contract "${first.name}", which "${owner}" owns; the write was rejected and the state is unchanged. Write it from "${owner}", or emit an intent event that "${owner}" applies.`,
          );
        const next = typeof value === 'function' ? (value as Fn)(prev) : value;
        if (options?.version !== undefined && options.version !== version)
          throw fail(
            'CONCORD-306',
            DEV &&
              `"${app}" wrote slice "${String(name)}" from version ${options.version}, but it is at version ${version}; the write was rejected and the state is unchanged. Read the slice again and retry with its current version.`,
          );
        const changed = !Object.is(next, prev);
        const stored = changed ? check(target.schema, next, 'slice', name) : prev;
        target.writes++;
        if (tracers.length)
          call(tracers, { app, slice: name, prev, next: stored, version: version + +changed, changed });
        if (changed) write(target, stored);
      },
      subscribe: (a: unknown, b?: Fn) =>
        typeof a === 'function' ? subscribe(null, a as Fn) : subscribe(a, b!),
      select(...args: unknown[]): Unsubscribe {
        if (typeof args[0] === 'function') args.unshift(null);
        const [name, selector, listener, isEqual = Object.is] = args as [unknown, Fn, Fn, Fn?];
        let last = selector(name == null ? getSnapshot() : slice(name as string).value);
        return subscribe(name, (value) => {
          const next = selector(value);
          if (!isEqual(last, next)) {
            const prev = last;
            last = next;
            listener(next, prev);
          }
        });
      },
      emit(name: PropertyKey, payload?: unknown) {
        const { l, schema } = channel(name);
        call(l, check(schema, payload, 'event', name), app);
      },
      on: (name: PropertyKey, handler: Fn) => add(channel(name).l, handler, member),
      dispose() {
        for (const list of [tracers, ...lists()])
          for (let i = list.length - 2; i >= 0; i -= 2)
            if ((list[i + 1] as Member).app === app && list[i] !== noop) drop(list, i);
      },
      inspect(): Inspection {
        const listeners: Record<string, number> = {};
        const writes: Record<string, number> = {};
        const versions: Record<string, number> = {};
        for (const list of lists())
          for (let i = 0; i < list.length; i += 2)
            if (list[i] !== noop) {
              const { app } = list[i + 1] as Member;
              listeners[app] = (listeners[app] ?? 0) + 1;
            }
        for (const name in slices) {
          writes[name] = slices[name]!.writes;
          versions[name] = slices[name]!.version;
        }
        return {
          contract: { name: first.name, version: first.version },
          contracts: [...new Set([...joined].map((c) => c.version))],
          listeners,
          writes,
          versions,
          copies: copies.map((copy) => ({ ...copy })),
        };
      },
      '@@observable': observable,
    };
    const symbol = (Symbol as { observable?: symbol }).observable;
    if (symbol) (handle as Record<symbol, unknown>)[symbol] = observable;
    return handle as unknown as Handle;
  };

  return { version: first.version, connect };
}
