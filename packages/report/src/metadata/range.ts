// What kind of range a requiredVersion is: the one classifier the build plugins and the
// report use, so the build and the report call the same value the same thing.

/**
 * - `semver`: a range the runtime's `satisfy` can check (`^1.2.0`, `>=1 <3`, `1.2.0`).
 * - `any`: `*`, `x` or empty: every version satisfies it, so nothing is checked.
 * - `protocol`: a package-manager protocol (`workspace:*`, `catalog:`, `file:`, `link:`, `portal:`, `npm:`…)
 *   that no runtime can satisfy.
 * - `url`: a git or tarball URL, or a GitHub shorthand (`user/repo#tag`): no version to check against.
 * - `tag`: a dist-tag such as `latest` or `next`.
 * - `invalid`: anything else, including ranges longer than {@link MAX_RANGE_LENGTH} (rejected before matching).
 */
export type RangeKind = 'semver' | 'any' | 'protocol' | 'url' | 'tag' | 'invalid';

/** The outcome of {@link classifyRange}. */
export interface RangeClass {
  kind: RangeKind;
  /** The protocol without its colon (`workspace`) for `protocol`, the scheme for `url`. */
  protocol?: string;
}

/** Ranges longer than this are `invalid` without being matched (real ranges are far shorter). */
export const MAX_RANGE_LENGTH = 256;

const URL_SCHEME = /^(git\+[a-z]+|git|github|gitlab|bitbucket|gist|https?):/i;
const PROTOCOL = /^([a-z][a-z\d+.-]*):/i;
const SHORTHAND = /^[\w.-]+\/[\w.-]+(?:#.*)?$/;
const TAG = /^[a-z][\w.-]*$/i;
// One comparator of a semver range (as @module-federation/vite's isSemverRange reads it), `-` of a hyphen range.
const COMPARATOR = /^(?:[<>=~^]*v?(?:\d+|[xX*])(?:\.(?:\d+|[xX*]))*(?:[-+][\w.-]+)?|[<>=~^]+|[xX*]|-)$/;

/**
 * Classifies a requiredVersion. Linear in the input and capped at {@link MAX_RANGE_LENGTH} characters.
 *
 * @example
 * classifyRange('^1.2.0')      // { kind: 'semver' }
 * classifyRange('workspace:*') // { kind: 'protocol', protocol: 'workspace' }
 */
export function classifyRange(range: string): RangeClass {
  if (range.length > MAX_RANGE_LENGTH) return { kind: 'invalid' };
  const value = range.trim();
  if (value === '' || value === '*' || value === 'x' || value === 'X') return { kind: 'any' };
  const url = URL_SCHEME.exec(value);
  if (url) return { kind: 'url', protocol: url[1]!.toLowerCase() };
  const protocol = PROTOCOL.exec(value);
  if (protocol) return { kind: 'protocol', protocol: protocol[1]!.toLowerCase() };
  const semver = value.split('||').every((alternative) => {
    const comparators = alternative.trim().split(/\s+/).filter(Boolean);
    return comparators.length > 0 && comparators.every((c) => COMPARATOR.test(c));
  });
  if (semver) return { kind: 'semver' };
  if (SHORTHAND.test(value)) return { kind: 'url', protocol: 'github' };
  if (TAG.test(value)) return { kind: 'tag' };
  return { kind: 'invalid' };
}

/** Whether the runtime can check `range` (`semver`); `any` checks nothing, the rest can never be satisfied. */
export const isCheckableRange = (range: string): boolean => classifyRange(range).kind === 'semver';
