#!/usr/bin/env node
// The adopter suite (`npm run adopter`, a step of `npm test`): what a new user gets from README.md, on
// what npm would install. It packs Concord's published packages, creates an npm project in the OS temp
// directory, writes README.md's code blocks into it verbatim, installs, and builds a Vite host, a Vite
// remote, an Rspack remote and a webpack 5 remote — host first, so no app has its siblings' manifests
// yet. Then: the documented `npx concord report`, the page in Chromium, one injected fault, the same apps
// under `vite dev` and `rspack serve`, the Vite apps again on Vite 7, and the README's Rspack host with the
// same remotes (healthy, then with the fault). Every check is counted; the last line is `N passed, N failed`
// (--json <file> writes the counts for npm test).
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildPackages } from '../scripts/build/packages.mjs';
import { lock } from '../scripts/demo/build.mjs';
import { closeAll, serveDir } from '../scripts/demo/serve.mjs';
import { APPS, app, buildApp, origin, RSPACK_HOST, startDev, waitForUrl } from './apps.mjs';
import { launch, visit } from './browser.mjs';
import { Checks } from './checks.mjs';
import { injectUnsharedZustand } from './fault.mjs';
import {
  npmInstall,
  PINS,
  packPackages,
  rspackHostInstalls,
  run,
  VITE7,
  writeFiles,
  writePackageJsons,
} from './project.mjs';
import { fileBlocks, installs, taggedBlock } from './readme.mjs';
import { SCAFFOLD } from './scaffold.mjs';

const repo = fileURLToPath(new URL('..', import.meta.url));
const usage = 'Usage: npm run adopter -- [--json <file>] [--keep] [--tarballs <dir>]';
let values;
try {
  ({ values } = parseArgs({
    options: {
      json: { type: 'string' },
      // Keep the project in the temp directory afterwards (to look at it).
      keep: { type: 'boolean', default: false },
      // Install these tarballs instead of building and packing the packages (iterating on the suite).
      tarballs: { type: 'string' },
    },
  }));
} catch (error) {
  console.error(`[adopter] ${error.message}\n${usage}`);
  process.exit(2);
}

const work = mkdtempSync(join(tmpdir(), 'concord-adopter-'));
const logs = join(repo, '.concord-tmp', 'adopter');
const started = Date.now();
const checks = new Checks();
const stops = [];
let browser;

// One run at a time on a machine (fixed ports; a second `npm test` in another checkout waits here).
const release = await lock(join(tmpdir(), 'concord-adopter.lock'), (line) =>
  console.log(line.replace('[demo]', '[adopter]').replace('playground build', 'adopter run')),
);
try {
  await suite();
} catch (error) {
  checks.check('the suite ran to its end', false, error.stack ?? String(error));
} finally {
  for (const stop of stops.splice(0)) await stop();
  await browser?.close();
  if (!values.keep) rmSync(work, { recursive: true, force: true });
  release();
}
const seconds = ((Date.now() - started) / 1000).toFixed(0);
console.log(`[adopter] ${checks.results.length} checks in ${seconds} s; logs in ${logs}`);
if (values.json)
  writeFileSync(
    values.json,
    JSON.stringify(
      { passed: checks.passed, failed: checks.failed, seconds: Number(seconds), checks: checks.results },
      null,
      2,
    ),
  );
console.log(`\n${checks.passed} passed, ${checks.failed} failed`);
process.exitCode = checks.failed > 0 || checks.passed === 0 ? 1 : 0;

