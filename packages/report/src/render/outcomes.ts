import type { MatrixCell, MatrixRow } from '../types';

// A fleet's matrix does not fit in columns: 2,000 apps × 60 packages is 120,000 cells that no one reads, and a
// browser re-styles all of them on every filter change. Grouped by outcome, a package becomes a handful of rows
// ("1,412 apps provide 19.1.0, get it from host: ok") whatever the number of apps.

/** Apps of one package that provide, require and get the same thing. */
export interface Outcome {
  version: string | null;
  requiredVersion: string | null;
  singleton: boolean | null;
  verdict: MatrixCell['verdict'];
  /** The copy the group gets: `app: null` when each app of the group gets its own copy. */
  provider: { app: string | null; version: string } | null;
  /** Indices into `Report.apps`, in report order. */
  apps: number[];
}

/**
 * The cells of `row` grouped by what each app provides, requires and gets, in order of first appearance.
 * Every app falls in exactly one outcome (apps that do not share the package: verdict `absent`).
 */
export function outcomes(row: MatrixRow): Outcome[] {
  const groups = new Map<string, Outcome>();
  row.cells.forEach((cell, i) => {
    const own = cell.provider !== null && cell.provider.app === cell.app;
    const provider = cell.provider && { app: own ? null : cell.provider.app, version: cell.provider.version };
    // JSON of the fields: names from manifests can hold any character, so no separator could be trusted.
    const key = JSON.stringify([cell.version, cell.requiredVersion, cell.singleton, cell.verdict, provider]);
    const group = groups.get(key);
    if (group) group.apps.push(i);
    else
      groups.set(key, {
        version: cell.version,
        requiredVersion: cell.requiredVersion,
        singleton: cell.singleton,
        verdict: cell.verdict,
        provider,
        apps: [i],
      });
  });
  return [...groups.values()];
}
