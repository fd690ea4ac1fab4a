#!/usr/bin/env node
// Runs the pinned pnpm through npx, so a machine with only Node and npm needs nothing else.
// Installs are serialised with a lock file: several terminals (or helpers) may call this at once.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const { packageManager } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

/** Runs pnpm with `args` in the repository root; returns the exit status. */
export function pnpm(args, options = {}) {
  const result = spawnSync('npx', ['--yes', packageManager, ...args], {
    cwd: options.cwd ?? root,
    stdio: options.stdio ?? 'inherit',
    env: { ...process.env, ...options.env },
    encoding: 'utf8',
  });
  if (result.error) throw result.error;
  return result;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.exitCode = pnpm(process.argv.slice(2)).status ?? 1;
}