async function suite() {
  rmSync(logs, { recursive: true, force: true });
  mkdirSync(logs, { recursive: true });
  const readme = readFileSync(join(repo, 'README.md'), 'utf8');
  const files = fileBlocks(readme);
  const wanted = [
    'contract/package.json',
    'contract/index.ts',
    ...[...APPS, RSPACK_HOST].map((a) => configOf(a)),
  ];
  checks.check(
    'README.md has a block for each file the apps need',
    wanted.every((f) => f in files),
    `missing: ${wanted.filter((f) => !(f in files)).join(', ')}`,
  );
  const install = installs(readme);
  const concordInternal = install.filter((i) => /^@concord\/(runtime-plugin|build-core)$/.test(i.name));
  checks.check(
    'README.md installs no Concord internals (runtime-plugin, build-core) itself',
    concordInternal.length === 0,
    JSON.stringify(concordInternal),
  );

  const tarballs = values.tarballs ? existingTarballs(values.tarballs) : await packed();
  if (!tarballs) return;
  checks.check(
    `${Object.keys(tarballs).length} packed packages to install`,
    Object.keys(tarballs).length >= 5,
  );

  // Vite 8: every app. The Vite 7 project installs meanwhile (mostly waiting on the disk and the cache).
  const v8 = join(work, 'vite8');
  const v7 = join(work, 'vite7');
  if (
    !(await project(v8, 'vite 8', files, install, tarballs, PINS, ['contract', ...APPS.map((a) => a.name)]))
  )
    return;
  const v7ready = project(v7, 'vite 7', files, install, tarballs, { ...PINS, ...VITE7 }, [
    'contract',
    'host',
    'cart',
  ]);
  // The Rspack host: the same host/ with README's Rspack config and install line, in a project of its own.
  const rh = join(work, 'rspackhost');
  const rhReady = checks
    .attempt('rspack host: the install lines', () => rspackHostInstalls(install))
    .then((lines) => lines && project(rh, 'rspack host', files, lines, tarballs, PINS, ['contract', 'host']));
  // The host first: its siblings' manifests do not exist yet, an info line each (CONCORD-118), no failure.
  for (const a of APPS)
    await build(v8, a.name, a.bundler, 'vite 8', { codes: a.name === 'host' ? ['CONCORD-118'] : [] });
  await cli(v8, readme, 'vite 8', { expectFindings: [] });
  await page(v8, 'vite 8 production', { healthy: true });

  // Vite 7: the host and the Vite remote again (remote first this time), beside the Rspack and webpack builds above.
  if (await v7ready) {
    for (const name of ['catalog', 'wishlist'])
      if (existsSync(join(v8, name, 'dist')))
        cpSync(join(v8, name, 'dist'), join(v7, name, 'dist'), { recursive: true });
    for (const name of ['cart', 'host'])
      await build(v7, name, 'vite', 'vite 7', { versionLine: /vite v7\./ });
    await page(v7, 'vite 7 production', { healthy: true });
  }

  // The Rspack host, first in its project too (CONCORD-118 for each remote), then its remotes: the builds
  // above, copied. The report command and the page see all four.
  const rspackHost = await rhReady;
  const rhStarted = Date.now();
  if (rspackHost) {
    await build(rh, 'host', 'rspack', 'rspack host', { codes: ['CONCORD-118'] });
    for (const name of ['cart', 'catalog', 'wishlist'])
      if (existsSync(join(v8, name, 'dist')))
        cpSync(join(v8, name, 'dist'), join(rh, name, 'dist'), { recursive: true });
    const report = await cli(rh, readme, 'rspack host', { expectFindings: [] });
    const host = report?.apps.find((a) => a.name === 'host');
    checks.check('rspack host: the report reads host as an Rspack app', host?.bundler === 'rspack', host);
    await page(rh, 'rspack host production', { healthy: true });
  }
  let rhSeconds = (Date.now() - rhStarted) / 1000;

  // One fault: the Rspack remote leaves zustand out of `shared` (autoShare off, React shared by hand).
  const config = join(v8, configOf(app('catalog')));
  writeFileSync(config, injectUnsharedZustand(readFileSync(config, 'utf8')));
  await build(v8, 'catalog', 'rspack', 'fault', {
    exit: 1,
    codes: ['CONCORD-106', 'CONCORD-413', 'CONCORD-112'],
  });
  if (
    checks.check(
      'fault: the failed build still wrote the catalog',
      existsSync(join(v8, 'catalog', 'dist', 'remoteEntry.js')),
    )
  ) {
    await cli(v8, readme, 'fault', { expectExit: 1, expectFindings: ['CONCORD-413'] });
    await page(v8, 'fault production', { codes: ['CONCORD-202', 'CONCORD-203'], faulty: 'zustand' });
    const t = Date.now();
    if (rspackHost)
      await page(
        v8,
        'fault, rspack host production',
        { codes: ['CONCORD-202', 'CONCORD-203'], faulty: 'zustand' },
        { host: rh },
      );
    rhSeconds += (Date.now() - t) / 1000;
  }
  // Not a check (nothing here is timed): what the Rspack host adds after its install, which overlaps the builds.
  console.log(`[adopter] the Rspack host's build, report and pages took ${rhSeconds.toFixed(0)} s`);

  // Development: the host and the Vite remote under `vite`, the (faulty) Rspack remote under `rspack serve`.
  await dev(v8);
}

