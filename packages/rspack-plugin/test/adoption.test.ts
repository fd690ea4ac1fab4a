// What a new project meets on Rspack: the metadata records what enhanced registers (an exact pin, a pnpm
// workspace range), the toolchain, one block of what Concord changed, and a contract written in TypeScript.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ConcordRspackOptions, ConcordRspackPlugin, withConcord } from '@concord/rspack-plugin';
import { type Compiler, type RuleSetRule, rspack, type Stats } from '@rspack/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareFixture, removeFixtures } from './helpers/fixture';

interface Built {
  root: string;
  out: string;
  stats: Stats;
  infos: string[];
}

const TYPESCRIPT: RuleSetRule = {
  test: /\.ts$/,
  loader: 'builtin:swc-loader',
  options: { jsc: { parser: { syntax: 'typescript' } } },
  type: 'javascript/auto',
};

async function compile(root: string, options: ConcordRspackOptions): Promise<Built> {
  const out = join(root, 'dist');
  const infos: string[] = [];
  const quiet = () => {};
  const logger = { ...console, info: (m: string) => infos.push(m), log: quiet, warn: quiet, error: quiet };
  const compiler: Compiler = rspack({
    mode: 'production',
    context: root,
    entry: './src/index.js',
    devtool: false,
    output: { path: out, publicPath: 'http://catalog.test/', uniqueName: options.name, clean: true },
    optimization: { minimize: false },
    resolve: { extensions: ['.ts', '.js', '.json'] },
    module: { rules: [TYPESCRIPT] },
    infrastructureLogging: { level: 'info', console: logger as Console },
    plugins: [new ConcordRspackPlugin(options)],
  });
  const stats = await new Promise<Stats>((resolve, reject) =>
    compiler.run((error, result) => (error ? reject(error) : resolve(result!))),
  );
  await new Promise((resolve) => compiler.close(resolve));
  return { root, out, stats, infos };
}

const manifestOf = (built: Built) => JSON.parse(readFileSync(join(built.out, 'mf-manifest.json'), 'utf8'));
const messages = (built: Built, kind: 'errors' | 'warnings') =>
  built.stats.toJson({ all: false, [kind]: true })[kind]!.map((e) => e.message);

/** The app's package.json with some dependency ranges rewritten (as a pnpm workspace writes them). */
function setRanges(root: string, ranges: Record<string, string>): void {
  const file = join(root, 'package.json');
  const json = JSON.parse(readFileSync(file, 'utf8'));
  Object.assign(json.dependencies, ranges);
  writeFileSync(file, JSON.stringify(json));
}

// The contract in describeContract()'s shape: under the test runner, Node would resolve
// @concord/shared-state to its TypeScript source (the workspace's `@concord/source` condition).
function installTsContract(root: string): void {
  const dir = join(root, 'node_modules', '@acme', 'ts-contract');
  mkdirSync(join(dir, 'src'), { recursive: true });
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({
      name: '@acme/ts-contract',
      version: '2.0.0',
      type: 'module',
      exports: './src/index.ts',
    }),
  );
  writeFileSync(
    join(dir, 'src', 'theme.ts'),
    "export interface Theme { mode: 'light' | 'dark' }\nexport const theme: Theme = { mode: 'light' };\n",
  );
  writeFileSync(
    join(dir, 'src', 'index.ts'),
    "import { type Theme, theme } from './theme.js';\nconst fields = Object.keys(theme satisfies Theme);\nexport const contract = { name: 'acme', version: '2.0.0', slices: { theme: { owner: 'catalog', broadcast: false, sensitive: false, fields } }, events: [] as string[] };\n",
  );
}

let plain: Built;
let typed: Built;

afterAll(removeFixtures);

beforeAll(async () => {
  const root = prepareFixture('catalog');
  setRanges(root, { '@fixture/contract': 'workspace:*' });
  // autoShare: false and the user's own shares: Concord adds and changes nothing.
  plain = await compile(root, {
    name: 'catalog',
    filename: 'remoteEntry.js',
    exposes: { './store': './src/store.js' },
    shared: { zustand: {}, '@fixture/contract': {}, '@concord/shared-state': {} },
    concord: { autoShare: false, contract: '@fixture/contract', report: false },
  });
  const tsRoot = prepareFixture('catalog');
  installTsContract(tsRoot);
  typed = await compile(tsRoot, {
    name: 'catalog',
    filename: 'remoteEntry.js',
    exposes: { './store': './src/store.js' },
    concord: { contract: '@acme/ts-contract', reads: ['theme.mode', 'theme.size'], report: false },
  });
}, 120_000);

