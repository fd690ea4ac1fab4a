import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ConcordRspackOptions, ConcordRspackPlugin } from '@concord/rspack-plugin';
import { type Compiler, rspack, type Stats } from '@rspack/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareFixture, removeFixtures } from './helpers/fixture';
import { createPage } from './helpers/page';

interface Built {
  out: string;
  stats: Stats;
  publicPath: string;
  infos: string[];
}

// One real Rspack compilation of a fixture app, output in a temporary directory.
type Plugin = { apply(compiler: Compiler): void };

async function compile(fixture: string, options: ConcordRspackOptions, extra: Plugin[] = []): Promise<Built> {
  const root = prepareFixture(fixture);
  const out = join(root, 'dist');
  const publicPath = `http://${fixture}.test/`;
  const infos: string[] = [];
  const quiet = () => {};
  const logger = { ...console, info: (m: string) => infos.push(m), log: quiet, warn: quiet, error: quiet };
  const compiler: Compiler = rspack({
    mode: 'production',
    context: root,
    entry: './src/index.js',
    devtool: false,
    output: { path: out, publicPath, uniqueName: fixture, clean: true },
    optimization: { minimize: false },
    infrastructureLogging: { level: 'info', console: logger as Console },
    plugins: [new ConcordRspackPlugin(options), ...extra],
  });
  const stats = await new Promise<Stats>((resolve, reject) =>
    compiler.run((error, result) => (error ? reject(error) : resolve(result!))),
  );
  await new Promise((resolve) => compiler.close(resolve));
  return { out, stats, publicPath, infos };
}

const json = (built: Built, file: string) => JSON.parse(readFileSync(join(built.out, file), 'utf8'));
const messages = (built: Built, kind: 'errors' | 'warnings') =>
  built.stats.toJson({ all: false, [kind]: true })[kind]!.map((e) => e.message);

let catalog: Built;
let isolated: Built;
let renamed: Built;

// Stands for a plugin that renames or drops the federation manifest after federation wrote it.
const dropManifest: Plugin = {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('drop-manifest', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'drop-manifest', stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT - 1 },
        () => {
          compilation.deleteAsset('mf-manifest.json');
          compilation.deleteAsset('mf-stats.json');
        },
      );
    });
  },
};

afterAll(removeFixtures);

beforeAll(async () => {
  catalog = await compile('catalog', {
    name: 'catalog',
    filename: 'remoteEntry.js',
    exposes: { './store': './src/store.js' },
    concord: { contract: '@fixture/contract', reads: ['cart.count'], report: { failOn: 'never' } },
  });
  // zustand left out of `shared`: a private copy. Checked against catalog, the report must fail the build.
  isolated = await compile('private', {
    name: 'isolated',
    filename: 'remoteEntry.js',
    manifest: { fileName: 'isolated.json' },
    exposes: { './store': './src/store.js' },
    concord: {
      autoShare: false,
      report: { manifests: [join(catalog.out, 'mf-manifest.json')], failOn: 'warning' },
    },
  });
  renamed = await compile(
    'private',
    { name: 'renamed', filename: 'remoteEntry.js', concord: { autoShare: false, report: false } },
    [dropManifest],
  );
}, 60_000);

