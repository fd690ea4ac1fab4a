// Build time of a fixture Vite remote with concord() vs with plain federation(), same process, alternating
// (warm-up round first, not counted), so both see the same machine state. Target: concord ≤ 1.05× plain.
//   node --expose-gc bench/build.bench.mjs [rounds]      (run from packages/vite-plugin; uses the BUILT dist)
import { cpSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { concord } from '@concord/vite-plugin';
import { federation } from '@module-federation/vite';
import { build } from 'vite';

const rounds = Number(process.argv[2] ?? 15);
const here = fileURLToPath(new URL('.', import.meta.url));
const fixtures = join(here, '../test/fixtures');
// The fixture contract package the build plugins' tests share (@concord/test-utils is TypeScript: Node runs
// this bench as it is, so the path is spelled here).
const CONTRACT_FIXTURE = join(here, '../../test-utils/contract-fixture');

// The test fixture `remote` over the fixtures' common files (as the tests' prepareFixture does), copied to a
// temporary directory with its dependencies linked.
const root = realpathSync(mkdtempSync(join(tmpdir(), 'concord-bench-')));
cpSync(join(fixtures, '_common'), root, { recursive: true });
cpSync(join(fixtures, 'remote'), root, { recursive: true });
const { dependencies } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
for (const dep of Object.keys(dependencies)) {
  const target =
    dep === '@fixture/contract' ? CONTRACT_FIXTURE : realpathSync(join(here, '../node_modules', dep));
  mkdirSync(dirname(join(root, 'node_modules', dep)), { recursive: true });
  symlinkSync(target, join(root, 'node_modules', dep), 'dir');
}

const federationOptions = {
  name: 'remote',
  filename: 'remoteEntry.js',
  exposes: { './store': './src/store.js' },
  manifest: true,
  dts: false,
};
// What a careful team writes by hand without Concord: the same singletons, so both builds share the same
// packages and the difference is Concord's own work (runtime plugin, beacons, metadata, report).
const handShared = {
  react: { singleton: true, requiredVersion: '^19.3.1' },
  zustand: { singleton: true, requiredVersion: '^5.1.0' },
  '@fixture/contract': { singleton: true, requiredVersion: '^1.2.0' },
  '@concord/shared-state': { singleton: true, requiredVersion: '^0.1.0' },
};

const variants = {
  plain: () => federation({ ...federationOptions, shared: handShared }),
  concord: () =>
    concord({
      ...federationOptions,
      concord: { root, contract: '@fixture/contract', report: { failOn: 'never' } },
    }),
};

// Wall-clock time, and the CPU time of the whole process (all threads: rolldown works in parallel), which
// is far less disturbed by other processes on a shared machine.
async function time(name) {
  const outDir = join(root, `dist-${name}`);
  globalThis.gc?.();
  const cpu = process.cpuUsage();
  const started = performance.now();
  await build({
    configFile: false,
    logLevel: 'silent',
    root,
    build: { outDir, emptyOutDir: true },
    plugins: [variants[name]()],
  });
  const wall = performance.now() - started;
  const { user, system } = process.cpuUsage(cpu);
  return { wall, cpu: (user + system) / 1000 };
}

const samples = { plain: [], concord: [] };
await time('plain');
await time('concord');
for (let i = 0; i < rounds; i++) {
  // Alternate which variant goes first, so neither always profits from the other's warm caches.
  const order = i % 2 ? ['concord', 'plain'] : ['plain', 'concord'];
  for (const name of order) samples[name].push(await time(name));
}
rmSync(root, { recursive: true, force: true });

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const fmt = (ms) => `${ms.toFixed(0)} ms`.padStart(7);
const label = { plain: 'plain federation()', concord: 'concord()         ' };
console.log(`vite build of a fixture remote, ${rounds} alternating rounds (after one warm-up each)\n`);
console.log('variant             wall: median     min     max | CPU: median     min     max');
for (const name of ['plain', 'concord']) {
  const wall = samples[name].map((s) => s.wall);
  const cpu = samples[name].map((s) => s.cpu);
  console.log(
    `${label[name]}        ${fmt(median(wall))} ${fmt(Math.min(...wall))} ${fmt(Math.max(...wall))} |      ${fmt(median(cpu))} ${fmt(Math.min(...cpu))} ${fmt(Math.max(...cpu))}`,
  );
}
const ratio = (key) => median(samples.concord.map((s) => s[key])) / median(samples.plain.map((s) => s[key]));
const wall = ratio('wall');
const cpu = ratio('cpu');
console.log(`\nconcord / plain: ${wall.toFixed(3)}× wall-clock, ${cpu.toFixed(3)}× CPU (ratios of medians)`);
for (const [what, value] of [
  ['wall-clock', wall],
  ['CPU', cpu],
])
  console.log(
    `${value <= 1.05 ? 'PASS' : 'FAIL'} build time with Concord ≤ 1.05× plain federation(), ${what} (${value.toFixed(3)}×)`,
  );
process.exitCode = wall <= 1.05 && cpu <= 1.05 ? 0 : 1;
