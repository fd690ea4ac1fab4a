// A behaviour-compatible re-implementation of the Module Federation runtime's `satisfy`
// (runtime-core 2.9.x `utils/semver`, identical in 2.9.1 and 2.9.3), for build tools and reports that
// must give the runtime's verdict without loading a runtime (subpath `@concord/runtime-plugin/semver`).
//
// The runtime plugin uses it too (src/verdict.ts), rather than importing `satisfy` from
// @module-federation/runtime: 2.8 does not export it and 2.6/2.7 fail a static import of it at ESM link
// time. runtime-core's semver module is byte-identical from 2.6.0 to 2.9.3, so one port serves them all.
//
// Same grammar, same quirks — `>=0.0.0` matches nothing, `5` is not a version, prereleases satisfy
// plain ranges, an operator followed by a space is trimmed only once. test/semver.test.ts proves it
// returns what both installed runtimes return on a large table and on 10,000 generated pairs.

const build = '(?:\\+([0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))';
const num = '0|[1-9]\\d*';
const word = '\\d*[a-zA-Z-][a-zA-Z0-9-]*';
const pre = `(?:-((?:${num}|${word})(?:\\.(?:${num}|${word}))*))`;
const preLoose = `(?:-?((?:\\d+|${word})(?:\\.(?:\\d+|${word}))*))`;
const xid = `${num}|x|X|\\*`;
const xPlain = `[v=\\s]*(${xid})(?:\\.(${xid})(?:\\.(${xid})(?:${pre})?${build}?)?)?`;
const loose = `[v=\\s]*(\\d+)\\.(\\d+)\\.(\\d+)${preLoose}?${build}?`;
const op = '([<>]?=?)';
const full = `v?(${num})\\.(${num})\\.(${num})${pre}?${build}?`;

// No `g` flag anywhere: the runtime rewrites only the first match of each pattern.
const re = (source: string) => new RegExp(source);
const HYPHEN = re(`^\\s*(${xPlain})\\s+-\\s+(${xPlain})\\s*$`);
const OP_TRIM = re(`(\\s*)${op}\\s*(${loose}|${xPlain})`);
const TILDE_TRIM = re('(\\s*)~>?\\s+');
const CARET_TRIM = re('(\\s*)\\^\\s+');
const STAR = re('([<>])?=?\\s*\\*');
const CARET = re(`^\\^${xPlain}$`);
const TILDE = re(`^~>?${xPlain}$`);
const X_RANGE = re(`^${op}\\s*${xPlain}$`);
const COMPARATOR = re(`^${op}\\s*(${full})$|^$`);
const GTE0 = re('^\\s*>=\\s*0.0.0\\s*$');

type Part = string | undefined;
const isX = (v: Part) => !v || v.toLowerCase() === 'x' || v === '*';
const inc = (v: Part) => Number(v) + 1;

const hyphen = (range: string) =>
  // An unmatched group is undefined; the lower bound's prerelease and build (`_pr`, `_b`) are in `from`.
  range.replace(
    HYPHEN,
    (
      _,
      from: Part,
      fM: Part,
      fm: Part,
      fp: Part,
      _pr: Part,
      _b: Part,
      to: Part,
      tM: Part,
      tm: Part,
      tp: Part,
      tPre: Part,
    ) => {
      const lo = isX(fM) ? '' : isX(fm) ? `>=${fM}.0.0` : isX(fp) ? `>=${fM}.${fm}.0` : `>=${from}`;
      const hi = isX(tM)
        ? ''
        : isX(tm)
          ? `<${inc(tM)}.0.0-0`
          : isX(tp)
            ? `<${tM}.${inc(tm)}.0-0`
            : tPre
              ? `<=${tM}.${tm}.${tp}-${tPre}`
              : `<=${to}`;
      return `${lo} ${hi}`.trim();
    },
  );

// `whole` is the part matched; an unmatched group is undefined.
const each = (range: string, pattern: RegExp, fn: (whole: string, ...m: Part[]) => string) =>
  range
    .trim()
    .split(/\s+/)
    .map((part) => part.replace(pattern, fn as (...m: string[]) => string))
    .join(' ');

const caret = (range: string) =>
  each(range, CARET, (_, M, m, p, pr) => {
    if (isX(M)) return '';
    if (isX(m)) return `>=${M}.0.0 <${inc(M)}.0.0-0`;
    const lo = isX(p) ? `>=${M}.${m}.0` : `>=${M}.${m}.${p}${pr ? `-${pr}` : ''}`;
    // Below the next major; on 0.x below the next minor; on 0.0.z (a patch given) below the next patch.
    if (M !== '0') return `${lo} <${inc(M)}.0.0-0`;
    return m === '0' && !isX(p) ? `${lo} <0.0.${inc(p)}-0` : `${lo} <0.${inc(m)}.0-0`;
  });

