// What the build plugins read from disk: the app's package.json and the installed packages it resolves.
// Everything here is I/O; the decisions built on it (augment.ts) are pure functions of its result.
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeImportEntry } from './package-entries';

/** The fields of a package.json the build plugins read. */
export interface PackageJson {
  name?: string;
  version?: string;
  main?: string;
  module?: string;
  browser?: unknown;
  exports?: unknown;
  sideEffects?: unknown;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

/** A package as installed: its real directory (symlinks resolved) and package.json. */
export interface InstalledPackage {
  name: string;
  version: string;
  dir: string;
  packageJson: PackageJson;
}

/** What the augmentation needs to know about the app on disk. */
export interface ProjectInfo {
  root: string;
  /** The app's package.json, undefined when there is none at `root`. */
  packageJson: PackageJson | undefined;
  /** Every dependency range of the app, all kinds merged (dependencies win over dev/peer/optional). */
  dependencies: Readonly<Record<string, string>>;
  /** The installed copy of a package as the app resolves it; undefined when not found. */
  find(name: string): InstalledPackage | undefined;
  /** Absolute path of `@concord/runtime-plugin`'s built entry, for `runtimePlugins`. */
  runtimePlugin: string;
}

/** Reads and parses a package.json; undefined when missing or malformed. */
export function readPackageJson(file: string): PackageJson | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as PackageJson;
  } catch {
    return undefined;
  }
}

/**
 * Finds `name` the way Node would from `fromDir`: the nearest `node_modules/<name>` up the tree. Works
 * without `./package.json` in the package's `exports`, and through pnpm's symlinks.
 */
export function findInstalled(name: string, fromDir: string): InstalledPackage | undefined {
  let dir = resolve(fromDir);
  for (;;) {
    const candidate = join(dir, 'node_modules', name, 'package.json');
    if (existsSync(candidate)) {
      const packageJson = readPackageJson(candidate);
      if (packageJson && typeof packageJson.version === 'string')
        return {
          name,
          version: packageJson.version,
          dir: realpathSync(dirname(candidate)),
          packageJson,
        };
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/**
 * The BUILT entry of `@concord/runtime-plugin` (its `default` export condition, dist/index.js), which
 * federation builds import as a runtime plugin. Read from its package.json rather than resolved, so a
 * custom condition of the calling process (tests map workspace packages to src/) never leaks into builds.
 */
export function resolveRuntimePlugin(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const pkg = findInstalled('@concord/runtime-plugin', here);
  const entry = pkg && nodeImportEntry(pkg.dir, pkg.packageJson);
  if (!entry)
    throw new Error('[concord] @concord/runtime-plugin is not installed next to the Concord build plugin');
  return entry;
}

/**
 * Reads the app at `root`: its package.json, and a memoised lookup of installed packages. A name not
 * found from the root is looked up from the contract package's directory, which finds the
 * `@concord/shared-state` the contract depends on under pnpm's strict layout.
 */
export function readProject(root: string, contractPackage?: string): ProjectInfo {
  const packageJson = readPackageJson(join(root, 'package.json'));
  const dependencies = {
    ...packageJson?.optionalDependencies,
    ...packageJson?.peerDependencies,
    ...packageJson?.devDependencies,
    ...packageJson?.dependencies,
  };
  const memo = new Map<string, InstalledPackage | undefined>();
  const find = (name: string): InstalledPackage | undefined => {
    if (memo.has(name)) return memo.get(name);
    let found = findInstalled(name, root);
    if (!found && contractPackage && name !== contractPackage) {
      const contract = find(contractPackage);
      if (contract) found = findInstalled(name, contract.dir);
    }
    memo.set(name, found);
    return found;
  };
  return { root, packageJson, dependencies, find, runtimePlugin: resolveRuntimePlugin() };
}
