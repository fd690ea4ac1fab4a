// Beacons in modules pre-bundled by `vite dev`'s dependency optimizer, on each Vite major in the peer
// range, with a real dev server in process: Vite 8 pre-bundles with rolldown, Vite 7 with esbuild.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { concord } from '@concord/vite-plugin';
import * as vite8 from 'vite';
import * as vite7 from 'vite7';
import { afterAll, describe, expect, it } from 'vitest';
import { prepareFixture, removeFixtures } from './helpers/fixture';

// @module-federation/vite returns no plugins at all under a test runner unless told otherwise.
process.env.MFE_VITE_NO_TEST_ENV_CHECK = 'true';

afterAll(removeFixtures);

type CreateServer = typeof vite8.createServer;
const MAJORS: [string, CreateServer][] = [
  [vite7.version, vite7.createServer as unknown as CreateServer],
  [vite8.version, vite8.createServer],
];

/** The beacons of `pkg` in a pre-bundled file and in the chunks it imports. */
async function beaconsIn(dir: string, file: string, pkg: string, seen = new Set<string>()): Promise<number> {
  if (seen.has(file)) return 0;
  seen.add(file);
  const code = await readFile(join(dir, file), 'utf8');
  let count = code.match(new RegExp(`"?package"?: ?"${pkg}"`, 'g'))?.length ?? 0;
  for (const [, chunk] of code.matchAll(/from\s*"\.\/([^"]+\.js)"/g))
    count += await beaconsIn(dir, chunk!, pkg, seen);
  return count;
}

/** Starts a dev server for the fixture, pre-bundles `include` and returns each optimized file's path. */
async function optimize(
  createServer: CreateServer,
  shareReact: boolean,
  include: string[],
): Promise<{ dir: string; files: Record<string, string>; close: () => Promise<void> }> {
  const root = prepareFixture('dev-cjs');
  const server = await createServer({
    configFile: false,
    logLevel: 'silent',
    root,
    server: { host: '127.0.0.1', port: 0, strictPort: false, ws: false },
    // A copy: @module-federation/vite pushes its own entries into `include`.
    optimizeDeps: { noDiscovery: true, include: [...include] },
    plugins: [
      concord({
        name: 'dev-app',
        exposes: { './main': './src/main.js' },
        // Not sharing react leaves the CommonJS `require('react')` to the optimizer, which then inlines
        // its own copy of react into the shim's pre-bundled file: the development-only duplicate class.
        ...(shareReact ? {} : { shared: {} }),
        concord: { root, autoShare: shareReact },
      }),
    ],
  });
  try {
    // The optimizer starts its first run when the server listens.
    await server.listen();
    const optimizer = server.environments.client.depsOptimizer!;
    await optimizer.scanProcessing;
    const files: Record<string, string> = {};
    for (const id of include) {
      const dep = optimizer.metadata.optimized[id];
      if (!dep) throw new Error(`${id} not optimized: ${Object.keys(optimizer.metadata.optimized)}`);
      await dep.processing;
      files[id] = dep.file;
    }
    return { dir: join(server.config.cacheDir, 'deps'), files, close: () => server.close() };
  } catch (error) {
    await server.close();
    throw error;
  }
}

describe.each(MAJORS)('vite %s dev optimizer', (version, createServer) => {
  it('runs the Vite major it is named after', () => {
    expect(version).toMatch(/^[78]\./);
  });

  it('gives the react a CommonJS dependency requires in its own pre-bundled file a beacon', async () => {
    const { dir, files, close } = await optimize(createServer, false, ['use-sync-external-store/shim']);
    try {
      const file = files['use-sync-external-store/shim']!;
      expect(file).toBeDefined();
      expect(await beaconsIn(dir, file.slice(dir.length + 1), 'react')).toBe(1);
    } finally {
      await close();
    }
  }, 60_000);

  it('gives pre-bundled zustand and react one beacon each when Concord shares them', async () => {
    const { dir, files, close } = await optimize(createServer, true, ['zustand', 'react']);
    try {
      expect(Object.keys(files).sort()).toEqual(['react', 'zustand']);
      for (const pkg of ['react', 'zustand'])
        expect(await beaconsIn(dir, files[pkg]!.slice(dir.length + 1), pkg)).toBe(1);
    } finally {
      await close();
    }
  }, 60_000);
});
