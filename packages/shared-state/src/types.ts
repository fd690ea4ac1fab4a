// Public types. One source of truth: a contract's slice and event maps (`S`, `E`) flow from
// `defineContract` into every handle method, so a wrong slice name or value type fails to compile.
import type { ConcordError } from './errors';
import type { StandardSchemaV1 } from './standard-schema';

/** One slice of shared state: exactly one app writes it. */
export interface SliceSpec<T = unknown> {
  /** The only app allowed to `set` this slice (the `app` it passes to `connect`). */
  readonly owner: string;
  /** The value before anyone writes. Its type is the slice's type unless `schema` says otherwise. */
  readonly initial: T;
  /** A Standard Schema (Zod 4, Valibot 1, ArkType…) every write must pass, synchronously. */
  readonly schema?: StandardSchemaV1<unknown, T> | undefined;
  /**
   * May cross browser tabs through the `./broadcast` adapter.
   * @default false
   */
  readonly broadcast?: boolean | undefined;
  /**
   * Never leaves the page (tokens, personal data): never broadcast, never accepted from another tab.
   * @default false
   */
  readonly sensitive?: boolean | undefined;
}

/** An event: a memoryless notification or intent. Create it with `event<T>()` or `event(schema)`. */
export interface EventSpec<T = unknown> {
  readonly schema?: StandardSchemaV1<unknown, T> | undefined;
  /** Type carrier only; never present at run time. */
  readonly '~payload'?: T;
}

/** What `defineContract` takes. */
export interface ContractDefinition<S, E> {
  /** The bus name: every app that connects a contract of this name shares one bus on the page. */
  readonly name: string;
  /** Semver `major.minor.patch`: contracts of the same name and major (or `0.minor`) share a bus. */
  readonly version: string;
  readonly slices: { readonly [K in keyof S]: SliceSpec<S[K]> };
  readonly events?: { readonly [K in keyof E]: EventSpec<E[K]> };
}

/** A frozen contract, as `defineContract` returns it. */
export interface Contract<S = Record<string, unknown>, E = Record<string, unknown>> {
  readonly name: string;
  readonly version: string;
  readonly slices: { readonly [K in keyof S]: Readonly<SliceSpec<S[K]>> };
  readonly events: { readonly [K in keyof E]: Readonly<EventSpec<E[K]>> };
  /** Every slice's initial value: the snapshot before any write (and React's server snapshot). */
  readonly initial: Snapshot<S>;
  /** Type carrier only; never present at run time. */
  readonly '~types'?: { readonly slices: S; readonly events: E };
}

/** Any contract: the boundary where the slice and event maps are not known. */
// biome-ignore lint/suspicious/noExplicitAny: a contract of unknown shape; handles recover the types.
export type AnyContract = Contract<any, any>;
/** Any handle: the boundary of adapters that work with every contract. */
// biome-ignore lint/suspicious/noExplicitAny: a handle of unknown shape.
export type AnyHandle = Handle<any, any>;
export type SlicesOf<C> = C extends Contract<infer S, unknown> ? S : never;
export type EventsOf<C> = C extends Contract<unknown, infer E> ? E : never;

/** `describeContract`'s JSON-serialisable description (read by the build plugins and the report). */
export interface ContractDescription {
  name: string;
  version: string;
  slices: Record<string, { owner: string; broadcast: boolean; sensitive: boolean; fields: string[] }>;
  events: string[];
}

export type Unsubscribe = () => void;
export type Snapshot<S> = { readonly [K in keyof S]: S[K] };
export type Updater<T> = (prev: T) => T;
/** Arguments of `emit`: the payload is optional when the event carries none. */
// biome-ignore lint/suspicious/noConfusingVoidType: `event()` without a type argument declares a void payload.
export type EmitArgs<T> = [T] extends [void] ? [payload?: undefined] : [payload: T];

/** A record of one write, given to `onTrace`. */
export interface Trace {
  /** The writing app. */
  app: string;
  slice: string;
  prev: unknown;
  next: unknown;
  /** The slice's version after the write (unchanged when the value was unchanged). */
  version: number;
  changed: boolean;
}

