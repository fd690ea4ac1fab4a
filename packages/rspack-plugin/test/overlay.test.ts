// The Concord panel (`@concord/runtime-plugin/overlay`) in real Rspack builds: `mode: 'development'` (as
// `rspack serve` builds) carries it, a production build carries none of it (0 bytes: not one emitted
// chunk holds its marker) unless `concord.overlay: true`, and its views are a chunk of their own.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConcordRspackPlugin } from '@concord/rspack-plugin';
import { rspack, type Stats } from '@rspack/core';
import { afterAll, describe, expect, it } from 'vitest';
import { prepareFixture, removeFixtures } from './helpers/fixture';

afterAll(removeFixtures);

/** The overlay entry's marker (a badge chip's test id) and the lazy panel's (the share map's test id). */
const BADGE = 'concord-badge-apps';
const PANEL = 'concord-share-map';

/** Every emitted JavaScript file of one compilation of the `catalog` fixture, by name. */
async function chunks(mode: 'production' | 'development', overlay?: boolean): Promise<Map<string, string>> {
  const root = prepareFixture('catalog');
  const out = join(root, 'dist');
  const compiler = rspack({
    mode,
    context: root,
    entry: './src/index.js',
    devtool: false,
    output: {
      path: out,
      publicPath: 'http://catalog.test/',
      uniqueName: `overlay_${mode}_${overlay}`,
      clean: true,
    },
    optimization: { minimize: false },
    infrastructureLogging: { level: 'none' },
    plugins: [
      new ConcordRspackPlugin({
        name: 'catalog',
        filename: 'remoteEntry.js',
        exposes: { './store': './src/store.js' },
        concord: { contract: '@fixture/contract', report: false, ...(overlay !== undefined && { overlay }) },
      }),
    ],
  });
  const stats = await new Promise<Stats>((resolve, reject) =>
    compiler.run((error, result) => (error ? reject(error) : resolve(result!))),
  );
  await new Promise((resolve) => compiler.close(resolve));
  expect(stats.toJson({ all: false, errors: true }).errors?.map((e) => e.message)).toEqual([]);
  const files = new Map<string, string>();
  for (const name of readdirSync(out))
    if (name.endsWith('.js')) files.set(name, readFileSync(join(out, name), 'utf8'));
  return files;
}

const holding = (files: Map<string, string>, marker: string) =>
  [...files].filter(([, code]) => code.includes(marker)).map(([name]) => name);

describe('the panel in Rspack builds', () => {
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
    expect(badge.length).toBeGreaterThan(0);
    expect(panel).toHaveLength(1);
    expect(badge).not.toContain(panel[0]);
  }, 120_000);

  it('is in a production build with concord.overlay: true, and never with false', async () => {
    const on = await chunks('production', true);
    expect(holding(on, BADGE).length).toBeGreaterThan(0);
    expect(holding(on, PANEL)).toHaveLength(1);
    const off = await chunks('development', false);
    expect(holding(off, BADGE)).toEqual([]);
  }, 120_000);
});
