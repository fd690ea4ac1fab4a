// One real webpack 5 compilation of the catalog fixture through ConcordRspackPlugin with enhanced's webpack
// ModuleFederationPlugin, then the emitted remote run in a `vm` page: what the Rspack build test checks, on webpack.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConcordRspackPlugin } from '@concord/rspack-plugin';
import { ModuleFederationPlugin } from '@module-federation/enhanced/webpack';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import webpack, { type Stats } from 'webpack';
import { prepareFixture, removeFixtures } from './helpers/fixture';
import { createPage } from './helpers/page';

const publicPath = 'http://catalog-webpack.test/';
let out: string;
let stats: Stats;

afterAll(removeFixtures);

beforeAll(async () => {
  const root = prepareFixture('catalog');
  out = join(root, 'dist');
  const plugin = new ConcordRspackPlugin(
    {
      name: 'catalog',
      filename: 'remoteEntry.js',
      exposes: { './store': './src/store.js' },
      concord: { contract: '@fixture/contract', reads: ['cart.count'], report: false },
    },
    { federationPlugin: ModuleFederationPlugin },
  );
  const compiler = webpack({
    mode: 'production',
    context: root,
    entry: './src/index.js',
    devtool: false,
    output: { path: out, publicPath, uniqueName: 'catalog', clean: true },
    optimization: { minimize: false },
    infrastructureLogging: { level: 'none' },
    // No cast: webpack's Configuration type accepts the plugin as it is (a TypeScript webpack config compiles).
    plugins: [plugin],
  });
  stats = await new Promise<Stats>((resolve, reject) =>
    compiler.run((error, result) => (error ? reject(error) : resolve(result!))),
  );
  await new Promise((resolve) => compiler.close(resolve));
}, 60_000);

const json = (file: string) => JSON.parse(readFileSync(join(out, file), 'utf8'));

describe('a webpack 5 remote built with ConcordRspackPlugin and enhanced/webpack', () => {
  it('builds without errors or warnings', () => {
    const { errors, warnings } = stats.toJson({ all: false, errors: true, warnings: true });
    expect(errors!.map((e) => e.message)).toEqual([]);
    expect(warnings!.map((e) => e.message)).toEqual([]);
  });

  it('shares the contract, @concord/shared-state and zustand as singletons and stamps the metadata', () => {
    const manifest = json('mf-manifest.json');
    const shared = Object.fromEntries(manifest.shared.map((s: Record<string, unknown>) => [s.name, s]));
    expect(shared.zustand).toMatchObject({ singleton: true, version: '5.1.0', requiredVersion: '^5.1.0' });
    expect(shared['@fixture/contract']).toMatchObject({ singleton: true, requiredVersion: '^1.2.0' });
    expect(shared['@concord/shared-state']).toMatchObject({ singleton: true });
    expect(json('mf-stats.json').concord).toEqual(manifest.concord);
    expect(manifest.concord).toMatchObject({
      schema: 1,
      app: 'catalog',
      bundler: 'webpack',
      reads: ['cart.count'],
      contract: { package: '@fixture/contract', version: '1.2.0', events: ['cart/add'] },
      shared: { zustand: { version: '5.1.0', singleton: true } },
    });
  });

  it('registers the runtime plugin in the remote entry and one beacon per watched library', async () => {
    const page = createPage({ [publicPath]: out });
    page.run(`${publicPath}remoteEntry.js`);
    const container = page.window.catalog as {
      init(scope: object): Promise<void>;
      get(module: string): Promise<() => unknown>;
    };
    await container.init({});
    (await container.get('./store'))();
    const plugins = page.evaluate(
      '__FEDERATION__.__INSTANCES__.map((i) => [i.name, i.options.plugins.map((p) => p.name)])',
    );
    expect(plugins).toEqual([['catalog', expect.arrayContaining(['concord'])]]);
    const beacons = page.evaluate('globalThis[Symbol.for("concord.beacons")]') as Record<string, string>[];
    // The store imports three watched libraries, and the shared zustand keeps its React binding (a shared
    // module is not tree-shaken), which brings react: four libraries, each announcing its one copy.
    expect(beacons.map((b) => b.package).sort()).toEqual([
      '@concord/shared-state',
      '@fixture/contract',
      'react',
      'zustand',
    ]);
    for (const beacon of beacons) expect(beacon).toMatchObject({ app: 'catalog', bundler: 'webpack' });
    expect(beacons.find((b) => b.package === 'zustand')).toMatchObject({ version: '5.1.0' });
  });
});
