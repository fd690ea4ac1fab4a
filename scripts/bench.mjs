#!/usr/bin/env node
// `npm run bench`: installs, builds the packages, then runs every packages/*/bench/*.bench.mjs in its own
// process, one after another (never in parallel: the machine has 2 cores). Benchmarks import the BUILT
// packages, so they measure what users install. Figures go to BENCHMARKS.md by hand, with this command.
//   npm run bench [-- <filter>]     e.g. npm run bench -- shared-state
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pnpm } from './pnpm.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const filter = process.argv[2] ?? '';
if (pnpm(['install', '--frozen-lockfile']).status !== 0) process.exit(1);
if (pnpm(['-r', '--filter', './packages/*', 'run', 'build'], { stdio: 'ignore' }).status !== 0) {
  console.error('[bench] build failed: run `npm run build` to see why');
  process.exit(1);
}
let failed = 0;
for (const pkg of readdirSync(join(root, 'packages'))) {
  const dir = join(root, 'packages', pkg, 'bench');
  if (!existsSync(dir)) continue;
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.bench.mjs'))) {
    if (!`${pkg}/${file}`.includes(filter)) continue;
    console.log(`\n## ${pkg}/bench/${file}\n`);
    const r = spawnSync(process.execPath, ['--expose-gc', join(dir, file)], {
      cwd: join(root, 'packages', pkg),
      stdio: 'inherit',
    });
    if (r.status !== 0) failed++;
  }
}
process.exitCode = failed ? 1 : 0;
