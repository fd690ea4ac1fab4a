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
import { parseArgs } from 'node:util';
import { pnpm } from './pnpm.mjs';

const { values } = parseArgs({
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
});

if (values.help) {
  console.log(
    'Usage: npm run demo -- [--scenario <name>] [--check] [--list] [--no-install] [--rebuild] [--port-base <n>] [--keep-going]',
  );
  process.exit(0);
}
if (values['port-base']) process.env.CONCORD_PORT_BASE = values['port-base'];

if (values.install && !values.list) {
  step('installing dependencies', ['install', '--frozen-lockfile']);
  step('building the Concord packages', ['-r', '--filter', './packages/*', 'run', 'build']);
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

function step(what, args) {
  console.log(`[demo] ${what}…`);
  const { status } = pnpm(args);
  if (status !== 0) {
    console.error(`[demo] ${what} failed (pnpm ${args.join(' ')} exited ${status}).`);
    process.exit(1);
  }
}
