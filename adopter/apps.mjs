// The adopter project's apps as README.md sets them up: folder, bundler, port, and how each builds and
// serves — the commands a user types (`vite build`, `rspack build`, `webpack`, `vite`, `rspack serve`),
// run with the app's own node_modules/.bin first, as npm scripts would.
import { spawn } from 'node:child_process';
import { delimiter, join } from 'node:path';
import { run } from './project.mjs';

/** @typedef {{ name: string, bundler: 'vite' | 'rspack' | 'webpack', port: number }} App */

/** @type {App[]} */
export const APPS = [
  { name: 'host', bundler: 'vite', port: 4310 },
  { name: 'cart', bundler: 'vite', port: 4311 },
  { name: 'catalog', bundler: 'rspack', port: 4312 },
  { name: 'wishlist', bundler: 'webpack', port: 4313 },
];

/** The README's other host: the same `host/` app built by Rspack (host/rspack.config.mjs), in its own project. */
export const RSPACK_HOST = { name: 'host', bundler: 'rspack', port: 4310 };

export const app = (name) => APPS.find((a) => a.name === name);
export const origin = (port) => `http://127.0.0.1:${port}`;

const BUILD = { vite: ['vite', 'build'], rspack: ['rspack', 'build'], webpack: ['webpack'] };
const DEV = { vite: ['vite'], rspack: ['rspack', 'serve'] };

/** The environment of a command run in `appDir` of `projectDir`: its bins and the project's first. */
function envFor(projectDir, appDir) {
  const path = [
    join(appDir, 'node_modules', '.bin'),
    join(projectDir, 'node_modules', '.bin'),
    process.env.PATH,
  ];
  return { PATH: path.join(delimiter), CI: '1' };
}

/** Builds one app (`folder` may be a copy of the app under another name); resolves { code, output }. */
export function buildApp(projectDir, folder, bundler, logFile) {
  const cwd = join(projectDir, folder);
  const [command, ...args] = BUILD[bundler];
  return run(command, args, { cwd, env: envFor(projectDir, cwd), logFile });
}

/**
 * Starts an app's dev server (`vite`, `rspack serve`) in its own process group; `stop()` ends the group.
 * @returns {{ output: () => string, stop: () => void, exited: Promise<number> }}
 */
export function startDev(projectDir, folder, bundler) {
  const cwd = join(projectDir, folder);
  const [command, ...args] = DEV[bundler];
  const child = spawn(command, args, {
    cwd,
    env: { ...process.env, ...envFor(projectDir, cwd), FORCE_COLOR: '0', NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const chunks = [];
  child.stdout.on('data', (c) => chunks.push(c));
  child.stderr.on('data', (c) => chunks.push(c));
  const exited = new Promise((resolve) => child.on('close', (code) => resolve(code ?? 1)));
  return {
    output: () => Buffer.concat(chunks).toString('utf8'),
    stop: () => {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {}
    },
    exited,
  };
}

/** Resolves once `url` answers 200, or rejects after `ms` (a readiness bound, not a speed check). */
export async function waitForUrl(url, ms = 180_000) {
  const until = Date.now() + ms;
  let last = '';
  while (Date.now() < until) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = error.message;
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`${url} did not answer within ${ms / 1000} s (${last})`);
}
