// The report at fleet scale (issue #15): a drifting fleet (bench/drift-fleet.mjs: several versions per library,
// ranges of every form, some non-singletons, 10-20 version findings per app) at 100, 500, 1,000 and 2,000 apps.
//  - parse + validate + analyze against JSON.parse of the same documents, wall-clock and CPU: target ≤ 3×;
//  - loadManifest from files against readFile + JSON.parse of the same files: target ≤ 3×;
//  - the growth table: cost per app, which must stay flat;
//  - rendering of the 2,000-app report (terminal, JSON, HTML, markdown, github) against its analysis: ≤ 2×.
// Imports the BUILT package (run `npm run bench -- drift`). Each figure is the median of several runs after two
// untimed ones. The two sides of a ratio run back to back in each round, and a ratio is the median of the
// rounds' ratios: a burst of load on the shared machine (one round's JSON.parse taking 110 ms instead of 65)
// then slows both sides of that round instead of one side of the median.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import * as report from '@concord/report';
import { driftFleet } from './drift-fleet.mjs';

const { analyze, loadManifest, parseManifest, renderHtml, renderJson, renderTerminal } = report;
const SIZES = (process.env.CONCORD_BENCH_SIZES ?? '100,500,1000,2000').split(',').map(Number);
const TARGET = 3;
const RENDER_TARGET = 2;

const cpuNow = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e3;
};
/**
 * Wall and CPU milliseconds of one call, after a collection so garbage of the last step is not billed. The
 * result is dropped: returning it kept the last report alive through the next step's measurement.
 */
async function once(fn) {
  globalThis.gc?.();
  const w = performance.now();
  const c = cpuNow();
  await fn();
  return { wall: performance.now() - w, cpu: cpuNow() - c };
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Medians of wall and CPU time for each named step, run in turn `runs` times after two untimed rounds (the
 * JIT's first compilations of each step are not billed to the first size measured), and for each
 * `[numerator, denominator]` pair of `ratios`, the median of the rounds' ratios (both measured in that round).
 */
async function measure(steps, runs, ratios = {}) {
  const times = Object.fromEntries(Object.keys(steps).map((k) => [k, { wall: [], cpu: [] }]));
  for (let r = 0; r < 2; r++) for (const fn of Object.values(steps)) await fn();
  for (let r = 0; r < runs; r++)
    for (const [name, fn] of Object.entries(steps)) {
      const t = await once(fn);
      times[name].wall.push(t.wall);
      times[name].cpu.push(t.cpu);
    }
  const out = Object.fromEntries(
    Object.entries(times).map(([k, v]) => [k, { wall: median(v.wall), cpu: median(v.cpu) }]),
  );
  for (const [name, [a, b]] of Object.entries(ratios)) {
    const each = (kind) => times[a][kind].map((x, r) => x / times[b][kind][r]);
    out[name] = { wall: median(each('wall')), cpu: median(each('cpu')) };
  }
  return out;
}

const dir = join(tmpdir(), `concord-drift-bench-${process.pid}`);
const rows = [];
let failed = false;
let biggest;
for (const size of SIZES) {
  const texts = driftFleet(size).map((m) => JSON.stringify(m));
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const files = texts.map((t, i) => {
    const file = join(dir, `app-${i}.mf-manifest.json`);
    writeFileSync(file, t);
    return file;
  });
  const runs = size >= 1000 ? 7 : 9;
  const m = await measure(
    {
      parse: () => {
        for (const t of texts) JSON.parse(t);
      },
      full: () => analyze(texts.map((t, i) => parseManifest(t, files[i]))),
      read: () => {
        for (const f of files) JSON.parse(readFileSync(f, 'utf8'));
      },
      files: async () => analyze(await Promise.all(files.map((f) => loadManifest(f)))),
    },
    runs,
    { fullRatio: ['full', 'parse'], filesRatio: ['files', 'read'] },
  );
  const result = analyze(texts.map((t, i) => parseManifest(t, files[i])));
  const version = result.findings.filter((f) => f.package && !f.package.startsWith('contract:')).length;
  const row = {
    size,
    mb: bytes / 1024 / 1024,
    findings: result.findings.length,
    perApp: version / size,
    ...m,
  };
  rows.push(row);
  const ok =
    m.fullRatio.wall <= TARGET &&
    m.fullRatio.cpu <= TARGET &&
    m.filesRatio.wall <= TARGET &&
    m.filesRatio.cpu <= TARGET;
  if (!ok) failed = true;
  if (size === Math.max(...SIZES)) biggest = { size, result, full: m.full };
}
rmSync(dir, { recursive: true, force: true });

const ms = (x) => `${x.toFixed(0)} ms`;
const x = (a, b) => `${(a / b).toFixed(2)}×`;
console.log(
  `Drifting fleet: 15 libraries × 4 entries, several versions each; medians (× columns: median of each round's ratio); load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores.\n`,
);
console.log(
  '| apps | MB | findings (version/app) | JSON.parse wall / CPU | parse+validate+analyze wall / CPU | × wall / CPU | read+parse wall | loadManifest+analyze wall | × wall / CPU | analyze µs/app (CPU) |',
);
console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const r of rows)
  console.log(
    `| ${r.size} | ${r.mb.toFixed(1)} | ${r.findings} (${r.perApp.toFixed(1)}) | ${ms(r.parse.wall)} / ${ms(r.parse.cpu)} | ${ms(r.full.wall)} / ${ms(r.full.cpu)} | ${x(r.fullRatio.wall, 1)} / ${x(r.fullRatio.cpu, 1)} | ${ms(r.read.wall)} | ${ms(r.files.wall)} | ${x(r.filesRatio.wall, 1)} / ${x(r.filesRatio.cpu, 1)} | ${(((r.full.cpu - r.parse.cpu) / r.size) * 1000).toFixed(0)} |`,
  );

// Rendering the biggest report, against its parse + validate + analyze.
const renderers = {
  terminal: () => renderTerminal(biggest.result, { color: false, width: 120 }),
  json: () => renderJson(biggest.result),
  html: () => renderHtml(biggest.result),
};
if (typeof report.renderMarkdown === 'function')
  renderers.markdown = () => report.renderMarkdown(biggest.result);
if (typeof report.renderGithub === 'function') renderers.github = () => report.renderGithub(biggest.result);
const r = await measure(renderers, 3);
console.log(
  `\nRendering the ${biggest.size}-app report (analysis: ${ms(biggest.full.wall)} wall, ${ms(biggest.full.cpu)} CPU):\n`,
);
console.log('| renderer | wall | CPU | × analysis (CPU) |\n| --- | ---: | ---: | ---: |');
for (const [name, t] of Object.entries(r)) {
  const ratio = t.cpu / biggest.full.cpu;
  if (ratio > RENDER_TARGET) failed = true;
  console.log(`| ${name} | ${ms(t.wall)} | ${ms(t.cpu)} | ${ratio.toFixed(2)}× |`);
}
console.log(
  `\n${failed ? 'FAIL' : 'PASS'}: parse + validate + analyze ≤ ${TARGET}× JSON.parse and loadManifest ≤ ${TARGET}× read + parse at every size (wall and CPU); each renderer ≤ ${RENDER_TARGET}× the analysis`,
);
process.exitCode = failed ? 1 : 0;
