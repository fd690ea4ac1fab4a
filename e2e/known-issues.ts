// Findings the page shows today that are NOT the fault a spec is about, each narrowed to its exact shape
// and explained. Specs tolerate exactly these (and annotate the test when one shows); anything else still
// fails. Delete an entry once the package that causes it is fixed.
import type { Diagnostic } from './page-globals';

export interface KnownIssue {
  /** Whether a diagnostic is this issue, in its exact known shape. */
  matches(d: Diagnostic): boolean;
  /** The package whose copies this issue adds (excluded from assertSingleInstances). */
  package: string;
  why: string;
}

export const KNOWN_ISSUES: readonly KnownIssue[] = [
  {
    // @module-federation/vite 1.23.8 (writeLoadShareModule, `usesEagerWorkspaceFallback`): a singleton
    // that is a WORKSPACE package and a dependency of another shared singleton (@acme/contract depends on
    // @concord/shared-state) is statically imported by each Vite remote's __loadShare__ module, which then
    // rebinds its exports to the host's copy. The remote's own copy is evaluated but not used; its beacon
    // still registers. Users installing @concord/shared-state from npm do not hit it; this monorepo does.
    package: '@concord/shared-state',
    matches: (d) =>
      d.code === 'CONCORD-202' &&
      d.package === '@concord/shared-state' &&
      d.versions.length === 1 &&
      (d.copies ?? []).every(
        (c) => c.bundler === 'vite' && c.source === 'beacon' && c.version === d.versions[0],
      ),
    why: 'CONCORD-202 @concord/shared-state: Vite remotes evaluate (but do not use) their own copy of a workspace singleton that another shared singleton depends on',
  },
];

/** Splits diagnostics into known issues and the rest. */
export function withoutKnownIssues(list: Diagnostic[]): { known: Diagnostic[]; rest: Diagnostic[] } {
  const known = list.filter((d) => KNOWN_ISSUES.some((issue) => issue.matches(d)));
  return { known, rest: list.filter((d) => !known.includes(d)) };
}
