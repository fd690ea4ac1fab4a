// Spawning the real bin (`node dist/cli.js`) as CI would. dist/ is built when missing or older than src/
// (npm test builds first, so that is for local runs).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const PKG_DIR = join(import.meta.dirname, '../..');
export const BIN = join(PKG_DIR, 'dist/cli.js');

/**
 * Every test that spawns Node (some several times) may take seconds per spawn on a loaded 2-core machine:
 * pass this to its `describe`, and assert no duration.
 */
export const SPAWNS = { timeout: 180_000 };

function newestSource(dir: string): number {
  let newest = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const info = statSync(path);
    newest = Math.max(newest, info.isDirectory() ? newestSource(path) : info.mtimeMs);
  }
  return newest;
}

const isFresh = (): boolean => existsSync(BIN) && statSync(BIN).mtimeMs >= newestSource(join(PKG_DIR, 'src'));

// Test files run in parallel workers, and tsdown empties dist/ before writing it: without a lock, one file's
// build would delete the bin under another file's spawns. Builders take this directory as a lock.
const LOCK = join(tmpdir(), `concord-report-build-${Buffer.from(PKG_DIR).toString('hex').slice(-32)}.lock`);
const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** Builds dist/ when it is missing or older than src/; for `beforeAll(ensureBuilt, 180_000)`. */
export function ensureBuilt(): void {
  if (isFresh()) return;
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      // Another worker is building; a lock older than the longest build is left over from a killed run.
      if (existsSync(LOCK) && Date.now() - statSync(LOCK).mtimeMs > 300_000)
        rmSync(LOCK, { recursive: true });
      pause(250);
    }
  }
  try {
    if (isFresh()) return;
    const tsdown = join(PKG_DIR, '../../node_modules/.bin/tsdown');
    const built = spawnSync(tsdown, [], { cwd: PKG_DIR, encoding: 'utf8' });
    if (built.status !== 0) throw new Error(`build failed:\n${built.stdout}\n${built.stderr}`);
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Spawns the bin asynchronously, so an HTTP server in the test process can answer it. */
export function concordCli(
  args: string[],
  env: Record<string, string> = {},
  cwd = PKG_DIR,
  bin = BIN,
): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], {
      cwd,
      env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
