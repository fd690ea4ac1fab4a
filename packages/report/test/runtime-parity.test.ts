// Differential test: for random pages, the provider and verdict the report predicts for each app are what the
// real @module-federation/runtime-core does on the first load of that package from that app — containers
// registering into one share scope in input order, `version-first`, its own resolver and its own warning.
// The pages are Rspack/enhanced apps: their consumers go through that resolver. A Vite non-singleton runs
// what @module-federation/vite's module cache holds instead (vite-module-cache.test.ts, CONCORD-418).
// Every container here registers through `initializeSharing`, as remotes do, so the report is told there is
// no host (`host: false`); a host's own shares registering first and keeping their slot is what a browser
// shows (shared/reference/adoption-facts.md #1), checked in Chromium by e2e/specs/differential.
import { analyze } from '@concord/report';
import { ModuleFederation } from '@module-federation/runtime-core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { load, rspackManifest } from './helpers/manifests';

const NAMES = ['host', 'a', 'zed', 'remote-b', 'Cart', 'catalog'];
const VERSIONS = ['4.5.0', '5.0.0', '5.1.0', '5.1.0-rc.1', '5'];
const RANGES: (string | null)[] = [
  '^5.0.0',
  '^4.0.0',
  '5.1.0',
  '~5.0.0',
  '*',
  '>=4.5.0 <5.1.0',
  null,
  '^5.1.0-rc.0',
];

/** mulberry32: a seeded PRNG, so every run checks the same pages and a failure names its seed. */
function rng(seed: number): () => number {
  let t = seed >>> 0;
  return () => {
    t = (t + 0x6d2b79f5) >>> 0;
    let r = Math.imul(t ^ (t >>> 15), 1 | t);
    r ^= r + Math.imul(r ^ (r >>> 7), 61 | r);
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

interface AppSpec {
  name: string;
  version: string;
  singleton: boolean;
  requiredVersion: string | null;
}

function page(seed: number): AppSpec[] {
  const random = rng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const names = [...NAMES].sort(() => random() - 0.5).slice(0, 2 + Math.floor(random() * 3));
  return names.map((name) => ({
    name,
    version: pick(VERSIONS),
    singleton: random() < 0.5,
    requiredVersion: pick(RANGES),
  }));
}

/** What the real runtime hands `consumer` on a fresh page, and whether it printed its singleton warning. */
async function runtimeLoad(apps: AppSpec[], consumer: number) {
  const scope = {};
  const instances = apps.map(
    (a) =>
      new ModuleFederation({
        name: a.name,
        remotes: [],
        shareStrategy: 'version-first',
        shared: {
          pkg: {
            version: a.version,
            get: async () => () => ({ from: a.name, version: a.version }),
            shareConfig: { singleton: a.singleton, requiredVersion: a.requiredVersion ?? false },
          },
        },
      }),
  );
  for (const instance of instances) instance.sharedHandler.initShareScopeMap('default', scope);
  for (const instance of instances) instance.sharedHandler.initializeSharing('default');
  let picked: { app: string; version: string } | null = null;
  instances[consumer]!.registerPlugins([
    {
      name: 'capture',
      resolveShare(args) {
        const resolver = args.resolver;
        args.resolver = () => {
          const result = resolver();
          picked = result ? { app: result.shared.from, version: result.shared.version } : null;
          return result;
        };
        return args;
      },
    },
  ]);
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  await instances[consumer]!.loadShare('pkg');
  const warned = warn.mock.calls.some((call) => String(call.join(' ')).includes('does not satisfy'));
  warn.mockRestore();
  return { picked: picked as { app: string; version: string } | null, warned };
}

afterEach(() => vi.restoreAllMocks());

describe('the report predicts what the runtime does', () => {
  it.each(Array.from({ length: 120 }, (_, i) => i + 1))('page #%i', async (seed) => {
    const apps = page(seed);
    const report = analyze(
      apps.map((a) =>
        load(
          rspackManifest(a.name, [
            { name: 'pkg', version: a.version, singleton: a.singleton, requiredVersion: a.requiredVersion },
          ]),
        ),
      ),
      { host: false },
    );
    const row = report.matrix[0]!;
    for (let i = 0; i < apps.length; i++) {
      const real = await runtimeLoad(apps, i);
      const cell = row.cells[i]!;
      const context = JSON.stringify({ seed, apps, consumer: apps[i]!.name, cell, real });
      expect(cell.provider, context).toEqual(real.picked);
      expect(cell.verdict === 'mismatch', context).toBe(real.warned);
      expect(cell.verdict === 'own-copy', context).toBe(real.picked === null);
    }
  });
});
