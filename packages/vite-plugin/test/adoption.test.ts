// What a new project meets first: apps built in any order, a contract package written in TypeScript, the
// output of a failing `vite build`, and the report of a host (no exposes) in `vite dev`.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { concord } from '@concord/vite-plugin';
import { build, createBuilder, createServer, type InlineConfig } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';
import { collectingLogger, prepareFixture, removeFixtures } from './helpers/fixture';

// @module-federation/vite returns no plugins at all under a test runner unless told otherwise.
process.env.MFE_VITE_NO_TEST_ENV_CHECK = 'true';

afterAll(removeFixtures);

/** A contract package whose entry is TypeScript (README step 1), installed into the app at `root`. */
function installTsContract(root: string, source?: string): void {
  const dir = join(root, 'node_modules', '@acme', 'ts-contract');
  mkdirSync(join(dir, 'src'), { recursive: true });
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({
      name: '@acme/ts-contract',
      version: '2.0.0',
      type: 'module',
      exports: { '.': './src/index.ts' },
      dependencies: { '@concord/shared-state': '*' },
    }),
  );
  writeFileSync(
    join(dir, 'src', 'theme.ts'),
    "export interface Theme { mode: 'light' | 'dark'; accent: string }\nexport const theme: Theme = { mode: 'light', accent: '#000' };\n",
  );
  writeFileSync(
    join(dir, 'src', 'index.ts'),
    source ??
      "import { defineContract } from '@concord/shared-state';\nimport { type Theme, theme } from './theme';\nexport const contract = defineContract({ name: 'acme', version: '2.0.0', slices: { theme: { owner: 'remote', initial: theme satisfies Theme } }, events: {} });\n",
  );
}

function config(
  root: string,
  options: Parameters<typeof concord>[0],
  log = collectingLogger(),
): InlineConfig {
  return {
    configFile: false,
    logLevel: 'silent',
    customLogger: log.logger as never,
    root,
    build: { outDir: join(root, 'dist'), minify: false },
    plugins: [concord({ ...options, concord: { ...options.concord, root } })],
  };
}

const remoteOptions = (concordOptions: NonNullable<Parameters<typeof concord>[0]['concord']>) => ({
  name: 'remote',
  filename: 'remoteEntry.js',
  exposes: { './store': './src/store.js' },
  concord: concordOptions,
});

describe('first builds of a host and its remotes', () => {
  it('builds an app whose sibling manifest does not exist yet, with a CONCORD-118 line naming it', async () => {
    const root = prepareFixture('remote');
    const log = collectingLogger();
    await build(
      config(
        root,
        remoteOptions({ contract: '@fixture/contract', report: ['../host/dist/mf-manifest.json'] }),
        log,
      ),
    );
    const info = log.messages.filter((m) => m.level === 'info').map((m) => m.text);
    expect(info.filter((t) => t.includes('CONCORD-118'))).toEqual([
      expect.stringMatching(
        /CONCORD-118 the manifest ".*host\/dist\/mf-manifest\.json" that app "remote" checks against does not exist yet/,
      ),
    ]);
    expect(JSON.parse(readFileSync(join(root, 'dist', 'concord-report.json'), 'utf8')).apps).toHaveLength(1);
  }, 120_000);
});

describe('a contract package written in TypeScript', () => {
  it("is read with Vite's own transform: slices in the metadata, reads checked", async () => {
    const root = prepareFixture('remote');
    installTsContract(root);
    const log = collectingLogger();
    await build(
      config(
        root,
        remoteOptions({ contract: '@acme/ts-contract', reads: ['theme.mode', 'theme.size'], report: false }),
        log,
      ),
    );
    const manifest = JSON.parse(readFileSync(join(root, 'dist', 'mf-manifest.json'), 'utf8'));
    expect(manifest.concord.contract).toEqual({
      package: '@acme/ts-contract',
      name: 'acme',
      version: '2.0.0',
      slices: { theme: { owner: 'remote', broadcast: false, sensitive: false, fields: ['mode', 'accent'] } },
      events: [],
    });
    const warnings = log.messages.filter((m) => m.level === 'warn').map((m) => m.text);
    expect(warnings.join('\n')).not.toMatch(/CONCORD-109/);
    expect(warnings.filter((w) => w.includes('CONCORD-110'))).toEqual([
      expect.stringContaining('lists "theme.size" but contract "@acme/ts-contract" has no such'),
    ]);
  }, 120_000);

  it('that cannot be read stops `vite build` with CONCORD-119, the coded sentence alone', async () => {
    const root = prepareFixture('remote');
    // Bundles fine for the browser, cannot be evaluated at build time in Node.
    installTsContract(
      root,
      "export const contract: object = (() => { throw new Error('needs a browser'); })();\n",
    );
    const builder = await createBuilder(config(root, remoteOptions({ contract: '@acme/ts-contract' })), null);
    const error = await builder.buildApp().then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    // What Vite's CLI prints after "error during build:" (`inspect(error)`, the stack): the sentence only.
    expect(error?.stack).toMatch(
      /^\[concord\] CONCORD-119 the contract @acme\/ts-contract@2\.0\.0 of app "remote" is TypeScript and the vite build could not read it \(.+\), so its slices .* See docs\/diagnostics\.md#concord-119$/,
    );
    expect(error?.stack?.split('\n')).toHaveLength(1);
  }, 120_000);
});

describe('`vite build` failing on the report', () => {
  it('prints the CONCORD-112 sentence alone, no RolldownError stack', async () => {
    const root = prepareFixture('private');
    // A sibling manifest that exists but is malformed stays a finding (unlike one not built yet).
    writeFileSync(join(root, 'broken.json'), '{"name":');
    const options = {
      name: 'isolated',
      filename: 'remoteEntry.js',
      exposes: { './vanilla': './src/vanilla.js' },
      concord: { report: { manifests: ['broken.json'], write: false } },
    };
    const builder = await createBuilder(config(root, options), null);
    const error = await builder.buildApp().then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(error?.stack).toMatch(/^\[concord\] CONCORD-112 the Concord report for app "isolated" found/);
    expect(error?.stack?.split('\n')).toHaveLength(1);
  }, 120_000);
});

describe('a Vite host in `vite dev`', () => {
  it('is in its own report at /__concord, with the shares it registers', async () => {
    const root = prepareFixture('remote');
    const server = await createServer({
      configFile: false,
      logLevel: 'silent',
      root,
      server: { host: '127.0.0.1', port: 0, strictPort: false, ws: false },
      optimizeDeps: { noDiscovery: true, include: [] },
      plugins: [concord({ name: 'host', concord: { root, contract: '@fixture/contract' } })],
    });
    try {
      await server.listen();
      const origin = server.resolvedUrls!.local[0]!.replace(/\/$/, '');
      const report = await (await fetch(`${origin}/__concord.json`)).json();
      expect(report.findings.map((f: { code: string }) => f.code)).not.toContain('CONCORD-402');
      expect(report.apps).toEqual([
        expect.objectContaining({ name: 'host', bundler: 'vite', concord: true }),
      ]);
      const packages = JSON.stringify(report);
      expect(packages).toContain('zustand');
    } finally {
      await server.close();
    }
  }, 120_000);
});
