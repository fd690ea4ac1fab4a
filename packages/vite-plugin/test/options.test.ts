import { join } from 'node:path';
import { concord } from '@concord/vite-plugin';
import { resolveConfig } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectingLogger, deepFreeze, prepareFixture, removeFixtures } from './helpers/fixture';

// @module-federation/vite returns no plugins at all under a test runner unless told otherwise.
process.env.MFE_VITE_NO_TEST_ENV_CHECK = 'true';

let root: string;
afterAll(removeFixtures);

beforeAll(() => {
  root = prepareFixture('remote');
});

// Resolving a config runs every plugin's `config` and `configResolved` hooks, without building.
async function resolveWith(options: Parameters<typeof concord>[0], viteRoot = root) {
  const log = collectingLogger();
  await resolveConfig(
    {
      configFile: false,
      logLevel: 'silent',
      customLogger: log.logger as never,
      root: viteRoot,
      plugins: [concord(options)],
    },
    'build',
  );
  return log.messages.filter((m) => m.level === 'warn').map((m) => m.text);
}

describe('concord()', () => {
  it('returns the federation plugins followed by Concord’s, without touching deeply frozen options', () => {
    const options = deepFreeze({
      name: 'remote',
      filename: 'remoteEntry.js',
      exposes: { './store': './src/store.js' },
      shared: { react: { singleton: true }, zustand: {} },
      runtimePlugins: ['./runtime.js'],
      manifest: { fileName: 'mf-manifest.json' },
      concord: {
        root,
        contract: '@fixture/contract',
        watch: ['react'],
        report: ['../host/mf-manifest.json'],
      },
    });
    const names = concord(options).map((p) => p.name);
    expect(names.filter((n) => n.startsWith('module-federation')).length).toBeGreaterThan(3);
    expect(names.slice(-3)).toEqual(['concord:beacons', 'concord:manifest', 'concord:report']);
    expect(options.shared).toEqual({ react: { singleton: true }, zustand: {} });
  });

  it.each([
    [{ name: 'remote', manifest: false }, /CONCORD-107 app "remote" \(vite\) sets `manifest: false`/],
    [{ name: 'remote', concord: { mode: 'strict' } }, /CONCORD-101 `concord\.mode` is "strict"/],
    [
      { name: 'remote', concord: { contract: '@fixture/nope' } },
      /CONCORD-104 `concord\.contract` is "@fixture\/nope"/,
    ],
    [{ name: 'remote', concord: { watch: ['not a package'] } }, /CONCORD-102/],
  ])('throws at config time for %j', (options, message) => {
    const { concord: extra, ...federation } = options as { concord?: object; name: string };
    expect(() => concord({ ...federation, concord: { root, ...extra } } as never)).toThrow(message);
  });

  it("prints config-time warnings once through Vite's logger", async () => {
    const warnings = await resolveWith({
      name: 'remote',
      shared: { zustand: { singleton: false }, react: { requiredVersion: 'workspace:*' } },
      concord: { root, contract: '@fixture/contract' },
    });
    expect(warnings.map((w) => w.match(/CONCORD-\d+/)?.[0]).sort()).toEqual(['CONCORD-105', 'CONCORD-108']);
    const singleton = warnings.find((w) => w.includes('CONCORD-105'))!;
    expect(singleton).toContain(
      '[concord] CONCORD-105 shared["zustand"] sets `singleton: false` in app "remote" (vite)',
    );
    expect(singleton).toMatch(/See docs\/diagnostics\.md#concord-105$/);
  });

  it('warns when Concord read another directory than the one Vite builds', async () => {
    const warnings = await resolveWith({ name: 'remote', concord: { root } }, join(root, 'src'));
    expect(warnings.join('\n')).toMatch(
      /CONCORD-111 app "remote" resolves its packages from .* but Vite builds from .*src/,
    );
  });
});
