// Real app directories on disk for tests: a package.json and installed packages (package.json + entry
// files) under node_modules, in a fresh temporary directory.
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ConcordError } from '@concord/build-core';

const created: string[] = [];

/** Removes every app directory {@link makeApp} created in this test file. */
export function removeApps(): void {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export interface FakePackage {
  version: string;
  /** package.json fields besides name and version. */
  json?: Record<string, unknown>;
  /** Files relative to the package directory. */
  files?: Record<string, string>;
}

export function makeApp(
  app: { name?: string; dependencies?: Record<string, string>; devDependencies?: Record<string, string> },
  installed: Record<string, FakePackage> = {},
): string {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'concord-core-')));
  created.push(root);
  const write = (file: string, text: string) => {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  };
  write(
    join(root, 'package.json'),
    JSON.stringify({ name: app.name ?? 'fixture-app', private: true, ...app }),
  );
  for (const [name, pkg] of Object.entries(installed)) {
    const dir = join(root, 'node_modules', name);
    write(
      join(dir, 'package.json'),
      JSON.stringify({ name, version: pkg.version, main: 'index.js', ...pkg.json }),
    );
    for (const [file, text] of Object.entries(pkg.files ?? { 'index.js': 'module.exports = {};\n' }))
      write(join(dir, file), text);
  }
  return root;
}

/** Freezes `value` and everything reachable from it. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Reflect.ownKeys(value)) deepFreeze((value as Record<PropertyKey, unknown>)[key]);
  }
  return value;
}

/** The code of the ConcordError that `fn` throws (a note when it throws something else), or undefined. */
export const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (error) {
    return error instanceof ConcordError ? error.code : `not a ConcordError: ${String(error)}`;
  }
  return undefined;
};
