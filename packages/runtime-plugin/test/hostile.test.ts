// The hostile-input table: whatever is on the page — another Concord copy's registry, a frozen or throwing
// beacon array, hostile beacon records, a read-only or throwing `__CONCORD__`, corrupt federation data,
// containers Concord cannot check — every load goes through in `warn` mode and in `throw` mode the page's
// real verdicts stand. Each case runs on the REAL runtimes (2.9.3 + 2.9.1, an all-2.8.1 page, and 2.9.3 +
// 2.9.1 as a production build), in both modes, and asserts the code it must produce (or that it produces
// none), that the loads, the share scope and the other findings are exactly those of the same page without
// the hostile input, and that the hostile thing itself is left as it was.
import concord, { getDiagnostics, getInstances } from '@concord/runtime-plugin';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type AppSpec,
  federation,
  page,
  quietly,
  type RUNTIMES,
  resetQuietPage,
  rspackRemote,
  viteRemote,
} from './harness';
import { BEACONS, CASES, G, REGISTRY } from './hostile-cases';

type Mode = 'warn' | 'throw';
type Runtimes = readonly [keyof typeof RUNTIMES, keyof typeof RUNTIMES];

/**
 * Host (Vite) sharing zustand, an Rspack remote and a Vite remote sharing react. In `warn` mode each
 * remote bundles a private jotai, so there ARE findings to keep; in `throw` mode the page is clean, so any
 * failed load would be the hostile input's doing.
 */
async function loadPage(mode: Mode, [hostRuntime, remoteRuntime]: Runtimes) {
  const bundled = (v: string): Record<string, string> => (mode === 'warn' ? { jotai: v } : {});
  const remote = (make: typeof rspackRemote, name: string, bundler: 'rspack' | 'vite', jotai: string) =>
    make(
      {
        name,
        bundler,
        runtime: remoteRuntime,
        concord: { mode },
        shared: { react: { version: '19.3.1' } },
        bundled: bundled(jotai),
      },
      concord,
    );
  const remotes = [
    remote(rspackRemote, 'catalog', 'rspack', '2.0.0'),
    remote(viteRemote, 'cart', 'vite', '2.1.0'),
  ];
  const host: AppSpec = {
    name: 'host',
    bundler: 'vite',
    runtime: hostRuntime,
    shareStrategy: 'loaded-first',
    concord: { mode },
    shared: { zustand: { version: '5.1.0', singleton: true } },
  };
  return quietly(async () => {
    const p = page(host, remotes, concord);
    const loaded = [(await p.load('zustand')).version];
    for (const r of remotes) loaded.push((await p.loadRemote(r.spec.name)).app);
    return loaded;
  });
}

/** What the page did: the loads, the share scope's loaded versions, and the findings. */
async function observe(mode: Mode, runtimes: Runtimes) {
  const { value } = await loadPage(mode, runtimes);
  const share: string[] = [];
  // The containers' own share scopes (the hostile cases add others, unreadable ones among them).
  for (const ins of federation().__INSTANCES__ as { name: string; shareScopeMap: Record<string, object> }[])
    for (const [pkg, versions] of Object.entries(ins.shareScopeMap?.default ?? {}))
      for (const [v, e] of Object.entries(versions as Record<string, { loaded?: boolean; lib?: unknown }>))
        if (e?.loaded || e?.lib) share.push(`${ins.name} ${pkg}@${v}`);
  const diagnostics = getDiagnostics();
  return {
    loads: value,
    share: share.sort(),
    findings: diagnostics.map((d) => `${d.code} ${d.package}`),
    instances: Object.keys(getInstances()).sort(),
    diagnostics,
  };
}

const ownKeys = (o: object) => Reflect.ownKeys(o).map(String).sort();
const BUILTINS = [Object.prototype, Array.prototype, Function.prototype, Map.prototype, Set.prototype];
const builtinKeys = () => BUILTINS.map(ownKeys);

const RUNS: [string, Runtimes, string][] = [
  ['2.9.3 host, 2.9.1 remotes', ['2.9.3', '2.9.1'], 'test'],
  ['an all-2.8.1 page', ['2.8.1', '2.8.1'], 'test'],
  // What a production bundle does (no option validation, compact lines): the same outcomes.
  ['2.9.3 host, 2.9.1 remotes, production build', ['2.9.3', '2.9.1'], 'production'],
];

/** `CONCORD-207` findings are named by where the fault happened, others by package. */
const named = (d: { code: string; package: string; detail?: string }) =>
  d.code === 'CONCORD-207'
    ? `${d.code} ${d.detail?.split(':')[0]}`
    : d.code === 'CONCORD-209' || d.code === 'CONCORD-210'
      ? d.code
      : `${d.code} ${d.package}`;

describe.each(RUNS)('on %s', (_, runtimes, env) => {
  describe.each(['warn', 'throw'] as const)('in %s mode', (mode) => {
    let baseline: Awaited<ReturnType<typeof observe>>;
    let keys: string[][];
    const saved = process.env.NODE_ENV;
    beforeEach(async () => {
      process.env.NODE_ENV = env;
      const restore = resetQuietPage();
      baseline = await observe(mode, runtimes);
      restore();
      resetQuietPage();
      keys = builtinKeys();
    });
    afterEach(() => {
      // No case may leave a builtin prototype changed.
      expect(builtinKeys()).toEqual(keys);
      for (const k of [REGISTRY, BEACONS, '__CONCORD__']) delete G[k];
      process.env.NODE_ENV = saved;
    });

    it.each(Object.entries(CASES))('%s', async (_, c) => {
      // The page exists (its __FEDERATION__ too) before the input goes on it, as on a real page.
      G.__FEDERATION__ ??= { __INSTANCES__: [], __SHARE__: {}, __GLOBAL_PLUGIN__: [], moduleInfo: {} };
      const unchanged = c.inject();
      const seen = await observe(mode, runtimes);
      expect(seen.loads).toEqual(baseline.loads);
      expect(seen.share).toEqual(baseline.share);
      const added = seen.diagnostics.map(named).filter((n) => !baseline.findings.includes(n));
      expect([...new Set(added)].sort()).toEqual([...c.adds].sort());
      const kept = [...new Set(baseline.findings.filter((f) => !seen.findings.includes(f)))];
      // Only a blind page (no beacon can register) may miss what beacons alone show: the private jotai.
      expect(kept).toEqual(c.blind && mode === 'warn' ? ['CONCORD-202 jotai', 'CONCORD-203 jotai'] : []);
      unchanged?.();
    });
  });
});
