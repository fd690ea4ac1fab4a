// What every per-package check reads: the package's declarations, what the runtime hands each of them, and
// helpers that name apps and versions the same way in every message.
import type { Finding, ProviderRef } from '../types';
import type { App, AppDecl } from './apps';
import type { LiveCopy } from './checks/copies';
import type { Resolution, Satisfies } from './share-scope';

export interface PackageContext {
  pkg: string;
  /** The apps that declare `pkg`, in app order. */
  users: readonly AppDecl[];
  byName: Map<string, App>;
  /** Aligned with `users`. */
  resolutions: Resolution[];
  /** Distinct provided versions, highest first. */
  versions: string[];
  selected: ProviderRef | null;
  watched: boolean;
  findings: Finding[];
  satisfies: Satisfies;
  /** Vite non-singletons of one declared version whose outcome depends on which starts first. */
  races: Map<string, number[]>;
  /**
   * The live copies, once a check has asked (checks/copies.ts `liveCopies`). Present from the start, as
   * `undefined`: a field added later would give the context a hidden class that dies with each report.
   */
  live: readonly LiveCopy[] | undefined;
}

/** `5.1.0 from "host" (vite)`. */
export const from = (p: ProviderRef, apps: Map<string, App>): string =>
  `${p.version} from ${apps.get(p.app)!.label}`;

/** `4.5.7 (requiredVersion ^4.5.7)`: what an app declares, for messages. */
export const declaration = (d: AppDecl): string =>
  `${d.version}${d.requiredVersion === null ? '' : ` (requiredVersion ${d.requiredVersion})`}`;

/**
 * `capped(items.map(label), max)` without labelling the items a message leaves out (a finding about 2,000
 * apps names eight).
 */
export function labels<T>(items: readonly T[], label: (item: T) => string, max = 8): string[] {
  const over = items.length > max;
  const n = over ? max - 1 : items.length;
  const out = new Array<string>(n);
  for (let i = 0; i < n; i++) out[i] = label(items[i]!);
  if (over) out.push(`${items.length - max + 1} more`);
  return out;
}

// Module-level helpers for the per-package checks. An arrow written inside a check is a new closure per package,
// and V8 kept recompiling those closures on every report (`--trace-opt`: about 5 compilations a report, some
// 10 ms of background CPU at 1,000 apps); one function for the module's life is compiled once.

/** The names of the declaring apps, in order (a finding's `apps`). */
export function appsOf(users: readonly AppDecl[]): string[] {
  const out = new Array<string>(users.length);
  for (let i = 0; i < users.length; i++) out[i] = users[i]!.app;
  return out;
}

/** The declarations that share the package as a singleton (`true`) or not (`false`), in order. */
export function bySingleton(users: readonly AppDecl[], singleton: boolean): AppDecl[] {
  const out: AppDecl[] = [];
  for (const d of users) if (d.singleton === singleton) out.push(d);
  return out;
}

/** `"cart" (vite)`: the declaring app, as messages name it. */
export const ownerLabel = (d: AppDecl): string => d.owner.label;
/** `"cart"`: the declaring app's name, quoted. */
export const quotedApp = (d: AppDecl): string => `"${d.app}"`;
/** `"cart" (vite)`: an app, as messages name it. */
export const appLabelOf = (a: App): string => a.label;
/** `"cart"`: an app's name, quoted. */
export const quotedName = (a: App): string => `"${a.name}"`;

/** Whether every declaration shares the package as a singleton (`true`) or every one does not (`false`). */
export function allShareAs(users: readonly AppDecl[], singleton: boolean): boolean {
  for (const d of users) if (d.singleton !== singleton) return false;
  return true;
}
