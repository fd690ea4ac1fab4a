// What the panel knows about the page, read ONLY through public surfaces: the runtime plugin's
// `window.__CONCORD__` (getDiagnostics, getInstances), Module Federation's `__FEDERATION__` global and
// the beacon protocol array. Never the plugin's registry: the panel must keep working with any copy of
// the plugin on the page.
import type { ConcordDiagnostic, LiveCopy } from '../types';

// biome-ignore lint/suspicious/noExplicitAny: boundary with foreign globals of any version
type Any = any;
const G = globalThis as Any;

/** `window.__CONCORD__`, set by the first Concord runtime plugin on the page. */
export const concord = (): Any => G.__CONCORD__;

/** Every finding on the page (`getDiagnostics()`), or none when no runtime plugin is there. */
export function diagnostics(): ConcordDiagnostic[] {
  try {
    return concord()?.getDiagnostics() ?? [];
  } catch {
    return [];
  }
}

/** The live copies of every package (`getInstances()`). */
export function instances(): Record<string, LiveCopy[]> {
  try {
    return concord()?.getInstances() ?? {};
  } catch {
    return {};
  }
}

/** The federation instances (containers) on the page. */
export const containers = (): Any[] => G.__FEDERATION__?.__INSTANCES__ ?? [];

/** What the badge shows. */
export interface Summary {
  /** Apps on the page, by name. */
  apps: string[];
  errors: number;
  warnings: number;
  /** Watched packages live in more than one copy. */
  split: string[];
  /** Codes of the error findings, to tell a new one from those already seen. */
  errorKeys: string[];
}

/** A finding's identity, as the runtime plugin de-duplicates it closely enough for "is it new". */
export const keyOf = (d: ConcordDiagnostic) =>
  `${d.code}|${d.package}|${d.consumer?.app ?? ''}|${d.versions.join(',')}`;

/** The apps a page shows: containers, and every app a live copy or a finding names. */
export function appsOf(list: ConcordDiagnostic[], copies: Record<string, LiveCopy[]>): string[] {
  const apps = new Set<string>();
  for (const c of containers()) if (typeof c?.options?.name === 'string') apps.add(c.options.name);
  for (const pkg in copies) for (const c of copies[pkg]!) apps.add(c.app);
  for (const d of list) for (const a of [d.consumer, d.provider]) if (a?.app) apps.add(a.app);
  return [...apps].sort();
}

/**
 * Watched packages live in more than one copy. Only watched packages carry beacons, and a 202 finding
 * names one: a non-singleton such as nanoid, legitimately in two versions, is not counted.
 */
export const splitPackages = (list: ConcordDiagnostic[], copies: Record<string, LiveCopy[]>): string[] =>
  Object.keys(copies).filter(
    (p) =>
      copies[p]![1] &&
      (copies[p]!.some((c) => c.source === 'beacon') ||
        list.some((d) => d.code === 'CONCORD-202' && d.package === p)),
  );

export function summarize(): Summary {
  const list = diagnostics();
  const copies = instances();
  const errors = list.filter((d) => d.severity === 'error');
  return {
    apps: appsOf(list, copies),
    errors: errors.length,
    warnings: list.length - errors.length,
    split: splitPackages(list, copies),
    errorKeys: errors.map(keyOf),
  };
}
