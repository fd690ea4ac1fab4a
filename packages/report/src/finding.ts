import type { FailOn, Finding, Severity } from './types';

/** Every code the report emits, with the title of its heading in docs/diagnostics.md. Codes are never reused. */
export const CODES = {
  'CONCORD-401': 'Input could not be read',
  'CONCORD-402': 'Input is not a valid federation manifest',
  'CONCORD-403': 'Concord metadata ignored',
  'CONCORD-404': 'The same app was given twice',
  'CONCORD-405': 'Manifest `singleton` not trusted',
  'CONCORD-406': 'The report could not finish',
  'CONCORD-407': 'The `host` option names no input',
  'CONCORD-410': 'Singleton requiredVersion not satisfied',
  'CONCORD-411': 'Several versions of a singleton',
  'CONCORD-412': 'Singleton declared by some apps only',
  'CONCORD-413': 'Watched store library not shared',
  'CONCORD-414': 'Exact-pin drift',
  'CONCORD-415': 'Workspace protocol in requiredVersion',
  'CONCORD-416': 'Several copies of a non-singleton',
  'CONCORD-417': 'Shared package nobody provides',
  'CONCORD-418': "Vite non-singleton runs the singleton's version",
  'CONCORD-420': 'Incompatible contract versions',
  'CONCORD-421': 'Reader depends on a slice the owner no longer has',
  'CONCORD-422': 'Reader depends on a field the owner no longer has',
  'CONCORD-423': 'Slice owner not among the inputs',
  'CONCORD-424': 'Slice claimed by two owners',
  'CONCORD-425': 'Vite non-singletons of one version race for one module',
  'CONCORD-426': 'Apps run different Module Federation runtimes',
  'CONCORD-427': 'Module Federation runtime older than Concord supports',
  'CONCORD-428': 'Subpath of a shared package not shared by every app',
  'CONCORD-429': 'App not checked',
  'CONCORD-430': "Vite remote may seed its own copy of the host's singleton",
} as const;

/**
 * The load-time code (2xx, @concord/runtime-plugin) that reports on the page what each report code predicts
 * from the manifests: one pair per outcome, shown in docs/diagnostics.md. `null`: the outcome has no load-time
 * code (Module Federation's own error, or nothing to see on a page).
 */
export const RUNTIME_PAIRS = {
  'CONCORD-410': 'CONCORD-201',
  'CONCORD-411': null,
  'CONCORD-412': 'CONCORD-204',
  'CONCORD-413': 'CONCORD-203',
  'CONCORD-414': null,
  'CONCORD-415': 'CONCORD-206',
  'CONCORD-416': 'CONCORD-202',
  'CONCORD-417': null,
  'CONCORD-418': 'CONCORD-201',
  'CONCORD-420': 'CONCORD-201',
  'CONCORD-425': 'CONCORD-201',
  'CONCORD-426': null,
  'CONCORD-427': 'CONCORD-210',
  'CONCORD-428': 'CONCORD-202',
  'CONCORD-429': null,
  'CONCORD-430': 'CONCORD-202',
} as const satisfies Partial<Record<keyof typeof CODES, string | null>>;

export type Code = keyof typeof CODES;

export interface FindingParts {
  severity: Severity;
  /** What happened: packages, versions, apps, bundlers. */
  what: string;
  /** What that will do at load time. */
  consequence: string;
  fix: string;
  package?: string;
  apps?: string[];
  input?: string;
  field?: string;
}

export const docsLink = (code: Code): string => `docs/diagnostics.md#${code.toLowerCase()}`;

/** One docs link string per code, shared by every finding of that code (a fleet report has thousands). */
const DOCS = Object.fromEntries(Object.keys(CODES).map((c) => [c, docsLink(c as Code)])) as Record<
  Code,
  string
>;

/** Whether the character before `at` closes a sentence (a character test: a `$`-anchored regex walks it all). */
const closes = (s: string, at: number): boolean => {
  const c = s.charCodeAt(at - 1);
  return c === 46 || c === 33 || c === 63;
};

const sentence = (s: string): string => (closes(s, s.length) ? s : `${s}.`);

