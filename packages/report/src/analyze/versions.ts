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

function parse(v: string): { nums: number[]; pre: string } {
  const m = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:-([^+]*))?/.exec(v);
  if (!m) return { nums: [], pre: v };
  return { nums: [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)], pre: m[4] ?? '' };
}