describe('an Rspack remote built with ConcordRspackPlugin', () => {
  it('shares the contract, @concord/shared-state and zustand as singletons in the manifest', () => {
    expect(messages(catalog, 'errors')).toEqual([]);
    const shared = Object.fromEntries(
      json(catalog, 'mf-manifest.json').shared.map((s: Record<string, unknown>) => [s.name, s]),
    );
    for (const [name, version] of [
      ['zustand', '5.1.0'],
      ['@fixture/contract', '1.2.0'],
      ['@concord/shared-state', expect.any(String)],
    ] as const)
      expect(shared[name], name).toMatchObject({ singleton: true, version });
    expect(shared.zustand.requiredVersion).toBe('^5.1.0');
    expect(shared['@fixture/contract'].requiredVersion).toBe('^1.2.0');
  });

  it('writes Concord metadata into mf-manifest.json and mf-stats.json', () => {
    const manifest = json(catalog, 'mf-manifest.json').concord;
    expect(json(catalog, 'mf-stats.json').concord).toEqual(manifest);
    expect(manifest).toMatchObject({
      schema: 1,
      app: 'catalog',
      bundler: 'rspack',
      mode: 'warn',
      owns: [],
      reads: ['cart.count'],
      contract: {
        package: '@fixture/contract',
        name: 'fixture',
        version: '1.2.0',
        slices: { cart: { owner: 'remote', broadcast: true, sensitive: false, fields: ['count', 'items'] } },
        events: ['cart/add'],
      },
      shared: {
        zustand: {
          version: '5.1.0',
          requiredVersion: '^5.1.0',
          singleton: true,
          strictVersion: false,
          import: true,
        },
      },
      dependencies: { zustand: '5.1.0', '@fixture/contract': '1.2.0' },
    });
    expect(manifest.watched).toEqual(expect.arrayContaining(['react', 'zustand', '@fixture/contract']));
  });

  it('prints the report through the infrastructure logger and writes it next to the output', () => {
    expect(catalog.infos.join('\n')).toMatch(/Concord report[\s\S]*zustand/);
    const files = readdirSync(catalog.out);
    expect(files).toEqual(expect.arrayContaining(['concord-report.json', 'concord-report.html']));
    expect(json(catalog, 'concord-report.json').apps).toEqual([expect.objectContaining({ name: 'catalog' })]);
  });

  it('reports an omitted store library as a compilation warning and fails the build per failOn', () => {
    const warnings = messages(isolated, 'warnings').join('\n');
    expect(warnings).toMatch(
      /CONCORD-106 app "isolated" \(rspack\) depends on zustand@5\.1\.0 but leaves it out/,
    );
    const errors = messages(isolated, 'errors');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/CONCORD-112 the Concord report for app "isolated" found .*"warning"/);
    expect(json(isolated, 'concord-report.json').findings).toContainEqual(
      expect.objectContaining({ package: 'zustand', apps: ['isolated'] }),
    );
  });

  it('follows a custom manifest file name for the metadata and the report', () => {
    expect(json(isolated, 'isolated.json').concord).toMatchObject({ app: 'isolated', bundler: 'rspack' });
    expect(json(isolated, 'isolated-stats.json').concord).toMatchObject({ app: 'isolated' });
    const apps = json(isolated, 'concord-report.json').apps.map((a: { input: string }) => a.input);
    expect(apps[0]).toMatch(/isolated\.json$/);
  });

  it('warns with CONCORD-114 when the federation manifest is gone before Concord stamps it', () => {
    expect(messages(renamed, 'warnings').join('\n')).toMatch(
      /CONCORD-114 the rspack build of app "renamed" emitted no "mf-manifest\.json", "mf-stats\.json"/,
    );
  });

  it('registers the runtime plugin in each container and one beacon per evaluated copy', async () => {
    const page = createPage({ [catalog.publicPath]: catalog.out, [isolated.publicPath]: isolated.out });
    const scope = {};
    for (const [name, built] of [
      ['catalog', catalog],
      ['isolated', isolated],
    ] as const) {
      page.run(`${built.publicPath}remoteEntry.js`);
      const container = page.window[name] as {
        init(scope: object): Promise<void>;
        get(module: string): Promise<() => unknown>;
      };
      await container.init(scope);
      (await container.get('./store'))();
    }
    const plugins = page.evaluate(
      '__FEDERATION__.__INSTANCES__.map((i) => [i.name, i.options.plugins.map((p) => p.name)])',
    ) as [string, string[]][];
    expect(plugins.map(([name]) => name).sort()).toEqual(['catalog', 'isolated']);
    for (const [, names] of plugins) expect(names).toContain('concord');

    const beacons = page.evaluate('globalThis[Symbol.for("concord.beacons")]') as Record<string, string>[];
    const zustand = beacons.filter((b) => b.package === 'zustand');
    // The shared copy of catalog, then the private copy bundled by isolated: a second copy, seen.
    expect(zustand).toEqual([
      { package: 'zustand', version: '5.1.0', app: 'catalog', bundler: 'rspack' },
      { package: 'zustand', version: '5.1.0', app: 'isolated', bundler: 'rspack' },
    ]);
    for (const pkg of ['@fixture/contract', '@concord/shared-state'])
      expect(beacons.filter((b) => b.package === pkg)).toHaveLength(1);
  });

  it('keeps tree-shaking: the private copy drops the React binding it does not use', () => {
    const chunks = readdirSync(isolated.out)
      .filter((f) => f.endsWith('.js'))
      .map((f) => readFileSync(join(isolated.out, f), 'utf8'));
    const code = chunks.join('\n');
    expect(code).toContain('"concord.beacons"');
    // The runtime plugin's own code says "concord.beacons" too: each chunk holding the private copy (the
    // app entry's and the exposed module's) must carry the beacon itself, once.
    const copies = chunks.filter((chunk) => chunk.includes('createStoreImpl'));
    expect(copies.length).toBeGreaterThan(0);
    for (const copy of copies) expect(copy.match(/"?package"?: ?"zustand"/g)).toHaveLength(1);
    expect(code).toContain('createStoreImpl');
    expect(code).not.toContain('useSyncExternalStore');
  });
});
