import { manifestFileNames, stampManifest } from '@concord/build-core';
import { describe, expect, it } from 'vitest';

const metadata = { schema: 1, app: 'cart' } as never;

describe('stampManifest', () => {
  it('adds the concord key and keeps the rest and the indentation', () => {
    const pretty = JSON.stringify({ id: 'cart', shared: [] }, null, 2);
    const out = stampManifest(pretty, metadata)!;
    expect(JSON.parse(out)).toEqual({ id: 'cart', shared: [], concord: { schema: 1, app: 'cart' } });
    expect(out).toMatch(/^\{\n {2}"id"/);
    expect(stampManifest('{"id":"cart"}', metadata)).toBe(
      '{"id":"cart","concord":{"schema":1,"app":"cart"}}',
    );
  });

  it('replaces a previous concord key (idempotent) and refuses what is not a JSON object', () => {
    const once = stampManifest('{"id":"cart"}', metadata)!;
    expect(stampManifest(once, metadata)).toBe(once);
    expect(stampManifest('[1]', metadata)).toBeUndefined();
    expect(stampManifest('{"id":', metadata)).toBeUndefined();
  });
});

describe('stampManifest and the federation plugin that really ran', () => {
  const found = {
    schema: 1,
    app: 'catalog',
    federation: { package: '@module-federation/enhanced', version: '2.9.3' },
    runtime: { package: '@module-federation/runtime', version: '2.9.3' },
  } as never;
  const stamp = (pluginVersion: unknown) =>
    JSON.parse(stampManifest(JSON.stringify({ id: 'catalog', metaData: { pluginVersion } }), found)!).concord;

  it('keeps what Concord found when the manifest agrees (or says nothing)', () => {
    expect(stamp('2.9.3')).toEqual(found);
    expect(stamp(undefined)).toEqual(found);
  });

  it("takes the manifest's pluginVersion and drops a runtime that belongs to another copy", () => {
    // ConcordRspackPlugin handed `federationPlugin` from an aliased @module-federation/enhanced 2.7.0.
    expect(stamp('2.7.0')).toEqual({
      schema: 1,
      app: 'catalog',
      federation: { package: '@module-federation/enhanced', version: '2.7.0' },
    });
  });
});

describe('manifestFileNames', () => {
  it.each([
    [true, 'vite', 'mf-manifest.json', 'mf-stats.json'],
    [undefined, 'rspack', 'mf-manifest.json', 'mf-stats.json'],
    [{ fileName: 'remote.json' }, 'vite', 'remote.json', 'remote-stats.json'],
    [{ fileName: 'remote.json' }, 'rspack', 'remote.json', 'remote-stats.json'],
    [{ fileName: 'remote' }, 'rspack', 'remote.json', 'remote-stats.json'],
    [
      { fileName: 'mf-manifest.json', filePath: 'meta' },
      'vite',
      'meta/mf-manifest.json',
      'meta/mf-stats.json',
    ],
    [{ filePath: 'meta/' }, 'rspack', 'meta/mf-manifest.json', 'meta/mf-stats.json'],
  ] as const)('%j on %s → %s, %s', (option, bundler, manifest, stats) => {
    expect(manifestFileNames(option, bundler)).toEqual({ manifest, stats });
  });
});
