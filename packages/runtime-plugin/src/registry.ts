// The ONE page-wide registry every plugin instance reports into. Each container bundles its own copy
// of this package (possibly another version), so the registry is plain data under a `Symbol.for` key —
// a protocol, not a class — and every field below is part of it.
import type { Federation, ModuleFederation } from '@module-federation/runtime';
import type { Shared } from '@module-federation/runtime/types';
import { DEFAULTS, type ResolvedOptions } from './options';
import { report } from './report';
import type { AppRef, ConcordDiagnostic } from './types';
import { VERSION } from './version';

/** A federation instance (any runtime copy on the page: its own `version`, 2.6 or newer when tested). */
export type Instance = ModuleFederation;
/** One declared share, or one share-scope slot. */
export type Share = Shared;

/** What Concord reads on `globalThis`. Everything there may come from other code: read it guarded. */
export interface Page {
  __FEDERATION__?: Federation;
  /** @module-federation/vite's module cache: `scope:pkg[@version]` → module, and who filed each. */
  __mf_module_cache__?: { share?: Record<string, unknown> & { [OWNERS]?: Record<string, string> } };
}

export const OWNERS = Symbol.for('module-federation.shared-cache-owners');

/** `globalThis`, as Concord reads it. */
export const page = globalThis as typeof globalThis & Page;

export interface Container extends AppRef {
  /** The federation container name (`from` in the share scope). */
  name: string;
  options: ResolvedOptions;
  instance: Instance;
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

/** Whether a value on the page has the registry's shape (another Concord version may leave another). */
const usable = (r: unknown): r is Registry => {
  try {
    const x = r as Registry;
    return (
      x.diagnostics instanceof Map &&
      x.containers instanceof Map &&
      x.blocked instanceof Map &&
      x.listeners instanceof Set &&
      x.watch instanceof Set &&
      x.providers instanceof WeakMap
    );
  } catch {
    return false;
  }
};

/** This copy's own registry, while the page's cannot be used (CONCORD-209). */
let own: Registry | undefined;

/**
 * The page-wide registry, created on first use. When the page holds something else under the key (a
 * registry of another shape, a throwing or read-only property), this copy keeps a registry of its own and
 * says so once (CONCORD-209). Never throws.
 */
export function registry(): Registry {
  const g = page as unknown as Record<symbol, unknown>;
  let found: unknown;
  let present = true;
  let why: string | undefined;
  try {
    found = g[KEY];
    present = KEY in g;
  } catch {
    why = 'a property that throws';
  }
  if (usable(found)) return found;
  // A page without the key (a fresh page, or one reset by a test) gets a new shared registry.
  if (!present) own = undefined;
  if (own) return own;
  const r: Registry = {
    version: VERSION,
    diagnostics: new Map(),
    containers: new Map(),
    listeners: new Set(),
    providers: new WeakMap(),
    blocked: new Map(),
    watch: new Set(DEFAULTS.watch),
  };
  try {
    if (!present) {
      g[KEY] = r;
      if (g[KEY] === r) return r;
    }
  } catch {
    // A frozen globalThis, a setter that throws: fall through.
  }
  own = r;
  let detail = why ?? (present ? `a value of type ${typeof found}` : 'a key that cannot be written');
  try {
    if (found && typeof found === 'object')
      detail = `a registry of version ${String((found as Registry).version)}`;
  } catch {
    // A proxy that throws: the type is all there is to say.
  }
  report(r, 'CONCORD-209', '', '', { versions: [VERSION], detail });
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
  const shared = c?.instance?.options?.shared;
  return c && !!(shared && Object.hasOwn(shared, pkg) && shared[pkg]?.length);
};
