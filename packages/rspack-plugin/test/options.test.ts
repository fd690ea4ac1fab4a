import { ConcordRspackPlugin, withConcord } from '@concord/rspack-plugin';
import { rspack } from '@rspack/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deepFreeze, prepareFixture, removeFixtures } from './helpers/fixture';

let root: string;
afterAll(removeFixtures);

beforeAll(() => {
  root = prepareFixture('catalog');
});

const frozen = () =>
  deepFreeze({
    name: 'catalog',
    filename: 'remoteEntry.js',
    exposes: { './store': './src/store.js' },
    shared: { zustand: { singleton: false }, lodash: { requiredVersion: '^4.0.0' } },
    runtimePlugins: ['./runtime.js'],
    concord: { contract: '@fixture/contract', reads: ['cart.count'] },
  });

describe('withConcord', () => {
  it('returns augmented federation options without `concord`, leaving deeply frozen input untouched', () => {
    const warnings: string[] = [];
    const sink = { info() {}, warn: (m: string) => warnings.push(m), error() {} };
    const options = frozen();
    const federation = withConcord(options, { root, logger: sink });
    expect(federation).not.toHaveProperty('concord');
    expect(federation).toMatchObject({
      name: 'catalog',
      manifest: true,
      dts: false,
      shared: {
        zustand: { singleton: false, requiredVersion: '^5.1.0' },
        lodash: { requiredVersion: '^4.0.0' },
        '@fixture/contract': { singleton: true, requiredVersion: '^1.2.0' },
        '@concord/shared-state': { singleton: true },
      },
    });
    const [user, [path, runtime]] = federation.runtimePlugins as [string, [string, Record<string, unknown>]];
    expect(user).toBe('./runtime.js');
    expect(path).toMatch(/runtime-plugin[\\/]dist[\\/]index\.js$/);
    expect(runtime).toMatchObject({ app: 'catalog', bundler: 'rspack', mode: 'warn' });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(
      'CONCORD-105 shared["zustand"] sets `singleton: false` in app "catalog" (rspack)',
    );
  });

  it('tells the runtime plugin and beacons about webpack when asked', () => {
    const federation = withConcord({ name: 'catalog', concord: { root } }, { bundler: 'webpack' });
    const [, options] = (federation.runtimePlugins as [string, { bundler: string }][])[0]!;
    expect(options.bundler).toBe('webpack');
  });
});

describe('ConcordRspackPlugin', () => {
  const config = (plugin: ConcordRspackPlugin) => ({
    mode: 'production' as const,
    context: root,
    entry: './src/index.js',
    infrastructureLogging: { level: 'none' as const },
    plugins: [plugin],
  });

  it('applies ModuleFederationPlugin without touching deeply frozen options', () => {
    const compiler = rspack(config(new ConcordRspackPlugin(frozen())));
    const names = compiler.options.plugins.map((p) => (p as { name?: string }).name);
    expect(names).toContain('ConcordRspackPlugin');
    // The beacon rule targets entry modules only.
    const rule = compiler.options.module.rules.at(-1) as {
      sideEffects: boolean;
      test: (p: string) => boolean;
    };
    expect(rule.sideEffects).toBe(true);
    expect(rule.test(`${root}/node_modules/zustand/esm/index.mjs`)).toBe(true);
    expect(rule.test(`${root}/node_modules/zustand/esm/vanilla.mjs`)).toBe(false);
    expect(rule.test(`${root}/src/store.js`)).toBe(false);
  });

  it.each([
    [{ name: 'catalog', manifest: false }, /CONCORD-107 app "catalog" \(rspack\) sets `manifest: false`/],
    [
      { name: 'catalog', concord: { report: { failOn: 'always' } } },
      /CONCORD-101 `concord\.report\.failOn` is "always"/,
    ],
  ])('throws when applied with %j', (options, message) => {
    expect(() => rspack(config(new ConcordRspackPlugin(options as never)))).toThrow(message);
  });
});
