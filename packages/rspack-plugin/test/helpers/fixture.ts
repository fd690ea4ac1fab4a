// Fixture apps are copied to a temporary directory (builds write there, nothing lands in the repo) with a
// node_modules of symlinks: each dependency listed in the fixture's package.json, resolved from this
// package, and the fixture contract package.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const fixtures = fileURLToPath(new URL('../fixtures/', import.meta.url));
const packageDir = fileURLToPath(new URL('../../', import.meta.url));
const local: Record<string, string> = { '@fixture/contract': join(fixtures, 'contract') };
const created: string[] = [];

/** Copies `test/fixtures/<name>` to a fresh temporary directory and links its dependencies; returns its root. */
export function prepareFixture(name: string): string {
  const root = realpathSync(mkdtempSync(join(tmpdir(), `concord-rspack-${name}-`)));
  created.push(root);
  cpSync(join(fixtures, name), root, { recursive: true });
  const { dependencies = {} } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
  };
  for (const dep of Object.keys(dependencies)) {
    const target = local[dep] ?? realpathSync(join(packageDir, 'node_modules', dep));
    const link = join(root, 'node_modules', dep);
    mkdirSync(dirname(link), { recursive: true });
    symlinkSync(target, link, 'dir');
  }
  return root;
}

/** Removes every directory {@link prepareFixture} created in this test file. */
export function removeFixtures(): void {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Freezes `value` and everything reachable from it. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Reflect.ownKeys(value)) deepFreeze((value as Record<PropertyKey, unknown>)[key]);
  }
  return value;
}