/** Builds (cached by content) and packs the published packages. */
async function packed() {
  const built = await buildPackages({ log: () => {} });
  if (
    !checks.check(
      'the Concord packages are built',
      built.every((r) => r.ok),
      JSON.stringify(built),
    )
  )
    return;
  return packPackages(join(work, 'tarballs'), join(logs, 'pack.log'));
}

function existingTarballs(dir) {
  const names = readdirSync(dir).filter((f) => f.endsWith('.tgz'));
  return Object.fromEntries(
    names.map((f) => [f.replace(/^concord-(.*)-\d+\.\d+\.\d+\.tgz$/, '@concord/$1'), join(dir, f)]),
  );
}

function configOf({ name, bundler }) {
  return `${name}/${bundler === 'vite' ? 'vite.config.ts' : `${bundler}.config.mjs`}`;
}

/** Writes the project from the README, installs it and builds the contract package. */
async function project(dir, label, files, install, tarballs, pins, workspaces) {
  const mine = Object.fromEntries(
    Object.entries({ ...files, ...SCAFFOLD }).filter(([f]) => workspaces.includes(f.split('/')[0])),
  );
  writeFiles(dir, mine);
  for (const w of workspaces) mkdirSync(join(dir, w), { recursive: true });
  const manifests = await checks.attempt(
    `${label}: package.json of each app from README.md's install lines`,
    () => {
      const m = writePackageJsons(
        dir,
        // The lines for this project's apps (and the root's): the Vite 7 project has no Rspack or webpack app.
        install
          .filter((i) => i.workspaces.length === 0 || i.workspaces.some((w) => workspaces.includes(w)))
          .map((i) => ({ ...i, workspaces: i.workspaces.filter((w) => workspaces.includes(w)) })),
        tarballs,
        pins,
        workspaces,
      );
      checks.check(`${label}: package.json of each app from README.md's install lines`, true);
      return m;
    },
  );
  if (!manifests) return false;
  const t = Date.now();
  const installed = await npmInstall(dir, join(logs, `${label.replace(' ', '')}-install.log`));
  if (
    !checks.check(
      `${label}: npm install of the tarballs (${((Date.now() - t) / 1000).toFixed(0)} s)`,
      installed.code === 0,
      installed.output,
    )
  )
    return false;
  const contract = await run('npm', ['run', 'build', '-w', 'contract'], {
    cwd: dir,
    logFile: join(logs, `${label.replace(' ', '')}-contract.log`),
  });
  return checks.check(
    `${label}: the contract package builds (npm run build -w contract)`,
    contract.code === 0,
    contract.output,
  );
}

/**
 * Builds one app; checks its exit code, the codes it must print, and (when given) its bundler's version line.
 * @param {{ versionLine?: RegExp, codes?: string[], exit?: number }} [expect]
 */
