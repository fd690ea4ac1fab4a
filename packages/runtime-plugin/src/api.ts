// The API for tests and tools. Each call scans the page first, so it also works when beacons ran
// before any plugin, or when no plugin is on the page at all.
import { liveCopies } from './copies';
import { ConcordError } from './error';
import { registry } from './registry';
import { scan } from './scan';
import type { ConcordDiagnostic, LiveCopy } from './types';
import { VERSION } from './version';

/** The registry, just scanned. */
const fresh = () => scan(registry(), undefined, true);

/** Every finding on the page so far, in the order first seen. */
export function getDiagnostics(): ConcordDiagnostic[] {
  return [...fresh().diagnostics.values()];
}

/** The live copies of every package on the page, by package name. */
export function getInstances(): Record<string, LiveCopy[]> {
  return Object.fromEntries(liveCopies(fresh()));
}

/**
 * Throws a `ConcordError` (code `CONCORD-202`) listing every package live in more than one copy.
 * @param packages the packages to check; default: every watched package.
 * @example afterAll(() => assertSingleInstances());
 */
export function assertSingleInstances(packages?: readonly string[]): void {
  const r = fresh();
  const names = packages ?? [...r.watch];
  const split = [...liveCopies(r)]
    .filter(([pkg, copies]) => copies[1] && names.includes(pkg))
    // Production builds name the packages only (as their warnings carry the code and link only).
    .map(([pkg, copies]) =>
      process.env.NODE_ENV === 'production'
        ? pkg
        : `${pkg}: ${copies.map((c) => `${c.version} from ${c.app} (${c.bundler})`)}`,
    );
  if (split[0])
    throw new ConcordError(
      'CONCORD-202',
      `[concord] CONCORD-202 live in more than one copy: ${split.join('; ')}. See docs/diagnostics.md#concord-202`,
    );
}

/** `globalThis.__CONCORD__`, the handle for devtools and end-to-end tests. */
export interface ConcordGlobal {
  getDiagnostics: typeof getDiagnostics;
  getInstances: typeof getInstances;
  assertSingleInstances: typeof assertSingleInstances;
  version: string;
}

export const expose = () => {
  const g = globalThis as { __CONCORD__?: ConcordGlobal };
  g.__CONCORD__ ??= { getDiagnostics, getInstances, assertSingleInstances, version: VERSION };
};
