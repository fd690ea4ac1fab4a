/** Registry-style protocols that mean nothing to the runtime's `satisfy` (pnpm/yarn leak them into requiredVersion). */
export const PROTOCOL_RE = /^(workspace|catalog|file|link|portal|npm|git\+?[a-z]*|github):/;

/** `19.3.1` or `=19.3.1`: an exact pin, usually copied from an exact version in package.json. */
const EXACT_RE = /^=?v?(\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.+-]*)?)$/;

export const exactPin = (range: string | false | null): string | null =>
  typeof range === 'string' ? (EXACT_RE.exec(range.trim())?.[1] ?? null) : null;

/** Orders versions highest first (numeric major.minor.patch, then a release before its prereleases). */
export function compareVersionsDesc(a: string, b: string): number {
  const pa = parse(a);
  const pb = parse(b);
  for (let i = 0; i < 3; i++) {
    const d = (pb.nums[i] ?? -1) - (pa.nums[i] ?? -1);
    if (d !== 0) return d;
  }
  if (pa.pre !== pb.pre) {
    if (pa.pre === '') return -1;
    if (pb.pre === '') return 1;
    return pa.pre < pb.pre ? 1 : -1;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

interface Parsed {
  nums: number[];
  pre: string;
}

/**
 * Parsed versions, shared by every sort of every analysis: a fleet sorts the same few versions per package
 * thousands of times. Bounded, so a long-lived process (a build in watch mode) cannot grow it without end.
 */
const parsed = new Map<string, Parsed>();
const PARSED_MAX = 4096;

function parse(v: string): Parsed {
  let p = parsed.get(v);
  if (p === undefined) {
    const m = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:-([^+]*))?/.exec(v);
    p = m
      ? { nums: [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)], pre: m[4] ?? '' }
      : { nums: [], pre: v };
    if (parsed.size >= PARSED_MAX) parsed.clear();
    parsed.set(v, p);
  }
  return p;
}
