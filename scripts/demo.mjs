#!/usr/bin/env node
// `npm run demo`: installs, builds the Concord packages and one playground scenario, serves it on fixed
// loopback ports, prints the build report and the URL to open, and stays up until Ctrl-C.
//
//   npm run demo                              the baseline: every app agrees
//   npm run demo -- --scenario <name>         a fault scenario (see --list)
//   npm run demo -- --check                   build, serve, verify the pages load, exit 0/1
//
// Other flags: --list, --no-install (skip install and package builds), --rebuild (ignore the cache),
// --port-base <n> (serve on other ports; builds are separate per port base), --keep-going (the e2e
// servers: a failed build is served as its error message instead of stopping every e2e project).
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { getScenario } from '../playground/scenarios.mjs';
import { buildPackages } from './build/packages.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const logDir = join(root, '.concord-tmp', 'demo');
const usage =
  'Usage: npm run demo -- [--scenario <name>] [--check] [--list] [--no-install] [--rebuild] [--port-base <n>] [--keep-going]';

/** A bad argument: the usage line and exit 2, before anything is installed or built. */
function usageError(message) {
  console.error(`[demo] ${message}\n${usage}`);
  process.exit(2);
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      scenario: { type: 'string', default: 'baseline' },
      check: { type: 'boolean', default: false },
      list: { type: 'boolean', default: false },
      install: { type: 'boolean', default: true },
      rebuild: { type: 'boolean', default: false },
      'port-base': { type: 'string' },
      'keep-going': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    allowNegative: true,
  }));
} catch (error) {
  usageError(error.message);
}

if (values.help) {
  console.log(usage);
  process.exit(0);
}
const portBase = values['port-base'];
// Ports base+0 … base+9 must be valid unprivileged ports.
if (portBase !== undefined && !(/^\d+$/.test(portBase) && +portBase >= 1024 && +portBase <= 65525)) {
  usageError(`--port-base must be a whole number from 1024 to 65525, not "${portBase}".`);
}
try {
  getScenario(values.scenario);
} catch (error) {
  usageError(`${error.message} (npm run demo -- --list)`);
}
if (portBase) process.env.CONCORD_PORT_BASE = portBase;

if (values.install && !values.list) {
  mkdirSync(logDir, { recursive: true });
  await quietStep('installing dependencies', 'install.log', ['install', '--frozen-lockfile']);
  const started = Date.now();
  const built = await buildPackages({ log: () => {} });
  const failed = built.find((r) => !r.ok);
  if (failed) {
    console.error(
      `[demo] building the Concord packages failed at ${failed.name}: see .concord-tmp/build/ (npm run build shows it).`,
    );
    process.exit(1);
  }
  const fresh = built.filter((r) => !r.cached).map((r) => r.name);
  console.log(
    fresh.length
      ? `[demo] built ${fresh.join(', ')} in ${((Date.now() - started) / 1000).toFixed(1)} s`
      : '[demo] Concord packages up to date',
  );
}

// Imported only now: before the install, the playground's dependencies may not exist yet.
const { runDemo } = await import('./demo/run.mjs');
try {
  process.exitCode = await runDemo({
    scenario: values.scenario,
    check: values.check,
    list: values.list,
    rebuild: values.rebuild,
    keepGoing: values['keep-going'],
  });
} catch (error) {
  console.error(`[demo] ${error.message}`);
  process.exitCode = 1;
}

/** Runs pnpm with its output in .concord-tmp/demo/<logName>; one line, and the log's tail on failure. */
async function quietStep(what, logName, args) {
  console.log(`[demo] ${what}…`);
  const { packageManager } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const logFile = join(logDir, logName);
  const { code, output } = await new Promise((resolve) => {
    const chunks = [];
    const child = spawn('npx', ['--yes', packageManager, ...args], {
      cwd: root,
      env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1', NODE_NO_WARNINGS: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (c) => chunks.push(c));
    child.stderr.on('data', (c) => chunks.push(c));
    child.on('error', (error) => chunks.push(Buffer.from(String(error))));
    child.on('close', (status) => resolve({ code: status ?? 1, output: Buffer.concat(chunks).toString() }));
  });
  writeFileSync(logFile, output);
  if (code !== 0) {
    console.error(`[demo] ${what} failed (pnpm ${args.join(' ')} exited ${code}); ${logFile}:`);
    console.error(output.split('\n').slice(-40).join('\n'));
    process.exit(1);
  }
}