export interface ConnectOptions {
  /** This app's name: the `owner` of the slices it may write. */
  app: string;
  /**
   * Receives errors of this app's listeners and handlers (CONCORD-309), which never reach the writer.
   * @default console.error
   */
  onError?: ((error: ConcordError) => void) | undefined;
  /**
   * Called for every accepted write on the bus, by any app, once its checks passed and before its listeners
   * run, so `get` still returns `prev` there (devtools, tracing).
   * @default undefined
   */
  onTrace?: ((trace: Trace) => void) | undefined;
}

/** What `inspect()` reports about the bus (leak detection, devtools). */
export interface Inspection {
  contract: { name: string; version: string };
  /** Every contract version that connected to this bus. */
  contracts: string[];
  /** Live listeners (slice, snapshot and selector subscriptions, event handlers) per app that has any. */
  listeners: Record<string, number>;
  /** Accepted writes per slice, changed or not (rejected writes throw and are not counted). */
  writes: Record<string, number>;
  /** Each slice's version, the number of writes that changed it: what `set(…, { version })` expects. */
  versions: Record<string, number>;
  /** The copies of @concord/shared-state that connected on this page. */
  copies: CopyInfo[];
}

export interface CopyInfo {
  version: string;
  protocol: number;
}

declare global {
  interface SymbolConstructor {
    /** The interop Observable key, declared as rxjs and Redux declare it (undefined unless polyfilled). */
    readonly observable: symbol;
  }
}

/** What `handle[Symbol.observable]()` returns: enough for rxjs `from(handle)` and other interop consumers. */
export interface InteropObservable<T> {
  subscribe(observer: ((value: T) => void) | { next?: (value: T) => void }): { unsubscribe(): void };
}

/** One app's handle on the page-wide bus of a contract. */
export interface Handle<S = Record<string, unknown>, E = Record<string, unknown>> {
  readonly app: string;
  readonly contract: Contract<S, E>;
  /** The current value of a slice. */
  get<K extends keyof S>(slice: K): S[K];
  /** Every slice's value; the same object until something changes (useSyncExternalStore's contract). */
  getSnapshot(): Snapshot<S>;
  /** The slice's version: it grows by one with each write that changes the value. */
  version(slice: keyof S): number;
  /**
   * Writes a slice this app owns. Throws a ConcordError (and leaves the state as it was) when the app
   * is not the owner (CONCORD-303), the value fails the schema (304) or the schema is async (305), the
   * `version` is stale (306), or the value holds `__proto__`, `constructor` or `prototype` keys (307).
   * @example cart.set('cart', (c) => ({ ...c, count: c.count + 1 }), { version: cart.version('cart') })
   */
  set<K extends keyof S>(slice: K, value: S[K] | Updater<S[K]>, options?: { version?: number }): void;
  /** Calls `listener(snapshot)` after changes (once per batch of nested writes). Throws CONCORD-313 for a non-function. */
  subscribe(listener: (snapshot: Snapshot<S>) => void): Unsubscribe;
  /** Calls `listener(value, prev)` after each change of one slice. */
  subscribe<K extends keyof S>(slice: K, listener: (value: S[K], prev: S[K]) => void): Unsubscribe;
  /** Calls `listener` when `selector(snapshot)` changes, compared with `isEqual` (default Object.is). */
  select<T>(
    selector: (snapshot: Snapshot<S>) => T,
    listener: (value: T, prev: T) => void,
    isEqual?: (a: T, b: T) => boolean,
  ): Unsubscribe;
  /** Calls `listener` when `selector(value)` of one slice changes; runs only when that slice changes. */
  select<K extends keyof S, T>(
    slice: K,
    selector: (value: S[K]) => T,
    listener: (value: T, prev: T) => void,
    isEqual?: (a: T, b: T) => boolean,
  ): Unsubscribe;
  /** Sends an event to every handler now (memoryless: a handler added later never sees it). */
  emit<K extends keyof E>(event: K, ...payload: EmitArgs<E[K]>): void;
  /** Handles an event; `from` is the emitting app. */
  on<K extends keyof E>(event: K, handler: (payload: E[K], from: string) => void): Unsubscribe;
  /**
   * Removes every listener, handler and tracer of this app on the bus (through any of its handles), e.g. when
   * a remote unmounts. The handle stays usable: a remote mounted again subscribes again.
   */
  dispose(): void;
  inspect(): Inspection;
  /** Interop Observable of snapshots (current one first), e.g. rxjs `from(handle)`. */
  [Symbol.observable](): InteropObservable<Snapshot<S>>;
  '@@observable'(): InteropObservable<Snapshot<S>>;
}
