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

const rounds = Number(process.argv[2] ?? 9);
const here = fileURLToPath(new URL('.', import.meta.url));
const fixtures = join(here, '../test/fixtures');

// The test fixture `remote`, copied to a temporary directory with its dependencies linked.
const root = realpathSync(mkdtempSync(join(tmpdir(), 'concord-bench-')));
cpSync(join(fixtures, 'remote'), root, { recursive: true });
const { dependencies } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
for (const dep of Object.keys(dependencies)) {
  const target =
    dep === '@fixture/contract'
      ? join(fixtures, 'contract')
      : realpathSync(join(here, '../node_modules', dep));
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

async function time(name) {
  const outDir = join(root, `dist-${name}`);
  globalThis.gc?.();
  const started = performance.now();
  await build({
    configFile: false,
    logLevel: 'silent',
    root,
    build: { outDir, emptyOutDir: true },
    plugins: [variants[name]()],
  });
  return performance.now() - started;
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
const fmt = (ms) => `${ms.toFixed(0)} ms`;
console.log(`vite build of a fixture remote, ${rounds} alternating rounds (after one warm-up each)\n`);
console.log('variant            median     min      max');
for (const name of ['plain', 'concord'])
  console.log(
    `${name === 'plain' ? 'plain federation()' : 'concord()         '} ${fmt(median(samples[name])).padStart(7)}  ${fmt(Math.min(...samples[name])).padStart(7)}  ${fmt(Math.max(...samples[name])).padStart(7)}`,
  );
const ratio = median(samples.concord) / median(samples.plain);
// Each round's pair ran back to back: their ratio is less exposed to load from other processes.
const paired = median(samples.concord.map((c, i) => c / samples.plain[i]));
console.log(
  `\nconcord / plain: ${ratio.toFixed(3)}× (ratio of medians), ${paired.toFixed(3)}× (median of paired rounds)`,
);
console.log(
  `${ratio <= 1.05 ? 'PASS' : 'FAIL'} build time with Concord ≤ 1.05× plain federation() (${ratio.toFixed(3)}×)`,
);
process.exitCode = ratio <= 1.05 ? 0 : 1;
