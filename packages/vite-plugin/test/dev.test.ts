import { relative } from 'node:path';
import { concord } from '@concord/vite-plugin';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareFixture, removeFixtures } from './helpers/fixture';

// @module-federation/vite returns no plugins at all under a test runner unless told otherwise.
process.env.MFE_VITE_NO_TEST_ENV_CHECK = 'true';

let server: ViteDevServer;
let origin: string;

afterAll(removeFixtures);

beforeAll(async () => {
  const root = prepareFixture('remote');
  server = await createServer({
    configFile: false,
    logLevel: 'silent',
    root,
    server: { host: '127.0.0.1', port: 0, strictPort: false, ws: false },
    optimizeDeps: { noDiscovery: true, include: ['zustand'] },
    plugins: [
      concord({
        name: 'remote',
        filename: 'remoteEntry.js',
        exposes: { './store': './src/store.js' },
        concord: { root, contract: '@fixture/contract' },
      }),
    ],
  });
  await server.listen();
  origin = server.resolvedUrls!.local[0]!.replace(/\/$/, '');
}, 30_000);

afterAll(async () => {
  await server?.close();
});

describe('vite dev', () => {
  it('serves the manifest with Concord metadata', async () => {
    const manifest = await (await fetch(`${origin}/mf-manifest.json`)).json();
    expect(manifest.concord).toMatchObject({ app: 'remote', bundler: 'vite', owns: ['cart'] });
  });

  it('adds beacons to dependencies pre-bundled by the optimizer', async () => {
    const optimizer = server.environments.client.depsOptimizer!;
    await optimizer.scanProcessing;
    const zustand = optimizer.metadata.optimized.zustand!;
    await zustand.processing;
    const code = await (await fetch(`${origin}/${relative(server.config.root, zustand.file)}`)).text();
    expect(code.match(/"?package"?: ?"zustand"/g)).toHaveLength(1);
  });

  it('serves the report at /__concord.json and /__concord', async () => {
    const json = await fetch(`${origin}/__concord.json`);
    expect(json.headers.get('content-type')).toMatch(/^application\/json/);
    const report = await json.json();
    expect(report.apps).toEqual([
      expect.objectContaining({ name: 'remote', bundler: 'vite', concord: true }),
    ]);
    const page = await fetch(`${origin}/__concord`);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toMatch(/^<!doctype html>[\s\S]*remote/i);
  });
});
