// Records a finding once per page, prints it once, tells the listeners once.
import { ConcordError } from './error';
import { DEFAULTS, modeFor, type ResolvedOptions } from './options';
import { containersOf, type Registry } from './registry';
import type { AppRef, ConcordDiagnostic, DiagnosticCode, LiveCopy } from './types';

/** What a check knows about a finding; copied onto the diagnostic. */
export interface Facts {
  consumer?: AppRef;
  provider?: AppRef;
  versions: string[];
  requiredVersion?: string | null;
  copies?: LiveCopy[];
  detail?: string;
}

const ref = (a?: AppRef) => `"${a?.app}" (${a?.bundler})`;
const range = (r: unknown) => JSON.stringify(r) ?? 'undefined';

// [what happened, consequence, fix] per code: the product's voice (STYLE.md "Diagnostics"). Referenced
// only in development builds, so production bundles drop every sentence.
const TEXT: Record<number, (pkg: string, f: Facts) => [string, string, string]> = {
  201: (p, f) => [
    `${ref(f.consumer)} requires ${f.requiredVersion} but the page runs ${f.versions[0]} from ${ref(f.provider)}`,
    'its code runs against a version it was not built for',
    `align ${f.consumer?.app}'s ${p} with ${f.versions[0]} or widen its requiredVersion`,
  ],
  202: (p, f) => [
    `${f.copies?.length} copies are live: ${f.copies?.map((c) => `${c.version} from ${ref(c)}`).join(', ')}`,
    'state and context split between them',
    `share ${p} as a singleton with one compatible range in every app`,
  ],
  203: (p, f) => [
    `${ref(f.consumer)} runs a private copy (${f.versions[0]}) because it does not share ${p}`,
    'its state is invisible to the other apps',
    `add ${p} to the shared config of "${f.consumer?.app}" as a singleton`,
  ],
  204: (p, f) => [
    `singleton is declared by ${ref(f.provider)} but not by ${ref(f.consumer)}`,
    'the non-singleton side can load a copy of its own',
    `declare ${p} with singleton: true in every app`,
  ],
  205: (p, f) => [
    `${ref(f.consumer)} found no provider for ${range(f.requiredVersion)} among [${f.versions}] and fell back to its bundled copy`,
    'a second copy now runs silently',
    `align ${p} across apps or widen the range in "${f.consumer?.app}"`,
  ],
  206: (_, f) => [
    `${ref(f.consumer)} declares requiredVersion ${range(f.requiredVersion)}${f.provider ? ` while ${ref(f.provider)} provides ${f.versions[1]}` : ''}`,
    'the runtime cannot check it as intended',
    `set requiredVersion to a range such as ^${f.versions[0]}`,
  ],
  207: (_, f) => [
    `internal fault in ${f.detail}`,
    'loading went on but checks may be incomplete',
    'report this message to Concord',
  ],
};

/**
 * The line printed and thrown for a diagnostic. Production builds (the bundler replaces
 * `process.env.NODE_ENV`) print the code and the docs link only.
 */
export const line = (d: ConcordDiagnostic) =>
  process.env.NODE_ENV === 'production'
    ? `[concord] ${d.code} ${d.docs}`
    : `[concord] ${d.code} ${d.package ? `${d.package}: ` : ''}${d.message} Fix: ${d.fix}. See ${d.docs}`;

/**
 * Records the finding unless its mode is `off` — the consumer app's own options decide,
 * else the reporting instance's — and prints and notifies only the first time. Returns the diagnostic
 * (the one recorded first, when the finding is already known).
 */
export function report(
  r: Registry,
  code: number,
  pkg: string,
  id: string,
  facts: Facts,
  fallback?: ResolvedOptions,
): ConcordDiagnostic | undefined {
  const mode = modeFor(
    containersOf(r, facts.consumer?.app as string)[0]?.options ?? fallback ?? DEFAULTS,
    pkg,
  );
  if (mode === 'off') return;
  // The de-duplication key: one finding per code, package and `id` (the consumer app, mostly).
  const key = `${code}|${pkg}|${id}`;
  let d = r.diagnostics.get(key);
  if (d) return d;
  const docs = `docs/diagnostics.md#concord-${code}`;
  d = {
    code: `CONCORD-${code}` as DiagnosticCode,
    severity: code > 205 || code === 204 ? 'warning' : 'error',
    package: pkg,
    // Production builds carry the docs link in place of the sentences.
    message: docs,
    fix: docs,
    docs,
    mode,
    ...facts,
  };
  if (process.env.NODE_ENV !== 'production') {
    const [what, consequence, fix] = TEXT[code]!(pkg, facts);
    Object.assign(d, { message: `${what}; ${consequence}.`, fix });
  }
  r.diagnostics.set(key, d);
  if (process.env.NODE_ENV === 'production') console.warn(line(d));
  else {
    console.groupCollapsed(line(d));
    console.warn(d);
    console.groupEnd();
  }
  for (const listener of r.listeners)
    try {
      listener(d);
    } catch (e) {
      if (code !== 207) fault(r, 'onDiagnostic', e);
    }
  return d;
}

/** An internal fault: recorded as CONCORD-207, never thrown. */
export const fault = (r: Registry, where: string, e: unknown) => {
  try {
    report(r, 207, '', where, { versions: [], detail: `${where}: ${e}` });
  } catch {
    // Even the console can be broken; the app's load must not be.
  }
};

/** The error thrown at an offending load in `throw` mode. */
export const failure = (d: ConcordDiagnostic) => new ConcordError(d.code, line(d), d);
