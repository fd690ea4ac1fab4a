// What the Concord panel costs a page while it is closed (issue #14.4), in Debian's Chromium: the playground's
// baseline built twice — with the panel (`concord.overlay`, as the demo serves it) and without it
// (CONCORD_PLAYGROUND_OVERLAY=off), each on its own port base — and loaded alternately, a fresh browser context per
// load. Per load: the `load` event and the shop ready (the host's header and both remotes mounted at start
// rendered), from navigation start; and the JavaScript bytes the page fetched before it was ready. The panel's
// views are a chunk of their own, fetched on first open only: the bench checks that no load fetched it.
// Target: the shop ready ≤ 1.10× the time without the panel (the runtime plugin's own target), median of
// per-round ratios. Run: `npm run bench -- panel-page`.
import { loadavg } from 'node:os';
import { APPS, appOrigin, appPort, outDir } from '../../../playground/scenarios.mjs';
import { chromiumArgs, chromiumPath } from '../../../scripts/chromium.mjs';
import { loadChromium, waitForShop } from '../../../scripts/demo/browser.mjs';
import { buildScenario } from '../../../scripts/demo/build.mjs';
import { closeAll, serveDir } from '../../../scripts/demo/serve.mjs';

const ROUNDS = Number(process.env.CONCORD_BENCH_ROUNDS ?? 15);
const TARGET = 1.1;
const VARIANTS = {
  panel: { CONCORD_PORT_BASE: '5610', CONCORD_PLAYGROUND_OVERLAY: 'on' },
  none: { CONCORD_PORT_BASE: '5630', CONCORD_PLAYGROUND_OVERLAY: 'off' },
};

const chromium = loadChromium();
if (!chromium) {
  console.error('panel-page bench: Chromium or the e2e package is missing (run npm test once)');
  process.exit(1);
}

const servers = [];
const hosts = {};
for (const [name, vars] of Object.entries(VARIANTS)) {
  const env = { ...process.env, ...vars };
  const built = await buildScenario('baseline', { env, log: () => {} });
  for (const app of APPS)
    servers.push(await serveDir(outDir('baseline', app, env), appPort('baseline', app, env)));
  hosts[name] = `${appOrigin('baseline', 'host', env)}/`;
  console.log(
    `${name}: baseline ${built.cached ? 'already built' : `built in ${built.seconds} s`}, ${hosts[name]}`,
  );
}

const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
/**
 * One load in a fresh context: milliseconds to `load` and to the shop ready, the JS fetched by then, and whether
 * a script named like the panel's views chunk was fetched (after clicking the badge, when `open`).
 */
async function load(url, { open = false } = {}) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const scripts = [];
  page.on('response', (r) => {
    if (r.request().resourceType() === 'script') scripts.push(r.url());
  });
  await page.goto(url, { waitUntil: 'load' });
  await waitForShop(page, 60_000);
  const out = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const js = performance
      .getEntriesByType('resource')
      .filter((e) => e.initiatorType === 'script' || e.name.endsWith('.js'))
      .reduce((n, e) => n + e.encodedBodySize, 0);
    return { load: nav.loadEventEnd, ready: performance.now(), js };
  });
  if (open) {
    await page.getByTestId('concord-badge').click();
    await page.getByTestId('concord-panel').waitFor({ timeout: 30_000 });
  }
  out.panelChunk = scripts.some((s) => /panel/i.test(s.split('/').pop() ?? ''));
  await context.close();
  return out;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
// One warm-up load each (the servers' first responses, Chromium's code cache), then the rounds, alternating.
await load(hosts.panel);
await load(hosts.none);
const runs = { panel: [], none: [] };
for (let i = 0; i < ROUNDS; i++)
  for (const name of i % 2 ? ['none', 'panel'] : ['panel', 'none']) runs[name].push(await load(hosts[name]));
// The detector is not blind: opening the panel does fetch its views chunk.
const opened = (await load(hosts.panel, { open: true })).panelChunk;
await browser.close();
await closeAll(servers);

const ratios = runs.panel.map((r, i) => r.ready / runs.none[i].ready);
const ratio = median(ratios);
const row = (name) => {
  const r = runs[name];
  return `| ${name === 'panel' ? 'with the panel (closed)' : 'without the panel'} | ${median(r.map((x) => x.load)).toFixed(1)} ms | ${median(r.map((x) => x.ready)).toFixed(1)} ms | ${median(r.map((x) => x.js)).toLocaleString('en-US')} B |`;
};
console.log(
  `\nbaseline page, ${ROUNDS} loads each, alternating, fresh context per load; load average ${loadavg()[0].toFixed(1)} on 2 cores\n`,
);
console.log('| page | load event (median) | shop ready (median) | JS fetched by then (median, encoded) |');
console.log('| --- | ---: | ---: | ---: |');
console.log(row('panel'));
console.log(row('none'));
const fetchedViews = runs.panel.filter((r) => r.panelChunk).length;
console.log(
  `\nshop ready with the panel / without, median of per-round ratios: ${ratio.toFixed(3)}× (target ≤ ${TARGET}×); loads that fetched the panel's views chunk: ${fetchedViews} of ${ROUNDS}`,
);
console.log(`opening the panel fetched its views chunk: ${opened ? 'yes' : 'NO (the check above is blind)'}`);
const ok = ratio <= TARGET && fetchedViews === 0 && opened;
console.log(ok ? 'PASS' : 'FAIL');
process.exitCode = ok ? 0 : 1;
