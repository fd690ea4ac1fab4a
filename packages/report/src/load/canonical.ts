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

const entries = new Map<string, Map<string, ManifestShared[]>>();
let entryCount = 0;

/** The frozen entry with these values, made once. */
export function sharedEntry(
  name: string,
  version: string,
  requiredVersion: string | false | null,
  singleton: boolean | null,
): ManifestShared {
  let byVersion = entries.get(name);
  if (byVersion === undefined) {
    byVersion = new Map();
    entries.set(name, byVersion);
  }
  let list = byVersion.get(version);
  if (list === undefined) {
    list = [];
    byVersion.set(version, list);
  }
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
  if (++entryCount > MAX) {
    entries.clear();
    entryCount = 0;
  } else list.push(e);
  return e;
}

const configs = new Map<string | undefined, ConcordSharedConfig[]>();
let configCount = 0;

/** The frozen configuration with these values, made once. */
export function sharedConfig(
  version: string | undefined,
  requiredVersion: string | false | undefined,
  singleton: boolean | undefined,
  strictVersion: boolean | undefined,
  imports: boolean | undefined,
  eager: boolean | undefined,
): ConcordSharedConfig {
  let list = configs.get(version);
  if (list === undefined) {
    list = [];
    configs.set(version, list);
  }
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
  if (++configCount > MAX) {
    configs.clear();
    configCount = 0;
  } else list.push(c);
  return c;
}
