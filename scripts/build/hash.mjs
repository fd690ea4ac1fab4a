// One content hash over files, for the build caches of `npm run build` and `npm run demo`: paths
// (relative to the repository) and bytes, directories walked in name order minus build output.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Directory names never walked into (a path given explicitly is walked even when its name is here). */
export const SKIP = new Set(['node_modules', 'dist', '.out', '.tsbuild', 'test-results', '.turbo']);

/**
 * A sha256 over the files under `paths` (missing paths count as absent); `skip` adds directory names.
 * @param {string[]} paths @param {{ skip?: Iterable<string> }} [options]
 */
export function hashFiles(paths, { skip = [] } = {}) {
  const skipped = new Set([...SKIP, ...skip]);
  const hash = createHash('sha256');
  const visit = (path) => {
    if (!existsSync(path)) return;
    if (statSync(path).isDirectory()) {
      for (const name of readdirSync(path).sort()) if (!skipped.has(name)) visit(`${path}/${name}`);
      return;
    }
    hash.update(relative(root, path));
    hash.update('\0');
    hash.update(readFileSync(path));
  };
  for (const path of paths) visit(path);
  return hash.digest('hex');
}