/**
 * Builds a finding whose message is one sentence in three parts, then the docs link (see STYLE.md). The
 * message is joined with full stops first and made one flat string by the first character test; `fix` is then
 * a slice of it. Testing each part first made a flat copy of each, kept behind the message: at 1,000 apps
 * that was a fifth of the analysis time (BENCHMARKS.md). A part that already ends a sentence is rare.
 */
export function finding(code: Code, parts: FindingParts): Finding {
  const docs = DOCS[code];
  const severity = parts.severity;
  const { what, consequence } = parts;
  let fix = parts.fix;
  let message = `${what}. ${consequence}. ${fix}. See ${docs}`;
  const fixAt = what.length + consequence.length + 4;
  const fixEnd = fixAt + fix.length;
  if (closes(message, what.length) || closes(message, fixAt - 2) || closes(message, fixEnd)) {
    fix = sentence(fix);
    message = `${sentence(what)} ${sentence(consequence)} ${fix} See ${docs}`;
  } else fix = message.slice(fixAt, fixEnd + 1);
  const { package: pkg, apps, input } = parts;
  // The shapes of nearly every finding are written as literals: V8 keeps a literal's hidden class for the life
  // of the code, while one grown by assignment dies with the last report that used it, and with it the
  // optimised code of every function that read a finding (see AppDecl.kept in analyze/apps.ts).
  if (apps !== undefined && parts.field === undefined) {
    if (pkg !== undefined && input === undefined)
      return { code, severity, message, fix, docs, package: pkg, apps };
    if (pkg === undefined && input === undefined) return { code, severity, message, fix, docs, apps };
    // CONCORD-404 and 405, about one input.
    if (pkg === undefined) return { code, severity, message, fix, docs, apps, input: input! };
  }
  const out: Finding = { code, severity, message, fix, docs };
  if (pkg !== undefined) out.package = pkg;
  if (apps !== undefined) out.apps = apps;
  if (input !== undefined) out.input = input;
  if (parts.field !== undefined) out.field = parts.field;
  return out;
}

/** `[concord] CONCORD-410 <message>`: the one-line form for loggers (Vite's `config.logger`, Rspack's infrastructure logger). */
export const formatFinding = (f: Finding): string => `[concord] ${f.code} ${f.message}`;

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** `RANK[severity]` as a comparison: sorting 20,000 findings looked the key up 500,000 times. */
const rank = (s: Severity): number => (s === 'error' ? 0 : s === 'warning' ? 1 : 2);

/** Whether `f` is at or above `failOn` (`never` matches nothing). */
export const reachesFailOn = (severity: Severity, failOn: FailOn): boolean =>
  failOn !== 'never' && RANK[severity] <= RANK[failOn];

/** Stable order: severity, code, package, then the first app. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    rank(a.severity) - rank(b.severity) ||
    cmp(a.code, b.code) ||
    cmp(a.package ?? '', b.package ?? '') ||
    cmp(a.input ?? '', b.input ?? '') ||
    cmpLists(a.apps ?? NONE, b.apps ?? NONE)
  );
}

const NONE: readonly string[] = [];

/** Element by element: the order of `apps.join('\0')` without building the strings (sorting 7,000 findings). */
function cmpLists(a: readonly string[], b: readonly string[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = cmp(a[i]!, b[i]!);
    if (d !== 0) return d;
  }
  return a.length - b.length;
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** `"host" (vite)` — how every message names an app. */
export const appLabel = (app: string, bundler: string): string => `"${app}" (${bundler})`;

/** The first `max - 1` items, then `"498 more"`, when there are more than `max`. */
export const capped = (items: readonly string[], max = 8): readonly string[] =>
  items.length > max ? [...items.slice(0, max - 1), `${items.length - max + 1} more`] : items;

/**
 * `"a" (vite), "b" (rspack) and "c" (vite)`; past `max` items, `"a", "b", … and 498 more` (the finding's
 * `apps` field still lists every app).
 */
export function listOf(items: readonly string[], max = 8): string {
  const list = capped(items, max);
  if (list.length <= 1) return list.join('');
  return `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}`;
}