async function build(dir, name, bundler, label, { versionLine, codes = [], exit = 0 } = {}) {
  const t = Date.now();
  const log = join(logs, `${label.replace(' ', '')}-${name}-build.log`);
  const { code, output } = await buildApp(dir, name, bundler, log);
  const took = `${((Date.now() - t) / 1000).toFixed(0)} s`;
  const what = exit === 0 ? 'builds' : `build exits ${exit}`;
  const ok = checks.check(
    `${label}: ${name} (${bundler}) ${what} (${took})`,
    code === exit,
    `exit ${code}\n${output}`,
  );
  if (versionLine)
    checks.check(
      `${label}: ${name} built with ${versionLine}`,
      versionLine.test(output),
      output.slice(0, 400),
    );
  for (const c of codes) checks.check(`${label}: ${name}'s build prints ${c}`, output.includes(c), output);
  return ok;
}

/** Runs README.md's report command as it stands, in the project root, where npm may not download anything. */
async function cli(dir, readme, label, { expectExit = 0, expectFindings }) {
  const command = taggedBlock(readme, 'cli').text.trim();
  const { code, output } = await run('sh', ['-c', command], {
    cwd: dir,
    env: { npm_config_offline: 'true' },
    logFile: join(logs, `${label.replace(' ', '')}-cli.log`),
  });
  checks.check(
    `${label}: \`${command.split(' ').slice(0, 3).join(' ')} …\` runs Concord's report`,
    /Concord report/.test(output) && /CONCORD-|0 errors/.test(output),
    output,
  );
  checks.check(
    `${label}: the report command exits ${expectExit}`,
    code === expectExit,
    `exit ${code}\n${output}`,
  );
  const jsonFile = /--json (\S+)/.exec(command)?.[1];
  if (!jsonFile) return;
  const report = JSON.parse(readFileSync(join(dir, jsonFile), 'utf8'));
  const found = report.findings.map((f) => f.code);
  checks.check(
    `${label}: the report reads all ${APPS.length} apps`,
    report.apps.length === APPS.length,
    JSON.stringify(report.apps.map((a) => a.name)),
  );
  // A healthy page has no finding, except the info line naming @module-federation/vite's start-order race
  // (CONCORD-430) for each singleton a Vite host and a Vite remote bundle at one version.
  if (expectFindings.length === 0)
    checks.check(
      `${label}: the report has zero findings (beside CONCORD-430 info lines)`,
      report.findings.every((f) => f.code === 'CONCORD-430' && f.severity === 'info'),
      found.join(', '),
    );
  for (const c of expectFindings)
    checks.check(`${label}: the report finds ${c}`, found.includes(c), found.join(', '));
  return report;
}

/** Serves each app's dist on its port (from `dir`, or the project `from` names) and checks the page. */
async function page(dir, label, expect, from = {}) {
  const servers = [];
  try {
    for (const a of APPS) servers.push(await serve(join(from[a.name] ?? dir, a.name, 'dist'), a.port));
    await look(label, `${origin(app('host').port)}/`, expect);
  } finally {
    await closeAll(servers);
  }
}

