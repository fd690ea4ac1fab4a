#!/usr/bin/env node
// `npm test`: installs what is missing, then runs every check — build, lint, types, publint, unit,
// size budgets, the adopter suite, e2e — and ends with one plain line `N passed, N failed` summing every suite.
// Every step runs even when an earlier one failed, so one run shows everything that is wrong.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { publishedPackages, topologicalOrder } from './build/packages.mjs';
import { ensureChromium } from './chromium.mjs';
import { pnpm } from './pnpm.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const tmp = join(root, '.concord-tmp');
rmSync(tmp, { recursive: true, force: true });
mkdirSync(tmp, { recursive: true });

const tally = { passed: 0, failed: 0 };
const failures = [];
const only = process.env.CONCORD_TEST_ONLY?.split(',');

function record(name, ok, passed = ok ? 1 : 0, failed = ok ? 0 : 1) {
  tally.passed += passed;
  tally.failed += failed;
  if (!ok || failed > 0) failures.push(name);
  console.log(`\n[test] ${ok && failed === 0 ? 'ok  ' : 'FAIL'} ${name}: ${passed} passed, ${failed} failed`);
}

function step(name, fn) {
  if (only && !only.some((o) => name.startsWith(o))) return;
  const started = Date.now();
  console.log(`\n[test] ── ${name}`);
  try {
    fn();
  } catch (error) {
    console.error(error);
    record(name, false);
  }
  console.log(`[test] ${name} took ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

const run = (args, options) => pnpm(args, options).status === 0;
// The published packages (private ones such as test-utils are neither built nor linted for npm).
const packages = topologicalOrder(publishedPackages());

step('install', () => record('install', run(['install', '--frozen-lockfile'])));
step('chromium', () => record('chromium', ensureChromium()));
// `npm run build` itself (dependency order, content-hash cache): one count per package.
step('build', () => {
  const out = join(tmp, 'build.json');
  const ok =
    spawnSync('npm', ['run', 'build', '--', '--json', out], { cwd: root, stdio: 'inherit' }).status === 0;
  const results = readJson(out, (r) => r.map(({ name, ok, cached }) => ({ name, ok, cached })));
  if (!results.every((r) => r.name)) return record('build (npm run build)', false);
  for (const r of results) record(`build ${r.name}${r.cached ? ' (up to date)' : ''}`, ok && r.ok);
});
step('lint', () => record('lint (biome ci)', run(['exec', 'biome', 'ci', '.'])));
step('types', () => record('types (tsc -b)', run(['exec', 'tsc', '-b'])));
for (const p of packages)
  step(`publint ${p}`, () => record(`publint ${p}`, run(['--dir', `packages/${p}`, 'run', 'publint'])));

// The repository's own tests (docs, README, builtins) on the sources.
step('unit', () =>
  vitest('unit: repository (vitest)', 'vitest.json', ['--project', 'repo', '--reporter=default']),
);
// Every package's tests against the built dist/ (no `@concord/source` condition): what users install, built by
// the build step above from the same sources. They run once, here: `npm run unit` runs them on the sources
// while developing (the same tests; `tsc -b` checks the sources' types).
step('unit-dist', () =>
  vitest(
    'unit: packages against dist (vitest)',
    'vitest-dist.json',
    [...packages.flatMap((p) => ['--project', p]), '--reporter=dot'],
    { CONCORD_TEST_DIST: '1' },
  ),
);

step('size', () => {
  const out = join(tmp, 'size.json');
  const ok =
    spawnSync(process.execPath, ['scripts/size.mjs', '--json', out], { cwd: root, stdio: 'inherit' })
      .status === 0;
  const counts = readJson(out, (r) => [r.filter((b) => b.ok).length, r.filter((b) => !b.ok).length]);
  record('size budgets', ok, counts[0], Math.max(counts[1], ok ? 0 : 1));
});

// README.md's setup, built from the packed packages in a fresh npm project outside the repository.
step('adopter', () => {
  const out = join(tmp, 'adopter.json');
  const ok =
    spawnSync(process.execPath, ['adopter/run.mjs', '--json', out], { cwd: root, stdio: 'inherit' })
      .status === 0;
  const counts = readJson(out, (r) => [r.passed, r.failed]);
  record('adopter suite (README.md on packed packages)', ok, counts[0], Math.max(counts[1], ok ? 0 : 1));
});

if (existsSync(join(root, 'e2e', 'playwright.config.ts'))) {
  step('e2e', () => {
    const out = join(tmp, 'playwright.json');
    const ok = run(['--dir', 'e2e', 'exec', 'playwright', 'test'], {
      env: { PLAYWRIGHT_JSON_OUTPUT_NAME: out, CONCORD_PW_JSON: '1' },
    });
    const counts = readJson(out, (r) => [
      r.stats.expected + r.stats.flaky,
      r.stats.unexpected,
      r.stats.flaky,
    ]);
    // A spec that failed once and passed on its one retry is counted as passed but never hidden.
    if (counts[2])
      console.log(`[test] e2e: ${counts[2]} spec(s) flaky (failed, then passed on a retry): see above`);
    record('e2e (playwright)', ok, counts[0], Math.max(counts[1], ok ? 0 : 1));
  });
}

/** Runs the vitest workspace with `args` and records its counts under `name`. */
function vitest(name, jsonName, args, env) {
  const out = join(tmp, jsonName);
  const ok = run(
    [
      'exec',
      'vitest',
      'run',
      '--config',
      'vitest.workspace.ts',
      ...args,
      '--reporter=json',
      `--outputFile.json=${out}`,
    ],
    { env },
  );
  const counts = readJson(out, (r) => [r.numPassedTests, r.numFailedTests + (r.numRuntimeErrorTests ?? 0)]);
  record(name, ok, counts[0], Math.max(counts[1], ok ? 0 : 1));
}

function readJson(file, pick) {
  try {
    return pick(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return [0, 0];
  }
}

if (failures.length) console.log(`\n[test] failed: ${failures.join('; ')}`);
console.log(`\n${tally.passed} passed, ${tally.failed} failed`);
process.exitCode = tally.failed > 0 || tally.passed === 0 ? 1 : 0;
