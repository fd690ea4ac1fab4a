// One frozen object per distinct `shared[]` entry and per distinct `concord.shared` configuration, shared by
// every manifest that has it. A drifting 1,000-app fleet carries 60,000 entries and 30,000 configurations but
// only a few thousand distinct ones; each manifest used to keep its own copies alive through the whole report
// (about 5 MB that every collection during the analysis moved, and fresh pages to hold them: 5-8% of
// parse + validate + analyze, BENCHMARKS.md). A new object holds interned strings (intern.ts); a lookup takes
// the strings as parsed, so a hit costs no interning. Both tables start again past a bound, so a long-lived
// process does not grow them.
import type { ConcordSharedConfig, ManifestShared } from '../types';
import { intern } from './intern';

/** Past this many objects a table starts again. */
const MAX = 16_384;

/** A lookup table that starts again once it holds `MAX` objects. */
class Table<K, V> {
  readonly map = new Map<K, V>();
  private count = 0;
  /** Adds `item` to one of the table's lists (or, past the bound, empties the table instead) and returns it. */
  keep<T>(list: T[], item: T): T {
    if (++this.count > MAX) {
      this.map.clear();
      this.count = 0;
    } else list.push(item);
    return item;
  }
}

const entries = new Table<string, Map<string, ManifestShared[]>>();

/** The frozen entry with these values, made once. */
export function sharedEntry(
  name: string,
  version: string,
  requiredVersion: string | false | null,
  singleton: boolean | null,
): ManifestShared {
  const list = listIn(mapIn(entries.map, name), version);
  for (let i = 0; i < list.length; i++) {
    const e = list[i]!;
    if (e.requiredVersion === requiredVersion && e.singleton === singleton) return e;
  }
  const e: ManifestShared = Object.freeze({
    name: intern(name),
    version: intern(version),
    requiredVersion: typeof requiredVersion === 'string' ? intern(requiredVersion) : requiredVersion,
    singleton,
  });
  return entries.keep(list, e);
}

const configs = new Table<string | undefined, ConcordSharedConfig[]>();

/** The frozen configuration with these values, made once. */
export function sharedConfig(
  version: string | undefined,
  requiredVersion: string | false | undefined,
  singleton: boolean | undefined,
  strictVersion: boolean | undefined,
  imports: boolean | undefined,
  eager: boolean | undefined,
): ConcordSharedConfig {
  const list = listIn(configs.map, version);
  for (let i = 0; i < list.length; i++) {
    const c = list[i]!;
    if (
      c.requiredVersion === requiredVersion &&
      c.singleton === singleton &&
      c.strictVersion === strictVersion &&
      c.import === imports &&
      c.eager === eager
    )
      return c;
  }
  // Every key present, absent ones undefined: one hidden class for all of them (see AppDecl.kept, apps.ts).
  const c: ConcordSharedConfig = Object.freeze({
    version: version === undefined ? undefined : intern(version),
    requiredVersion: typeof requiredVersion === 'string' ? intern(requiredVersion) : requiredVersion,
    singleton,
    strictVersion,
    import: imports,
    eager,
  });
  return configs.keep(list, c);
}

/** The map under `key`, made on first use. */
function mapIn<K, L, V>(map: Map<K, Map<L, V>>, key: K): Map<L, V> {
  let inner = map.get(key);
  if (inner === undefined) {
    inner = new Map();
    map.set(key, inner);
  }
  return inner;
}

/** The list under `key`, made on first use. */
function listIn<K, V>(map: Map<K, V[]>, key: K): V[] {
  let list = map.get(key);
  if (list === undefined) {
    list = [];
    map.set(key, list);
  }
  return list;
}
