// The body of `npm run demo` once dependencies are installed: build a scenario, serve it, print the
// report and the URL, then either wait for Ctrl-C or (--check) verify the pages load and exit.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  APP_INFO,
  APPS,
  appOrigin,
  appPort,
  getScenario,
  outDir,
  SCENARIOS,
} from '../../playground/scenarios.mjs';
import { chromiumArgs, chromiumPath } from '../chromium.mjs';
import { loadChromium, waitForShop } from './browser.mjs';
import { buildErrorFile, buildScenario, scenarioDir } from './build.mjs';
import { closeAll, serveDir } from './serve.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * @param {{ scenario: string, check?: boolean, list?: boolean, rebuild?: boolean, keepGoing?: boolean }} options
 * `keepGoing` (the e2e servers): when the build fails, write the error to `build-error.txt` and serve it,
 * so only that scenario's tests fail, with the build's own message.
 * @returns {Promise<number>} the exit code
 */
export async function runDemo({
  scenario: name,
  check = false,
  list = false,
  rebuild = false,
  keepGoing = false,
}) {
  if (list) {
    for (const s of SCENARIOS) console.log(`${s.name.padEnd(28)} ${s.title}`);
    return 0;
  }
  const scenario = getScenario(name);
  console.log(`[demo] scenario ${scenario.name}: ${scenario.title}`);
  let built;
  try {
    built = await buildScenario(scenario.name, { force: rebuild });
  } catch (error) {
    if (!keepGoing) throw error;
    return serveBuildError(scenario.name, error);
  }
  console.log(
    built.cached
      ? `[demo] ${scenario.name} is already built (${built.dir})`
      : `[demo] built ${scenario.name} in ${built.seconds} s`,
  );
  await printReport(scenario.name);

  const servers = [];
  try {
    for (const app of APPS)
      servers.push(
        await serveDir(outDir(scenario.name, app), appPort(scenario.name, app), {
          latency: scenario.apps[app]?.latency,
        }),
      );
  } catch (error) {
    await closeAll(servers);
    console.error(`[demo] ${error.message}`);
    return 1;
  }
  for (const app of ['host', ...APPS.filter((a) => a !== 'host')]) {
    const { bundler, framework } = APP_INFO[app];
    console.log(`[demo]   ${app.padEnd(8)} ${appOrigin(scenario.name, app)}/  (${bundler} + ${framework})`);
  }
  const host = `${appOrigin(scenario.name, 'host')}/`;
  if (existsSync(join(outDir(scenario.name, 'host'), 'concord-report.html'))) {
    console.log(`[demo] build report: ${host}concord-report.html`);
  }

  if (check) {
    const problems = await verify(scenario);
    await closeAll(servers);
    for (const problem of problems) console.error(`[demo] check failed: ${problem}`);
    console.log(
      problems.length ? '[demo] check: FAIL' : `[demo] check: ok (${scenario.name} serves and loads)`,
    );
    return problems.length ? 1 : 0;
  }

  console.log(`\n[demo] open ${host} — press Ctrl-C to stop.`);
  await waitForSignal();
  await closeAll(servers);
  console.log('\n[demo] stopped.');
  return 0;
}

async function serveBuildError(name, error) {
  console.error(`[demo] ${error.message}`);
  mkdirSync(scenarioDir(name), { recursive: true });
  writeFileSync(buildErrorFile(name), error.message);
  const server = createServer((_, res) => {
    res
      .writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' })
      .end(`The ${name} build failed:\n${error.message}`);
  });
  await new Promise((resolve) => server.listen(appPort(name, 'host'), '127.0.0.1', () => resolve(undefined)));
  await waitForSignal();
  await closeAll([server]);
  return 1;
}

function waitForSignal() {
  return new Promise((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
}

/** Prints the host build's Concord report (the host build reads every remote's manifest). */
async function printReport(name) {
  const file = join(outDir(name, 'host'), 'concord-report.json');
  if (!existsSync(file)) {
    console.log(
      `[demo] no Concord build report at ${file} (the host was built without @concord/vite-plugin).`,
    );
    return;
  }
  const require = createRequire(join(root, 'package.json'));
  const { renderTerminal } = await import(require.resolve('@concord/report'));
  console.log(renderTerminal(JSON.parse(readFileSync(file, 'utf8')), { color: process.stdout.isTTY }));
}

/** HTTP checks of every app, then (when Chromium is there) a real page load. Returns the problems. */
async function verify(scenario) {
  const problems = [];
  const hostOrigin = appOrigin(scenario.name, 'host');
  for (const app of APPS) {
    const origin = appOrigin(scenario.name, app);
    const entry = app === 'host' ? '/' : '/remoteEntry.js';
    const response = await fetch(origin + entry, { headers: { Origin: hostOrigin } }).catch((e) => e);
    if (!(response instanceof Response) || !response.ok) {
      problems.push(`${app}: GET ${origin}${entry} → ${response.status ?? response.message}`);
      continue;
    }
    if (app !== 'host' && response.headers.get('access-control-allow-origin') !== '*') {
      problems.push(`${app}: ${entry} has no CORS header, the host page could not load it`);
    }
    const manifest = await fetch(`${origin}/mf-manifest.json`).then((r) => (r.ok ? r.json() : null));
    if (manifest?.name !== app)
      problems.push(`${app}: ${origin}/mf-manifest.json is missing or not "${app}"`);
  }
  if (problems.length) return problems;

  const chromium = loadChromium();
  if (!chromium) {
    console.log(`[demo] skipping the browser check: no ${chromiumPath} or no @playwright/test in e2e/`);
    return problems;
  }
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${hostOrigin}/`);
    await waitForShop(page, 15_000);
    const diagnostics = await page.evaluate(() =>
      globalThis.__CONCORD__?.getDiagnostics().map((d) => `${d.code} ${d.package}`),
    );
    console.log(
      `[demo] browser: page loaded; ${errors.length} console error(s); ` +
        (diagnostics
          ? `${diagnostics.length} Concord diagnostic(s)${diagnostics.length ? `: ${diagnostics.join(', ')}` : ''}`
          : 'no window.__CONCORD__'),
    );
    if (scenario.name === 'baseline' && errors.length) problems.push(`console errors: ${errors.join(' | ')}`);
  } catch (error) {
    problems.push(`browser: ${error.message.split('\n')[0]}`);
  } finally {
    await browser.close();
  }
  return problems;
}
