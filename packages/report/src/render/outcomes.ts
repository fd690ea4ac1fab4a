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
  // One map level per field, keyed by the values themselves: names from manifests can hold any character, so
  // a joined string key would need escaping (JSON.stringify of the fields took 150 ms of a 2,000-app page).
  const root: Level = new Map();
  const groups: Outcome[] = [];
  const cells = row.cells;
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i]!;
    const own = cell.provider !== null && cell.provider.app === cell.app;
    const providerApp = cell.provider === null || own ? null : cell.provider.app;
    const last = level(
      level(level(level(level(root, cell.version), cell.requiredVersion), cell.singleton), cell.verdict),
      providerApp,
    );
    const providerVersion = cell.provider === null ? null : cell.provider.version;
    const group = last.get(providerVersion) as Outcome | undefined;
    if (group) group.apps.push(i);
    else {
      const created: Outcome = {
        version: cell.version,
        requiredVersion: cell.requiredVersion,
        singleton: cell.singleton,
        verdict: cell.verdict,
        provider: cell.provider && { app: providerApp, version: cell.provider.version },
        apps: [i],
      };
      last.set(providerVersion, created);
      groups.push(created);
    }
  }
  return groups;
}

type Level = Map<string | boolean | null, Level | Outcome>;

/** The map below `parent` for `key`, made on first use. */
function level(parent: Level, key: string | boolean | null): Level {
  let child = parent.get(key) as Level | undefined;
  if (child === undefined) {
    child = new Map();
    parent.set(key, child);
  }
  return child;
}
