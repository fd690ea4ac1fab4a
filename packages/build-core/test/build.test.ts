import { type FederationOptionsLike, prepareBuild } from '@concord/build-core';
import { afterAll, describe, expect, it } from 'vitest';
import { makeApp, removeApps } from './helpers/app';

afterAll(removeApps);

const root = makeApp({ dependencies: { zustand: '5.1.0' } }, { zustand: { version: '5.1.0' } });
type Fed = FederationOptionsLike & Record<string, unknown>;
const prepare = (user: Fed & { concord?: Record<string, unknown> }, bundler: 'vite' | 'rspack' = 'vite') =>
  prepareBuild<Fed>(user as never, { bundler, pluginVersion: '9.9.9', root });

// The emitted files of a build, as a bundler holds them before writing.
function assetsOf(files: Record<string, string>) {
  return {
    files,
    read: (name: string) => files[name],
    write(name: string, source: string) {
      files[name] = source;
    },
  };
}

const emitted = (id: string) => JSON.stringify({ id, name: id, shared: [] });

describe('ConcordBuild.stampManifests', () => {
  it('stamps the manifest and the stats the federation plugin emitted, and returns the manifest', async () => {
    const build = prepare({ name: 'cart', manifest: { fileName: 'cart.json' } }, 'rspack');
    const assets = assetsOf({ 'cart.json': emitted('cart'), 'cart-stats.json': emitted('cart'), 'a.js': '' });
    const { manifest, diagnostics } = await build.stampManifests(assets);
    expect(diagnostics).toEqual([]);
    expect(manifest).toMatchObject({ id: 'cart', concord: { app: 'cart', bundler: 'rspack' } });
    expect(JSON.parse(assets.files['cart.json']!)).toEqual(manifest);
    expect(JSON.parse(assets.files['cart-stats.json']!).concord).toEqual(
      (manifest as { concord: unknown }).concord,
    );
    expect(assets.files['a.js']).toBe('');
  });

  it('warns with CONCORD-114, naming the bundler, when neither file was emitted', async () => {
    const build = prepare({ name: 'cart' }, 'rspack');
    const { manifest, diagnostics } = await build.stampManifests(assetsOf({ 'mf-manifest.json': '[]' }));
    expect(manifest).toBeUndefined();
    expect(diagnostics.map((d) => d.code)).toEqual(['CONCORD-114']);
    expect(diagnostics[0]!.message).toMatch(
      /^the rspack build of app "cart" emitted no "mf-manifest\.json", "mf-stats\.json"/,
    );
  });
});

describe('ConcordBuild.startReport', () => {
  it('does nothing when the report is off', () => {
    expect(prepare({ name: 'cart', concord: { report: false } }).startReport(root, {})).toBeUndefined();
  });

  it('reports on the stamped manifest in memory, named by its path in the output directory', async () => {
    const build = prepare({ name: 'cart', concord: { report: { write: false, failOn: 'never' } } });
    const stamped = { ...JSON.parse(emitted('cart')), metaData: { name: 'cart' } };
    const outcome = await build.startReport(root, stamped);
    expect(outcome).toMatchObject({ app: 'cart', error: undefined, notRun: undefined });
    expect(outcome?.text).toMatch(/cart/);
  });
});
