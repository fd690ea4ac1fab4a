// The Concord panel (`@concord/runtime-plugin/overlay`) in real Vite builds: development builds carry it,
// production builds carry none of it (0 bytes: not one emitted chunk holds its marker) unless
// `concord.overlay: true`, and even then the panel's views are a chunk of their own, loaded on first open.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { concord } from '@concord/vite-plugin';
import { build, createServer } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';
import { collectingLogger, prepareFixture, removeFixtures } from './helpers/fixture';

process.env.MFE_VITE_NO_TEST_ENV_CHECK = 'true';
afterAll(removeFixtures);

/** The overlay entry's marker (a badge chip's test id) and the lazy panel's (the share map's test id). */
const BADGE = 'concord-badge-apps';
const PANEL = 'concord-share-map';

/** Every emitted JavaScript file of one build of the `remote` fixture, by name. */
async function chunks(mode: 'production' | 'development', overlay?: boolean): Promise<Map<string, string>> {
  const root = prepareFixture('remote');
  const out = join(root, 'dist');
  await build({
    configFile: false,
    logLevel: 'silent',
    customLogger: collectingLogger().logger as never,
    root,
    mode,
    build: { outDir: out, minify: false },
    plugins: [
      concord({
        name: `overlay_${mode}_${overlay}`,
        filename: 'remoteEntry.js',
        exposes: { './store': './src/store.js' },
        concord: { root, report: false, ...(overlay !== undefined && { overlay }) },
      }),
    ],
  });
  const files = new Map<string, string>();
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true }))
      if (e.isDirectory()) walk(join(dir, e.name));
      else if (e.name.endsWith('.js')) files.set(e.name, readFileSync(join(dir, e.name), 'utf8'));
  };
  walk(out);
  return files;
}

const holding = (files: Map<string, string>, marker: string) =>
  [...files].filter(([, code]) => code.includes(marker)).map(([name]) => name);

describe('the panel in Vite builds', () => {
  it('is not in a production build: no emitted chunk holds any of its code', async () => {
    const files = await chunks('production');
    expect(files.size).toBeGreaterThan(0);
    expect(holding(files, BADGE)).toEqual([]);
    expect(holding(files, PANEL)).toEqual([]);
  }, 120_000);

  it('is in a development build, its views in a chunk of their own', async () => {
    const files = await chunks('development');
    const badge = holding(files, BADGE);
    const panel = holding(files, PANEL);
    expect(badge).toHaveLength(1);
    expect(panel).toHaveLength(1);
    expect(panel).not.toEqual(badge);
  }, 120_000);

  it('is in a production build with concord.overlay: true, and never with false', async () => {
    const on = await chunks('production', true);
    expect(holding(on, BADGE)).toHaveLength(1);
    expect(holding(on, PANEL)).toHaveLength(1);
    const off = await chunks('development', false);
    expect(holding(off, BADGE)).toEqual([]);
  }, 120_000);

  it('is served by vite dev: the remote entry imports it and the dev server serves its code', async () => {
    const root = prepareFixture('remote');
    const server = await createServer({
      configFile: false,
      logLevel: 'silent',
      root,
      server: { host: '127.0.0.1', port: 0, strictPort: false, ws: false },
      optimizeDeps: { noDiscovery: true },
      plugins: [
        concord({
          name: 'overlay_dev',
          filename: 'remoteEntry.js',
          exposes: { './store': './src/store.js' },
          concord: { root, report: false },
        }),
      ],
    });
    try {
      await server.listen();
      const origin = server.resolvedUrls!.local[0]!.replace(/\/$/, '');
      const entry = await (await fetch(`${origin}/remoteEntry.js`)).text();
      const url = /from\s+["']([^"']*runtime-plugin\/dist\/overlay\/index\.js)["']/.exec(entry)?.[1];
      expect(url, 'the remote entry imports the overlay').toBeDefined();
      const code = await (await fetch(new URL(url!, `${origin}/`))).text();
      expect(code).toContain(BADGE);
    } finally {
      await server.close();
    }
  }, 120_000);
});
