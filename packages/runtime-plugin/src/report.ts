// Records a finding once per page, prints it once, tells the listeners once.
import { CODES, type DiagnosticCode, type Facts } from './codes';
import { ConcordError } from './error';
import { DEFAULTS, docsOf, modeFor, type ResolvedOptions } from './options';
import { containersOf, type Registry } from './registry';
import type { AppRef, ConcordDiagnostic } from './types';

export type { Facts } from './codes';

const ref = (a?: AppRef) => `"${a?.app}" (${a?.bundler})`;

/**
 * The line printed and thrown for a diagnostic. Development builds print the full sentence; production
 * builds (the bundler replaces `process.env.NODE_ENV`) a compact line that still stands alone: the code,
 * the package, the consumer app + bundler + range, the provider app + version (or every live copy), and
 * the absolute docs link.
 * @example [concord] CONCORD-201 zustand: "catalog" (rspack) requires ^4.0.0, runs 5.1.0 from "host" (vite). https://…/diagnostics.md#concord-201
 */
export const line = (d: ConcordDiagnostic) =>
  process.env.NODE_ENV === 'production'
    ? `[concord] ${d.code} ${[
        d.package,
        d.consumer &&
          `${ref(d.consumer)}${d.requiredVersion === undefined ? '' : ` requires ${d.requiredVersion}`}`,
        d.provider
          ? `runs ${d.versions[0]} from ${ref(d.provider)}`
          : d.copies
            ? d.copies.map((c) => `${c.version} from ${ref(c)}`).join(', ')
            : d.versions.join(', '),
        d.detail,
      ]
        .filter(Boolean)
        .join(': ')}. ${d.docs}`
    : `[concord] ${d.code} ${d.package ? `${d.package}: ` : ''}${d.message} Fix: ${d.fix}. See ${d.docs}`;

/** Calls a console method; a console that throws cannot stop a finding from being recorded or thrown. */
const say = (k: 'warn' | 'groupCollapsed' | 'groupEnd', ...args: unknown[]) => {
  try {
    console[k](...args);
  } catch {
    // A fail-on-console test runner, a page that replaced console: the finding is still recorded.
  }
};

/**
 * Records the finding unless its mode is `off` — the consumer app's own options decide,
 * else the reporting instance's — and prints and notifies only the first time. Returns the diagnostic
 * (the one recorded first, when the finding is already known). Throws nothing.
 */
export function report(
  r: Registry,
  code: DiagnosticCode,
  pkg: string,
  id: string,
  facts: Facts,
  fallback?: ResolvedOptions,
): ConcordDiagnostic | undefined {
  const o = containersOf(r, facts.consumer?.app as string)[0]?.options ?? fallback ?? DEFAULTS;
  const mode = modeFor(o, pkg);
  if (mode === 'off') return;
  // The de-duplication key: one finding per code, package and `id` (the consumer app, mostly).
  const key = `${code}|${pkg}|${id}`;
  let d = r.diagnostics.get(key);
  if (d) return d;
  const docs = docsOf(code, o.docsUrl);
  const entry = CODES[code];
  d = {
    code,
    severity: entry.severity,
    package: pkg,
    // Production builds carry the docs link in place of the sentences.
    message: docs,
    fix: docs,
    docs,
    mode,
    ...facts,
  };
  if (process.env.NODE_ENV !== 'production' && entry.text) {
    const [what, consequence, fix] = entry.text(pkg, facts);
    Object.assign(d, { message: `${what}; ${consequence}.`, fix });
  }
  r.diagnostics.set(key, d);
  if (process.env.NODE_ENV === 'production') say('warn', line(d));
  else {
    say('groupCollapsed', line(d));
    say('warn', d);
    say('groupEnd');
  }
  for (const listener of r.listeners)
    try {
      listener(d);
    } catch (e) {
      if (code !== 'CONCORD-207') fault(r, 'onDiagnostic', e);
    }
  return d;
}

/** An internal fault: recorded as CONCORD-207, never thrown. */
export const fault = (r: Registry, where: string, e: unknown) => {
  try {
    let what: string = typeof e;
    try {
      what = String(e);
    } catch {
      // A value that cannot be converted (a null-prototype object, a throwing toString): its type.
    }
    report(r, 'CONCORD-207', '', where, { versions: [], detail: `${where}: ${what}` });
  } catch {
    // A registry broken beyond use: the app's load must not be.
  }
};

/** The error thrown at an offending load in `throw` mode. */
export const failure = (d: ConcordDiagnostic) => new ConcordError(d.code, line(d), d);
