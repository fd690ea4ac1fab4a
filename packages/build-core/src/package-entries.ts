// Which files are a package's entry modules, read from its package.json the way bundlers read it.
import { dirname, join, resolve, sep } from 'node:path';
import { type PackageJson, readPackageJson } from './project';

const isCode = (file: string): boolean => /\.[cm]?[jt]sx?$/.test(file) && !/\.d\.[cm]?ts$/.test(file);

// The target of the "." export: `exports` is a string, an array, a condition map, or a subpath map.
function rootExport(exports: unknown): unknown {
  if (typeof exports !== 'object' || exports === null || Array.isArray(exports)) return exports;
  const keys = Object.keys(exports);
  return keys.some((k) => k.startsWith('.')) ? (exports as Record<string, unknown>)['.'] : exports;
}

function leaves(target: unknown, out: Set<string>): void {
  if (typeof target === 'string') out.add(target);
  else if (Array.isArray(target)) for (const t of target) leaves(t, out);
  else if (typeof target === 'object' && target !== null)
    for (const value of Object.values(target)) leaves(value, out);
}

/**
 * Every file a bundler could pick as the package's main entry, whatever its conditions: each leaf of the
 * "." export plus `main`, `module` and a string `browser`. Absolute paths, code files only.
 */
export function entryFiles(dir: string, packageJson: PackageJson): string[] {
  const found = new Set<string>();
  leaves(rootExport(packageJson.exports), found);
  if (packageJson.exports === undefined) {
    for (const field of [packageJson.main ?? 'index.js', packageJson.module, packageJson.browser])
      if (typeof field === 'string') found.add(field);
  }
  const files = new Set<string>();
  for (const file of found) {
    const path = resolve(dir, file);
    if (isCode(path)) files.add(path);
    else if (!/\.\w+$/.test(path)) for (const ext of ['.js', '.mjs', '.cjs']) files.add(path + ext);
  }
  return [...files];
}

function pick(target: unknown, conditions: readonly string[]): string | undefined {
  if (typeof target === 'string') return target;
  if (Array.isArray(target)) {
    for (const t of target) {
      const hit = pick(t, conditions);
      if (hit) return hit;
    }
    return undefined;
  }
  if (typeof target !== 'object' || target === null) return undefined;
  for (const [key, value] of Object.entries(target))
    if (key === 'default' || conditions.includes(key)) {
      const hit = pick(value, conditions);
      if (hit) return hit;
    }
  return undefined;
}

/** The entry Node's `import` would load for the package (conditions `node`, `import`, `default`). */
export function nodeImportEntry(dir: string, packageJson: PackageJson): string | undefined {
  const target =
    packageJson.exports !== undefined
      ? pick(rootExport(packageJson.exports), ['node', 'import'])
      : (packageJson.main ?? 'index.js');
  return target ? resolve(dir, target) : undefined;
}

/** Info about a module that is the entry of a watched package. */
export interface WatchedEntry {
  package: string;
  version: string;
}

/**
 * Recognises the entry modules of watched packages by path, for every installed copy (a nested second
 * copy is what beacons exist to catch). The package root is found by walking up from the module to the
 * nearest package.json; lookups are cached for the life of the matcher (one build).
 */
export function createEntryMatcher(watched: Iterable<string>): (file: string) => WatchedEntry | undefined {
  const names = new Set(watched);
  const roots = new Map<string, { info: WatchedEntry; entries: Set<string> } | null>();
  const rootOf = (start: string) => {
    let dir = dirname(start);
    const visited: string[] = [];
    for (;;) {
      if (roots.has(dir)) {
        const hit = roots.get(dir)!;
        for (const v of visited) roots.set(v, hit);
        return hit;
      }
      visited.push(dir);
      const json = readPackageJson(join(dir, 'package.json'));
      // Nested package.json files without a name (e.g. `esm/package.json` with only `type`) are skipped.
      if (json?.name) {
        const hit =
          names.has(json.name) && typeof json.version === 'string'
            ? {
                info: { package: json.name, version: json.version },
                entries: new Set(entryFiles(dir, json)),
              }
            : null;
        for (const v of visited) roots.set(v, hit);
        return hit;
      }
      const parent = dirname(dir);
      if (parent === dir || dir.endsWith(`${sep}node_modules`)) {
        for (const v of visited) roots.set(v, null);
        return null;
      }
      dir = parent;
    }
  };
  return (file) => {
    const path = file.replace(/[?#].*$/, '');
    const root = rootOf(path);
    return root?.entries.has(path) ? root.info : undefined;
  };
}
