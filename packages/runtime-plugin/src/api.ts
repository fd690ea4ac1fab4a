// The API for tests and tools. Each call scans the page first, so it also works when beacons ran
// before any plugin, or when no plugin is on the page at all. Nothing here throws a raw error: a page
// Concord cannot read gives what it could read (and a CONCORD-207), never a TypeError.
import { liveCopies } from './copies';
import { ConcordError } from './error';
import { docsOf } from './options';
import { page, type Registry, registry } from './registry';
import { fault } from './report';
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
  let names: string[];
  try {
    names = [...(packages ?? r.watch)].map(String);
  } catch (e) {
    throw new ConcordError(
      'CONCORD-208',
      `[concord] CONCORD-208 invalid \`packages\`: ${e}. See ${docsOf('CONCORD-208')}`,
    );
  }
  const split = [...liveCopies(r)]
    .filter(([pkg, copies]) => copies[1] && names.includes(pkg))
    .map(([pkg, copies]) => `${pkg}: ${copies.map((c) => `${c.version} from ${c.app} (${c.bundler})`)}`);
  if (split[0])
    throw new ConcordError(
      'CONCORD-202',
      `[concord] CONCORD-202 live in more than one copy: ${split.join('; ')}. See ${docsOf('CONCORD-202', docsUrl(r))}`,
    );
}

/** The docs location of the page: the first Concord container's `docsUrl` (none: `docsOf`'s default). */
const docsUrl = (r: Registry) => [...r.containers.values()][0]?.options.docsUrl;

/** `globalThis.__CONCORD__`, the handle for devtools and end-to-end tests. */
export interface ConcordGlobal {
  getDiagnostics: typeof getDiagnostics;
  getInstances: typeof getInstances;
  assertSingleInstances: typeof assertSingleInstances;
  version: string;
}

/** Sets `globalThis.__CONCORD__` unless something is there already (or it cannot be set). */
export const expose = (r: Registry) => {
  try {
    const g = page as { __CONCORD__?: ConcordGlobal };
    g.__CONCORD__ ??= { getDiagnostics, getInstances, assertSingleInstances, version: VERSION };
  } catch (e) {
    fault(r, '__CONCORD__', e);
  }
};
