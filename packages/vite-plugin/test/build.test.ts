import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { METADATA_JSON_SCHEMA } from '@concord/build-core';
import { concord } from '@concord/vite-plugin';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectingLogger, prepareFixture, removeFixtures } from './helpers/fixture';

// @module-federation/vite returns no plugins at all under a test runner unless told otherwise.
process.env.MFE_VITE_NO_TEST_ENV_CHECK = 'true';

interface Built {
  out: string;
  messages: { level: string; text: string }[];
  error: unknown;
}

async function viteBuild(fixture: string, options: Parameters<typeof concord>[0]): Promise<Built> {
  const root = prepareFixture(fixture);
  const out = join(root, 'dist');
  const log = collectingLogger();
  let error: unknown;
  try {
    await build({
      configFile: false,
      logLevel: 'silent',
      customLogger: log.logger as never,
      root,
      build: { outDir: out, minify: false },
      plugins: [concord({ ...options, concord: { ...options.concord, root } })],
    });
  } catch (e) {
    error = e;
  }
  return { out, messages: log.messages, error };
}

const json = (built: Built, file: string) => JSON.parse(readFileSync(join(built.out, file), 'utf8'));
const logged = (built: Built, level: string) =>
  built.messages.filter((m) => m.level === level).map((m) => m.text);

let remote: Built;
let isolated: Built;
let plain: Built;

afterAll(removeFixtures);

beforeAll(async () => {
  remote = await viteBuild('remote', {
    name: 'remote',
    filename: 'remoteEntry.js',
    exposes: { './store': './src/store.js' },
    shared: { react: {} },
    concord: {
      contract: '@fixture/contract',
      reads: ['theme.mode', 'session.avatar'],
      report: { failOn: 'never' },
    },
  });
  // zustand left out of `shared`: a private copy. Checked against remote, the report fails the build.
  isolated = await viteBuild('private', {
    name: 'isolated',
    filename: 'remoteEntry.js',
    exposes: { './vanilla': './src/vanilla.js' },
    concord: {
      autoShare: false,
      report: { manifests: [join(remote.out, 'mf-manifest.json')], failOn: 'warning' },
    },
  });
  // autoShare: false and the user's own shares, as written: Concord adds and changes nothing.
  plain = await viteBuild('remote', {
    name: 'plain',
    filename: 'remoteEntry.js',
    exposes: { './store': './src/store.js' },
    shared: { react: {}, zustand: {}, '@fixture/contract': {}, '@concord/shared-state': {} },
    concord: { autoShare: false, contract: '@fixture/contract', report: { failOn: 'never' } },
  });
}, 120_000);

