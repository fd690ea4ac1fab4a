// The ONE page-wide registry every plugin instance reports into. Each container bundles its own copy
// of this package (possibly another version), so the registry is plain data under a `Symbol.for` key —
// a protocol, not a class — and every field below is part of it.
import { DEFAULTS, type ResolvedOptions } from './options';
import type { AppRef, ConcordDiagnostic } from './types';
import { VERSION } from './version';

/** A federation instance as far as Concord reads it (any runtime copy, 2.5+). */
// biome-ignore lint/suspicious/noExplicitAny: boundary with foreign runtime objects of any version
export type Federation = any;

export interface Container extends AppRef {
  /** The federation container name (`from` in the share scope). */
  name: string;
  options: ResolvedOptions;
  instance: Federation;
}

export interface Registry {
  /** Version of the plugin copy that created the registry (the protocol's version). */
  version: string;
  /** Findings by de-duplication key, in the order they were first seen. */
  diagnostics: Map<string, ConcordDiagnostic>;
  /** Containers running a Concord plugin, by federation name. */
  containers: Map<string, Container>;
  /** `onDiagnostic` callbacks of every plugin instance. */
  listeners: Set<(d: ConcordDiagnostic) => void>;
  /** Share-scope entry → the container that really provided it (`from` is overwritten on load). */
  providers: WeakMap<object, string>;
  /** Containers whose exposes must fail in `throw` mode (their share choices bypass the hooks). */
  blocked: Map<string, ConcordDiagnostic>;
  /** Union of every plugin instance's watched packages. */
  watch: Set<string>;
  /** Something changed since the last scan (the first scan comes from a change or an API call). */
  dirty?: boolean;
  /** A scan is scheduled. */
  timer?: unknown;
}

const KEY = Symbol.for('concord.registry');

/** The page-wide registry, created on first use. */
export function registry(): Registry {
  const g = globalThis as Record<symbol, Registry | undefined>;
  let r = g[KEY];
  if (!r?.diagnostics) {
    r = g[KEY] = {
      version: VERSION,
      diagnostics: new Map(),
      containers: new Map(),
      listeners: new Set(),
      providers: new WeakMap(),
      blocked: new Map(),
      watch: new Set(DEFAULTS.watch),
    };
  }
  return r;
}

/** App and bundler of a container name; containers without Concord keep their name. */
export const appOf = (r: Registry, name: unknown): AppRef => {
  const c = r.containers.get(name as string);
  return { app: c?.app ?? (name as string), bundler: c?.bundler ?? 'unknown' };
};

/** Containers registered for a Concord app name. */
export const containersOf = (r: Registry, app: string): Container[] =>
  [...r.containers.values()].filter((c) => c.app === app);

/** Whether the app shares `pkg` (`undefined` when no container of that app runs Concord). */
export const shares = (r: Registry, app: string, pkg: string): boolean | undefined => {
  const c = containersOf(r, app)[0];
  return c && !!c.instance?.options?.shared?.[pkg]?.length;
};