describe('ConcordRspackPlugin metadata', () => {
  it('records the requiredVersion enhanced registers: the exact pin and the workspace range as written', () => {
    const manifest = manifestOf(plain);
    for (const entry of manifest.shared) {
      const recorded = manifest.concord.shared[entry.name];
      expect([entry.name, recorded?.version, recorded?.requiredVersion ?? null]).toEqual([
        entry.name,
        entry.version,
        entry.requiredVersion,
      ]);
    }
    expect(manifest.concord.shared.zustand).toEqual({
      version: '5.1.0',
      requiredVersion: '5.1.0',
      singleton: false,
      strictVersion: false,
      eager: false,
      import: true,
      shareScope: 'default',
    });
    expect(manifest.concord.shared['@fixture/contract'].requiredVersion).toBe('workspace:*');
  });

  it('names the workspace range with CONCORD-115', () => {
    const warnings = messages(plain, 'warnings').join('\n');
    expect(warnings).toMatch(
      /CONCORD-115 shared\["@fixture\/contract"\] of app "catalog" \(rspack\) is registered with requiredVersion "workspace:\*"/,
    );
    // A declared `*` registers no range on enhanced (the manifest says null): nothing to flag.
    expect(manifestOf(plain).concord.shared['@concord/shared-state']).not.toHaveProperty('requiredVersion');
  });

  it('records the bundler, the federation plugin and the Module Federation runtime with their versions', () => {
    expect(manifestOf(plain).concord).toMatchObject({
      bundler: 'rspack',
      bundlerVersion: rspack.rspackVersion,
      federation: { package: '@module-federation/enhanced', version: expect.stringMatching(/^2\./) },
      runtime: { package: '@module-federation/runtime', version: expect.stringMatching(/^2\./) },
    });
  });

  it('prints one line when Concord changed no share, one block when it did', () => {
    expect(plain.infos.filter((i) => i.startsWith('[concord] catalog (rspack)'))).toEqual([
      '[concord] catalog (rspack): no share added or changed (`concord.autoShare: false`); runtime plugin @concord/runtime-plugin registered (mode "warn"), manifest on, dts off.',
    ]);
    const block = typed.infos.filter((i) => i.startsWith('[concord] catalog (rspack)'));
    expect(block).toHaveLength(1);
    expect(block[0]).toMatch(/\+ shared as singletons: .*zustand \^5\.1\.0/);
  });
});

describe('a contract package written in TypeScript on Rspack', () => {
  it("is read with Rspack's swc: slices in the metadata, reads checked, no file left behind", () => {
    const dir = join(typed.root, 'node_modules', '@acme', 'ts-contract', 'src');
    expect(readdirSync(dir).sort()).toEqual(['index.ts', 'theme.ts']);
    expect(messages(typed, 'errors')).toEqual([]);
    expect(manifestOf(typed).concord.contract).toEqual({
      package: '@acme/ts-contract',
      name: 'acme',
      version: '2.0.0',
      slices: { theme: { owner: 'catalog', broadcast: false, sensitive: false, fields: ['mode'] } },
      events: [],
    });
    const warnings = messages(typed, 'warnings');
    expect(warnings.join('\n')).not.toMatch(/CONCORD-109/);
    expect(warnings.filter((w) => w.includes('CONCORD-110'))).toHaveLength(1);
  });
});

describe('withConcord', () => {
  it('prints the block of what Concord changed through the given logger', () => {
    const root = prepareFixture('catalog');
    const infos: string[] = [];
    const quiet = () => {};
    withConcord({ name: 'catalog', shared: ['@concord/runtime-plugin'] } as ConcordRspackOptions, {
      root,
      logger: { info: (m) => infos.push(m), warn: quiet, error: quiet },
    });
    expect(infos[0]).toMatch(/^\[concord\] catalog \(rspack\) federation config, as Concord changed it:/);
    expect(infos[0]).toContain('- removed from shared: @concord/runtime-plugin');
  });
});