describe('a Vite remote built with concord()', () => {
  it('builds with federation() and shares the contract, @concord/shared-state and store libraries', () => {
    expect(remote.error).toBeUndefined();
    const shared = Object.fromEntries(
      json(remote, 'mf-manifest.json').shared.map((s: Record<string, unknown>) => [s.name, s]),
    );
    expect(shared.zustand).toMatchObject({ singleton: true, version: '5.1.0', requiredVersion: '^5.1.0' });
    expect(shared.react).toMatchObject({ singleton: true, version: '19.3.1', requiredVersion: '^19.3.1' });
    expect(shared['@fixture/contract']).toMatchObject({ singleton: true, requiredVersion: '^1.2.0' });
    expect(shared['@concord/shared-state']).toMatchObject({ singleton: true });
    expect(shared['@concord/shared-state'].requiredVersion).toMatch(/^\^\d+\.\d+\.\d+/);
  });

  it('writes Concord metadata into mf-manifest.json and mf-stats.json after federation emitted them', () => {
    const manifest = json(remote, 'mf-manifest.json');
    const stats = json(remote, 'mf-stats.json');
    // The federation plugin's own content is intact: stats still has its Vite-only fields.
    expect(stats.buildOutput).toBeDefined();
    expect(stats.concord).toEqual(manifest.concord);
    expect(manifest.concord).toMatchObject({
      schema: 1,
      app: 'remote',
      bundler: 'vite',
      pluginVersion: expect.stringMatching(/^\d+\.\d+\.\d+/),
      mode: 'warn',
      contract: {
        package: '@fixture/contract',
        name: 'fixture',
        version: '1.2.0',
        slices: {
          cart: { owner: 'remote', broadcast: true, sensitive: false, fields: ['count', 'items'] },
          session: { owner: 'host', broadcast: false, sensitive: true, fields: ['user', 'token'] },
        },
        events: ['cart/add'],
      },
      owns: ['cart'],
      reads: ['theme.mode', 'session.avatar'],
      shared: {
        react: {
          version: '19.3.1',
          requiredVersion: '^19.3.1',
          singleton: true,
          strictVersion: false,
          import: true,
        },
      },
      dependencies: { react: '19.3.1', zustand: '5.1.0', '@fixture/contract': '1.2.0' },
    });
  });

  it("logs through Vite's logger: a coded warning for an unknown read, and the report table", () => {
    const warnings = logged(remote, 'warn');
    expect(warnings.filter((w) => w.includes('CONCORD-110'))).toHaveLength(1);
    expect(warnings.join('\n')).toMatch(
      /lists "session\.avatar" but contract "@fixture\/contract" has no such/,
    );
    expect(logged(remote, 'info').join('\n')).toMatch(/Concord report[\s\S]*zustand/);
  });

  it('writes concord-report.json and concord-report.html next to the build output', () => {
    expect(readdirSync(remote.out)).toEqual(
      expect.arrayContaining(['concord-report.json', 'concord-report.html']),
    );
    expect(json(remote, 'concord-report.json').apps).toEqual([expect.objectContaining({ name: 'remote' })]);
    expect(readFileSync(join(remote.out, 'concord-report.html'), 'utf8')).toMatch(/^<!doctype html>/i);
  });

  it('runs the runtime plugin in the remote and registers one beacon per watched library', async () => {
    // The built remote, loaded as a host loads it: import the entry, init its share scope, get a module.
    const entry = (await import(
      /* @vite-ignore */ pathToFileURL(join(remote.out, 'remoteEntry.js')).href
    )) as {
      init(scope: object): Promise<void>;
      get(module: string): Promise<() => Record<string, unknown>>;
    };
    await entry.init({});
    const store = (await entry.get('./store'))();
    expect(Object.keys(store).sort()).toEqual(['shared', 'useCount']);
    const g = globalThis as unknown as Record<PropertyKey, unknown> & {
      __FEDERATION__: { __INSTANCES__: { name: string; options: { plugins: { name: string }[] } }[] };
    };
    const instance = g.__FEDERATION__.__INSTANCES__.find((i) => i.name === 'remote');
    expect(instance?.options.plugins.map((p) => p.name)).toContain('concord');
    const beacons = g[Symbol.for('concord.beacons')] as { package: string }[];
    const count = (pkg: string) => beacons.filter((b) => b.package === pkg).length;
    for (const pkg of ['react', 'zustand', '@fixture/contract', '@concord/shared-state'])
      expect(count(pkg), pkg).toBe(1);
    // The runtime plugin classifies each beacon: the remote's only copy is the one it runs, so not dormant.
    expect(beacons.find((b) => b.package === 'zustand')).toEqual({
      package: 'zustand',
      version: '5.1.0',
      app: 'remote',
      bundler: 'vite',
      dormant: false,
    });
  });

  it('records in the metadata exactly what Module Federation registered, and what Concord changed', () => {
    for (const built of [remote, plain]) {
      const manifest = json(built, 'mf-manifest.json');
      expect(manifest.shared.length).toBeGreaterThan(0);
      for (const entry of manifest.shared) {
        const recorded = manifest.concord.shared[entry.name];
        expect(recorded, entry.name).toBeDefined();
        expect([entry.name, recorded.version, recorded.requiredVersion, recorded.singleton]).toEqual([
          entry.name,
          entry.version,
          entry.requiredVersion,
          entry.singleton,
        ]);
      }
    }
    // The exact pin of package.json ("1.2.0"), as @module-federation/vite registers it; nothing marked.
    const contract = json(plain, 'mf-manifest.json').concord.shared['@fixture/contract'];
    expect(contract).toEqual({
      version: '1.2.0',
      requiredVersion: '1.2.0',
      singleton: false,
      strictVersion: false,
      eager: false,
      import: true,
      shareScope: 'default',
    });
    expect(json(remote, 'mf-manifest.json').concord.shared.zustand.concord).toEqual({ added: true });
  });

  it('writes metadata of the shape the JSON Schema in @concord/report describes', () => {
    // The schema's required and known keys, checked on real builds (top level and every share).
    type Shape = { required: readonly string[]; properties: Record<string, unknown> };
    const conforms = (value: Record<string, unknown>, shape: Shape) => {
      expect(Object.keys(value).filter((k) => !(k in shape.properties))).toEqual([]);
      for (const key of shape.required) expect(value, key).toHaveProperty(key);
    };
    const shareShape = METADATA_JSON_SCHEMA.properties.shared.additionalProperties as Shape;
    for (const built of [remote, plain, isolated]) {
      const metadata = json(built, 'mf-manifest.json').concord;
      conforms(metadata, METADATA_JSON_SCHEMA as unknown as Shape);
      for (const share of Object.values(metadata.shared))
        conforms(share as Record<string, unknown>, shareShape);
    }
  });

  it('records the bundler, the federation plugin and the Module Federation runtime with their versions', () => {
    expect(json(remote, 'mf-manifest.json').concord).toMatchObject({
      bundlerVersion: expect.stringMatching(/^\d+\.\d+\.\d+/),
      federation: { package: '@module-federation/vite', version: expect.stringMatching(/^1\./) },
      runtime: { package: '@module-federation/runtime', version: expect.stringMatching(/^2\./) },
    });
  });

  it('prints one block of what Concord changed in the federation config (one line when nothing)', () => {
    const blocks = logged(remote, 'info').filter((t) => t.startsWith('[concord] remote (vite)'));
    expect(blocks).toHaveLength(1);
    expect(blocks[0]).toMatch(/^\[concord\] remote \(vite\) federation config, as Concord changed it:\n/);
    expect(blocks[0]).toMatch(/\+ shared as singletons: .*zustand \^5\.1\.0/);
    expect(blocks[0]).toMatch(/runtime plugin @concord\/runtime-plugin registered/);
    const line = logged(plain, 'info').filter((t) => t.startsWith('[concord] plain (vite)'));
    expect(line).toEqual([
      '[concord] plain (vite): no share added or changed (`concord.autoShare: false`); runtime plugin @concord/runtime-plugin registered (mode "warn"), manifest on, dts off.',
    ]);
  });

  it('fails `build()` with the coded sentence and no frames of its own after it', () => {
    const message = (isolated.error as Error).message;
    expect(message).toMatch(/\[concord\] CONCORD-112 the Concord report for app "isolated"/);
    expect(message.split('\n').filter((l) => /^\s+at /.test(l))).toEqual([]);
  });

  it('fails the build per failOn, after reporting the unshared store library', () => {
    expect(String(isolated.error)).toMatch(
      /CONCORD-112 the Concord report for app "isolated" found 1 error and `concord\.report\.failOn` is "warning"/,
    );
    expect(logged(isolated, 'warn').join('\n')).toMatch(
      /CONCORD-106 app "isolated" \(vite\) depends on zustand@5\.1\.0/,
    );
    const report = json(isolated, 'concord-report.json');
    expect(report.findings).toContainEqual(
      expect.objectContaining({ package: 'zustand', apps: ['isolated'] }),
    );
  });

  it('keeps the beacon of a private copy and its tree-shaking (no React binding)', () => {
    const code = readdirSync(join(isolated.out, 'assets'))
      .map((f) => readFileSync(join(isolated.out, 'assets', f), 'utf8'))
      .join('\n');
    expect(code.match(/"?package"?: ?"zustand"/g)).toHaveLength(1);
    expect(code).toContain('createStoreImpl');
    expect(code).not.toContain('useSyncExternalStore');
  });
});
