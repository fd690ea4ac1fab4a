// The runtime's `satisfy` (runtime-core dist/utils/semver) re-parses both strings with a chain of regular
// expressions it compiles on every call (`parseRegex` is `new RegExp(source)`): a fleet report asks a few
// hundred distinct questions, each costing tens of microseconds. Most have a plain shape: a
// `major.minor.patch` version against `||`-unions of space-separated comparators `^x.y.z`, `~x.y.z`, `x.y.z`,
// `=x.y.z`, `>=`, `>`, `<=`, `<` (or `*`). For those the answer is worked out below exactly as the runtime's
// code works it out; every other shape (prereleases, hyphens, x-ranges, a leading `v`, extra spaces, numbers
// past 15 digits) goes to the runtime itself. test/plain-satisfy.test.ts compares both on a grid of edge cases.
//
// What the runtime does for these shapes (its parser.ts and compare.ts):
//  - each `||` part is trimmed; an empty part or `*` satisfies any version;
//  - `^x.y.z` becomes `>=x.y.z <X.Y.Z-0` (X.Y.Z: (x+1).0.0, or 0.(y+1).0 when x is 0, or 0.0.(z+1) when x
//    and y are 0), `~x.y.z` becomes `>=x.y.z <x.(y+1).0-0`; against a version with no prerelease,
//    `<X.Y.Z-0` holds exactly when the version is numerically below X.Y.Z;
//  - a comparator that is exactly `>=0.0.0` is dropped, and a part left with no comparator is skipped (not
//    satisfied): `satisfy('1.0.0', '>=0.0.0')` is false in the runtime, and here;
//  - `x.y.z` and `=x.y.z` compare strings, `>=`/`<=` are "equal or above/below", `>`/`<` numeric.
// Numbers are at most 15 digits, so `Number` is exact and `x + 1` prints as digits, as in the runtime.

const PART = '(0|[1-9]\\d{0,14})';
const PLAIN_VERSION = new RegExp(`^${PART}\\.${PART}\\.${PART}$`);
const COMPARATOR = new RegExp(`^(\\^|~|=|>=|>|<=|<)?${PART}\\.${PART}\\.${PART}$`);

/** Numeric order of two `major.minor.patch` triples. */
const order = (a: number, b: number, c: number, x: number, y: number, z: number): number =>
  a !== x ? a - x : b !== y ? b - y : c - z;

/**
 * The runtime's answer to `satisfy(version, range)` when both have a plain shape; `undefined` when they do
 * not (ask the runtime).
 */
export function plainSatisfy(version: string, range: string): boolean | undefined {
  const v = PLAIN_VERSION.exec(version);
  if (v === null) return undefined;
  const a = Number(v[1]);
  const b = Number(v[2]);
  const c = Number(v[3]);
  let answer = false;
  for (const raw of range.split('||')) {
    const part = raw.trim();
    if (part === '' || part === '*') {
      answer = true;
      continue;
    }
    let kept = 0;
    let holds = true;
    for (const token of part.split(' ')) {
      const m = COMPARATOR.exec(token);
      if (m === null) return undefined;
      const op = m[1] ?? '';
      if (op === '>=' && token === '>=0.0.0') continue;
      kept++;
      if (!holds) continue;
      const x = Number(m[2]);
      const y = Number(m[3]);
      const z = Number(m[4]);
      const d = order(a, b, c, x, y, z);
      if (op === '' || op === '=') holds = version === token.slice(op.length);
      else if (op === '>=') holds = d >= 0;
      else if (op === '>') holds = d > 0;
      else if (op === '<=') holds = d <= 0;
      else if (op === '<') holds = d < 0;
      else if (d < 0) holds = false;
      else if (op === '~') holds = order(a, b, c, x, y + 1, 0) < 0;
      else if (x > 0) holds = order(a, b, c, x + 1, 0, 0) < 0;
      else if (y > 0) holds = order(a, b, c, 0, y + 1, 0) < 0;
      else holds = order(a, b, c, 0, 0, z + 1) < 0;
    }
    if (kept > 0 && holds) answer = true;
  }
  return answer;
}