/** serveDir, waiting (up to a minute) for a port that something else holds for a moment. */
async function serve(dir, port) {
  for (let tries = 0; ; tries++) {
    try {
      return await serveDir(dir, port);
    } catch (error) {
      if (tries >= 60 || !/already in use/.test(error.message)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}

/** Loads the page and checks state flow and Concord's findings. */
async function look(label, url, { healthy = false, codes = [], faulty }) {
  browser ??= await launch();
  const seen = await visit(browser, url);
  const detail = [
    ...seen.console.slice(-8).map((m) => `console.${m.type}: ${m.text.slice(0, 200)}`),
    `failure: ${seen.failure ?? 'none'}`,
    `before: ${JSON.stringify(seen.before)}`,
    `after: ${JSON.stringify(seen.after)}`,
  ].join('\n');
  checks.check(`${label}: the host mounts the Vite, Rspack and webpack remotes`, seen.mounted, detail);
  checks.check(
    `${label}: state flows (catalog → cart → host badge, host theme → wishlist and catalog)`,
    !seen.failure &&
      seen.after?.badge === '2' &&
      seen.after.cart?.startsWith('2') &&
      seen.after.catalogTheme === 'dark',
    detail,
  );
  const concordLines = seen.console.filter((m) => m.text.includes('CONCORD-')).map((m) => m.text);
  if (healthy) {
    checks.check(
      `${label}: zero Concord findings on the page`,
      seen.diagnostics?.length === 0,
      JSON.stringify(seen.diagnostics),
    );
    checks.check(
      `${label}: no console error or Concord line`,
      seen.errors().length === 0 && concordLines.length === 0,
      JSON.stringify(seen.console),
    );
    checks.check(
      `${label}: one copy of each store library`,
      seen.singleInstances === 'ok',
      seen.singleInstances,
    );
  }
  for (const c of codes) {
    const line = concordLines.some((l) => l.includes(c) && l.includes(faulty));
    checks.check(`${label}: the console names ${c} for ${faulty}`, line, JSON.stringify(concordLines));
    const found = seen.diagnostics?.some((d) => d.code === c && d.package === faulty);
    checks.check(
      `${label}: __CONCORD__.getDiagnostics() has ${c} for ${faulty}`,
      found,
      JSON.stringify(seen.diagnostics),
    );
  }
  if (faulty) {
    const others = (seen.diagnostics ?? []).filter((d) => d.package !== faulty);
    checks.check(
      `${label}: no finding about any package but ${faulty}`,
      others.length === 0,
      JSON.stringify(others),
    );
  }
  return seen;
}

/** `vite` for the host and the Vite remote, `rspack serve` for the Rspack remote, the webpack build served. */
async function dev(dir) {
  const servers = [await serve(join(dir, 'wishlist', 'dist'), app('wishlist').port)];
  stops.push(() => closeAll(servers));
  const devs = {};
  for (const name of ['cart', 'catalog', 'host']) {
    const a = app(name);
    devs[name] = startDev(dir, name, a.bundler);
    stops.push(async () => {
      devs[name].stop();
      await devs[name].exited;
    });
  }
  for (const name of ['cart', 'catalog', 'host']) {
    const url = `${origin(app(name).port)}/${name === 'host' ? '' : 'remoteEntry.js'}`;
    const up = await waitForUrl(url).then(
      () => true,
      (e) => e.message,
    );
    checks.check(`dev: ${name} serves ${url}`, up === true, `${up}\n${devs[name].output()}`);
  }
  // The page, with the report's error failing `rspack serve`'s compilation (its overlay may cover the page).
  await look('dev', `${origin(app('host').port)}/`, { codes: ['CONCORD-202'], faulty: 'zustand' });
  for (const name of ['host', 'cart']) {
    const url = `${origin(app(name).port)}/__concord.json`;
    const report = await fetch(url)
      .then((r) => r.json())
      .catch((e) => ({ error: e.message }));
    const apps = (report.apps ?? []).map((a) => a.name);
    const codes = (report.findings ?? []).map((f) => f.code);
    checks.check(
      `dev: ${name}'s /__concord.json reports ${name}`,
      apps.includes(name),
      JSON.stringify({ apps, codes, error: report.error }),
    );
    checks.check(
      `dev: ${name}'s /__concord.json has no CONCORD-402`,
      report.findings && !codes.includes('CONCORD-402'),
      JSON.stringify({ apps, codes }),
    );
    const html = await fetch(`${origin(app(name).port)}/__concord`).then(
      (r) => r.text(),
      () => '',
    );
    checks.check(
      `dev: ${name}'s /__concord is the report page`,
      /<html/i.test(html) && html.includes('Concord'),
      html.slice(0, 300),
    );
  }
  for (const stop of stops.splice(0)) await stop();
  for (const [name, d] of Object.entries(devs)) writeFileSync(join(logs, `dev-${name}.log`), d.output());
}