const tilde = (range: string) =>
  each(range, TILDE, (_, M, m, p, pr) => {
    if (isX(M)) return '';
    if (isX(m)) return `>=${M}.0.0 <${inc(M)}.0.0-0`;
    const lo = isX(p) ? `>=${M}.${m}.0` : `>=${M}.${m}.${p}${pr ? `-${pr}` : ''}`;
    return `${lo} <${M}.${inc(m)}.0-0`;
  });

// The runtime trims each part here rather than the whole range: the parts are the same, and the caller
// trims the result.
const xRange = (range: string) =>
  each(range, X_RANGE, (whole, g = '', M, m, p) => {
    const xM = isX(M);
    const xm = xM || isX(m);
    const xp = xm || isX(p);
    if (g === '=' && xp) g = '';
    if (xM) return g === '>' || g === '<' ? '<0.0.0-0' : '*';
    if (g && xp) {
      // `>1.x` is `>=2.0.0` and `<=1.x` is `<2.0.0-0`; `>1.2.x` is `>=1.3.0` and `<=1.2.x` is `<1.3.0-0`.
      let major: Part | number = M;
      let minor: Part | number = xm ? 0 : m;
      if (g === '>' || g === '<=') {
        g = g === '>' ? '>=' : '<';
        if (xm) major = inc(M);
        else minor = inc(m);
      }
      return `${g}${major}.${minor}.0${g === '<' ? '-0' : ''}`;
    }
    if (xm) return `>=${M}.0.0 <${inc(M)}.0.0-0`;
    if (xp) return `>=${M}.${m}.0 <${M}.${inc(m)}.0-0`;
    return whole;
  });

interface Atom {
  op: Part;
  v: string;
  n: Part[];
  pre: string[] | undefined;
}

const atom = (text: string): Atom | undefined => {
  const m = text.match(COMPARATOR);
  if (!m) return;
  const [, op, , M, mi, p, pr] = m;
  return { op, v: `${M}.${mi}.${p}${pr ? `-${pr}` : ''}`, n: [M, mi, p], pre: pr?.split('.') };
};

// Same loose comparison as the runtime: numeric when the part is a non-zero number, else as is.
const cmpPart = (a: unknown, b: unknown): number => {
  const x = Number(a) || a;
  const y = Number(b) || b;
  return (x as number) > (y as number) ? 1 : x === y ? 0 : -1;
};

const cmpPre = (a: Atom, b: Atom): number => {
  const r = a.pre;
  const v = b.pre;
  if (!r) return v ? 1 : 0;
  if (!v) return -1;
  for (let i = 0; i <= r.length; i++) {
    if (r[i] === v[i]) continue;
    if (!r[i]) return 1;
    if (!v[i]) return -1;
    return cmpPart(r[i], v[i]);
  }
  return 0;
};

const cmp = (a: Atom, b: Atom) =>
  cmpPart(a.n[0], b.n[0]) || cmpPart(a.n[1], b.n[1]) || cmpPart(a.n[2], b.n[2]) || cmpPre(a, b);

const test = (range: Atom, version: Atom): boolean => {
  const eq = range.v === version.v;
  switch (range.op) {
    case '':
    case '=':
      return eq;
    case '>':
      return cmp(range, version) < 0;
    case '>=':
      return eq || cmp(range, version) < 0;
    case '<':
      return cmp(range, version) > 0;
    case '<=':
      return eq || cmp(range, version) > 0;
    default:
      return range.op === undefined;
  }
};

/**
 * Whether `version` satisfies `range`, with exactly the runtime's verdict (quirks included).
 * @example satisfy('18.3.1', '^18.2.0') // true
 */
export function satisfy(version: string, range: string): boolean {
  const v = version && atom(version);
  if (!v) return false;
  for (const alternative of range.split('||')) {
    const sub = alternative.trim();
    if (!sub || sub === '*' || sub === 'x') return true;
    const parsed = hyphen(sub)
      .replace(OP_TRIM, '$1$2$3')
      .replace(TILDE_TRIM, '$1~')
      .replace(CARET_TRIM, '$1^')
      .split(/\s+/)
      .join(' ');
    if (!parsed.trim()) return true;
    const comparators = parsed
      .split(' ')
      .map((part) =>
        xRange(tilde(caret(part)))
          .trim()
          .replace(STAR, ''),
      )
      .join(' ');
    if (!comparators.trim()) return true;
    // The runtime trims each part before this replace: parts split on whitespace have none to trim.
    const list = comparators
      .split(/\s+/)
      .map((c) => c.replace(GTE0, ''))
      .filter(Boolean);
    if (list.length && list.every((c) => ((a) => !!a && test(a, v))(atom(c)))) return true;
  }
  return false;
}
