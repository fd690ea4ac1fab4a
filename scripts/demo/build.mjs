// Builds the playground for one scenario into playground/.out/<scenario>/<app>: the contract package,
// then the remotes, then the host (whose build report reads the remotes' manifests). A scenario is
// built once: a stamp over every input (sources, scenario, built Concord packages, lockfile) lets a
// later call skip it. Builds run one at a time across processes (the federation plugins write
// generated files under each app's node_modules), behind a lock directory.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  APP_INFO,
  APPS,
  appChoices,
  getScenario,
  outDir,
  playgroundDir,
} from '../../playground/scenarios.mjs';
import { hashFiles } from '../build/hash.mjs';
import { binOf } from '../build/packages.mjs';
import { checkoutOnContract } from './contract-release.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The directory holding a scenario's apps (and its logs and stamp). */
export function scenarioDir(name, env = process.env) {
  return dirname(outDir(name, 'host', env));
}

/** The output of one app's build of a scenario (its bundler's warnings, Concord's codes). */
export function buildLogFile(name, app, env = process.env) {
  return join(scenarioDir(name, env), 'logs', `${app}.log`);
}

/** Where `npm run demo -- --keep-going` leaves a failed build's error for the e2e fixtures. */
export function buildErrorFile(name, env = process.env) {
  return join(scenarioDir(name, env), 'build-error.txt');
}

/**
 * Builds a scenario unless its stamp says nothing changed.
 * @param {string} name
 * @param {{ force?: boolean, env?: NodeJS.ProcessEnv, log?: (line: string) => void }} [options]
 * @returns {Promise<{ dir: string, cached: boolean, seconds: number }>}
 */
export async function buildScenario(name, options = {}) {
  const { force = false, env = process.env, log = (line) => console.log(line) } = options;
  const scenario = getScenario(name);
  const dir = scenarioDir(name, env);
  const started = Date.now();
  const release = await lock(join(playgroundDir, '.out', '.build.lock'), log);
  try {
    rmSync(buildErrorFile(name, env), { force: true });
    await buildContract(log);
    const stamp = inputsHash(scenario, env);
    const stampFile = join(dir, '.stamp');
    const fresh = existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp;
    // CONCORD_REUSE_BUILD=1 serves an earlier build as it is (iterating on specs while packages change).
    const reuse = env.CONCORD_REUSE_BUILD === '1' && existsSync(stampFile);
    if (!force && (fresh || reuse)) return { dir, cached: true, seconds: 0 };
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(join(dir, 'logs'), { recursive: true });
    for (const app of APPS) {
      const appStarted = Date.now();
      // An app on another contract release builds from its own checkout (contract-release.mjs).
      const { version } = appChoices(scenario, app).contract;
      const cwd = version
        ? checkoutOnContract(app, version, join(dir, 'checkouts'))
        : join(playgroundDir, app);
      await buildApp(app, cwd, { ...env, CONCORD_SCENARIO: name }, buildLogFile(name, app, env));
      log(`[demo] built ${name}/${app} (${APP_INFO[app].bundler}) in ${seconds(appStarted)} s`);
    }
    writeFileSync(stampFile, stamp);
    return { dir, cached: false, seconds: Number(seconds(started)) };
  } finally {
    release();
  }
}

const seconds = (since) => ((Date.now() - since) / 1000).toFixed(1);

function buildApp(app, cwd, env, logFile) {
  const args =
    APP_INFO[app].bundler === 'rspack' ? ['build.mjs'] : [binOf(join(playgroundDir, app), 'vite'), 'build'];
  return run(
    process.execPath,
    args,
    { cwd, env: { ...env, FORCE_COLOR: '0', NO_COLOR: '1' } },
    logFile,
    `${app} build`,
  );
}

/** The contract is a package that build configs import in Node: built to dist first (once per change). */
async function buildContract(log) {
  const cwd = join(playgroundDir, 'contract');
  const stamp = hashFiles([join(cwd, 'src'), join(cwd, 'tsdown.config.ts'), distOf('shared-state')]);
  const stampFile = join(cwd, 'dist', '.stamp');
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) return;
  await run(process.execPath, [binOf(root, 'tsdown')], { cwd }, undefined, 'contract build');
  writeFileSync(stampFile, stamp);
  log('[demo] built @acme/contract');
}

const distOf = (pkg) => join(root, 'packages', pkg, 'dist');

/** Runs a command; its output goes to `logFile` (or is kept for the error); rejects on failure. */
function run(command, args, options, logFile, what) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks = [];
    child.stdout.on('data', (c) => chunks.push(c));
    child.stderr.on('data', (c) => chunks.push(c));
    child.on('error', reject);
    child.on('close', (code) => {
      const output = Buffer.concat(chunks).toString('utf8');
      if (logFile) writeFileSync(logFile, output);
      if (code === 0) resolve(output);
      else reject(new Error(`${what} failed (exit ${code}):\n${output.split('\n').slice(-40).join('\n')}`));
    });
  });
}

function inputsHash(scenario, env) {
  const hash = createHash('sha256');
  hash.update(
    JSON.stringify({
      scenario,
      port: env.CONCORD_PORT_BASE ?? null,
      overlay: env.CONCORD_PLAYGROUND_OVERLAY ?? null,
    }),
  );
  const inputs = [
    join(playgroundDir, 'scenarios.mjs'),
    join(playgroundDir, 'federation.mjs'),
    join(playgroundDir, 'contract', 'dist'),
    ...APPS.map((app) => join(playgroundDir, app)),
    // Every Concord package the build plugins run (build-core included), as built.
    ...readdirSync(join(root, 'packages')).map(distOf),
    join(root, 'pnpm-lock.yaml'),
  ];
  hash.update(hashFiles(inputs));
  return hash.digest('hex');
}

/** A cross-process lock: a directory holding the owner's pid; a dead owner's lock is taken over. */
export async function lock(path, log) {
  mkdirSync(dirname(path), { recursive: true });
  let told = false;
  for (;;) {
    try {
      mkdirSync(path);
      writeFileSync(join(path, 'pid'), String(process.pid));
      return () => rmSync(path, { recursive: true, force: true });
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      const owner = Number(readFileSafe(join(path, 'pid')));
      if (owner && !alive(owner)) {
        rmSync(path, { recursive: true, force: true });
        continue;
      }
      if (!told) log(`[demo] waiting for another playground build (pid ${owner || '?'}) to finish…`);
      told = true;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

function readFileSafe(path) {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
