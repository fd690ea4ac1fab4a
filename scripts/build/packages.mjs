// Builds the published packages in dependency order, each only when its inputs changed: a stamp in the
// package's node_modules/ records the hash of its inputs (sources, configs, the lockfile, the built dist/
// of its workspace dependencies) and of the dist/ that build produced. A package is skipped when both
// still match, so a dist/ rebuilt or deleted by hand is rebuilt.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hashFiles } from './hash.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const packagesDir = join(root, 'packages');
export const buildLogDir = join(root, '.concord-tmp', 'build');

const manifest = (dir) => JSON.parse(readFileSync(join(packagesDir, dir, 'package.json'), 'utf8'));

/** The published packages' directory names (private ones such as test-utils are not built for npm). */
export function publishedPackages() {
  return readdirSync(packagesDir).filter(
    (d) => existsSync(join(packagesDir, d, 'package.json')) && !manifest(d).private,
  );
}

/** `dirs` ordered so that each package comes after its workspace dependencies. */
export function topologicalOrder(dirs) {
  const byName = new Map(dirs.map((d) => [manifest(d).name, d]));
  const order = [];
  const visit = (d, path = []) => {
    if (order.includes(d)) return;
    if (path.includes(d)) throw new Error(`workspace dependency cycle: ${[...path, d].join(' -> ')}`);
    const m = manifest(d);
    for (const dep of Object.keys({ ...m.dependencies, ...m.devDependencies, ...m.peerDependencies })) {
      if (byName.has(dep)) visit(byName.get(dep), [...path, d]);
    }
    order.push(d);
  };
  for (const d of [...dirs].sort()) visit(d);
  return order;
}

/** The workspace packages `dir` depends on (any kind of dependency). */
function workspaceDeps(dir, dirs) {
  const m = manifest(dir);
  const names = new Set(Object.keys({ ...m.dependencies, ...m.devDependencies, ...m.peerDependencies }));
  return dirs.filter((d) => names.has(manifest(d).name));
}

/** What a package's build depends on: everything in it but tests, benches and output, plus its deps' dist. */
function inputsHash(dir, deps) {
  const pkg = join(packagesDir, dir);
  return hashFiles(
    [
      pkg,
      join(root, 'pnpm-lock.yaml'),
      join(root, 'tsconfig.base.json'),
      ...deps.map((d) => join(packagesDir, d, 'dist')),
    ],
    { skip: ['test', 'bench'] },
  );
}

const stampFile = (dir) => join(packagesDir, dir, 'node_modules', '.concord-build-stamp.json');
const distHash = (dir) => hashFiles([join(packagesDir, dir, 'dist')]);

function readStamp(dir) {
  try {
    return JSON.parse(readFileSync(stampFile(dir), 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * Builds every published package that needs it, in order; stops at the first failure (its dependents
 * would bundle a stale dist/) and reports the rest as not built.
 * @param {{ force?: boolean, log?: (line: string) => void }} [options]
 * @returns {Promise<{ name: string, ok: boolean, cached: boolean, seconds: number }[]>}
 */
export async function buildPackages({ force = false, log = (line) => console.log(line) } = {}) {
  const dirs = topologicalOrder(publishedPackages());
  mkdirSync(buildLogDir, { recursive: true });
  const results = [];
  let failed;
  for (const dir of dirs) {
    const name = manifest(dir).name;
    if (failed) {
      results.push({ name, ok: false, cached: false, seconds: 0 });
      log(`[build] ${name}: not built (${failed} failed)`);
      continue;
    }
    const inputs = inputsHash(dir, workspaceDeps(dir, dirs));
    const stamp = readStamp(dir);
    if (!force && stamp?.inputs === inputs && stamp.dist === distHash(dir)) {
      results.push({ name, ok: true, cached: true, seconds: 0 });
      log(`[build] ${name}: up to date`);
      continue;
    }
    const started = Date.now();
    const logFile = join(buildLogDir, `${dir}.log`);
    const code = await runTo(logFile, join(packagesDir, dir));
    const seconds = Number(((Date.now() - started) / 1000).toFixed(1));
    if (code === 0) {
      mkdirSync(join(packagesDir, dir, 'node_modules'), { recursive: true });
      writeFileSync(stampFile(dir), JSON.stringify({ inputs, dist: distHash(dir) }));
      results.push({ name, ok: true, cached: false, seconds });
      log(`[build] ${name}: built in ${seconds} s`);
    } else {
      failed = name;
      results.push({ name, ok: false, cached: false, seconds });
      log(`[build] ${name}: FAILED (exit ${code}); its output (${logFile}):`);
      log(readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n'));
    }
  }
  return results;
}

/**
 * Runs the package's `build` script with its output in `logFile`; resolves the exit code. A plain
 * `tsdown` script runs tsdown's bin directly (no pnpm start-up per package); any other goes through pnpm.
 */
function runTo(logFile, cwd) {
  const script = JSON.parse(readFileSync(join(cwd, 'package.json'), 'utf8')).scripts?.build;
  const { packageManager } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const [command, args] =
    script === 'tsdown'
      ? [process.execPath, [binOf(cwd, 'tsdown')]]
      : ['npx', ['--yes', packageManager, 'run', 'build']];
  return new Promise((resolve) => {
    const chunks = [];
    const child = spawn(command, args, {
      cwd,
      env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (c) => chunks.push(c));
    child.stderr.on('data', (c) => chunks.push(c));
    child.on('error', (error) => chunks.push(Buffer.from(String(error))));
    child.on('close', (code) => {
      writeFileSync(logFile, Buffer.concat(chunks));
      resolve(code ?? 1);
    });
  });
}

/** The file of `pkg`'s own bin, resolved from `fromDir` as its package.json declares it. */
export function binOf(fromDir, pkg) {
  const require = createRequire(join(fromDir, 'package.json'));
  const manifestPath = require.resolve(`${pkg}/package.json`);
  const { bin } = JSON.parse(readFileSync(manifestPath, 'utf8'));
  return join(dirname(manifestPath), typeof bin === 'string' ? bin : bin[pkg]);
}
