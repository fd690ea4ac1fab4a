import { type FederationOptionsLike, prepareBuild } from '@concord/build-core';
import { classifyRange } from '@concord/report';
import { afterAll, describe, expect, it } from 'vitest';
import { makeApp, removeApps } from './helpers/app';

afterAll(removeApps);

// An app whose package.json holds the range forms seen in real apps: a caret range, an exact pin, a pnpm
// workspace protocol, and Concord's own packages as dependencies (README's install step).
const root = makeApp(
  {
    dependencies: {
      lodash: '^4.0.0',
      nanoid: '3.3.7',
      '@acme/ui': 'workspace:*',
      zustand: '5.1.0',
      '@concord/runtime-plugin': '^0.1.0',
      '@concord/vite-plugin': '^0.1.0',
      leftpad: '*',
    },
  },
  {
    lodash: { version: '4.17.21' },
    nanoid: { version: '3.3.7' },
    '@acme/ui': { version: '1.0.0' },
    zustand: { version: '5.1.0' },
    '@concord/runtime-plugin': { version: '0.1.0' },
    '@concord/vite-plugin': { version: '0.1.0' },
    leftpad: { version: '1.3.0' },
  },
);
const dependencies = [
  'lodash',
  'nanoid',
  '@acme/ui',
  'zustand',
  '@concord/runtime-plugin',
  '@concord/vite-plugin',
  'leftpad',
];
const prepare = (bundler: 'vite' | 'rspack', concord: Record<string, unknown> = {}) =>
  prepareBuild<FederationOptionsLike>(
    { name: 'shop', shared: dependencies, concord },
    {
      bundler,
      pluginVersion: '9.9.9',
      root,
    },
  );

describe('the metadata records what Module Federation registers', () => {
  it.each([
    // [share, vite, rspack]: Vite reads a usable package.json range, else ^installed; enhanced takes it as written.
    ['lodash', '^4.0.0', '^4.0.0'],
    ['nanoid', '3.3.7', '3.3.7'],
    ['@acme/ui', '^1.0.0', 'workspace:*'],
  ])('%s: %s on Vite, %s on Rspack', (share, vite, rspack) => {
    expect(prepare('vite').augmentation.shared[share]).toMatchObject({ requiredVersion: vite });
    expect(prepare('rspack').augmentation.shared[share]).toMatchObject({ requiredVersion: rspack });
    expect(prepare('rspack').augmentation.shared[share]?.concord).toBeUndefined();
  });

  it('names a non-semver range the runtime will check with CONCORD-115, on the bundler that registers it', () => {
    const rspack = prepare('rspack').diagnostics.filter((d) => d.code === 'CONCORD-115');
    expect(rspack.map((d) => d.message)).toEqual([
      expect.stringMatching(
        /^shared\["@acme\/ui"\] of app "shop" \(rspack\) is registered with requiredVersion "workspace:\*", a package-manager protocol .* such as "\^1\.0\.0"/,
      ),
    ]);
    expect(prepare('vite').diagnostics.map((d) => d.code)).not.toContain('CONCORD-115');
  });

  it('names a `*` range with CONCORD-116 (info) on Vite; enhanced registers no range for it', () => {
    const vite = prepare('vite');
    expect(vite.augmentation.shared.leftpad).toMatchObject({ requiredVersion: '*' });
    expect(vite.diagnostics.filter((d) => d.code === 'CONCORD-116')).toEqual([
      expect.objectContaining({
        severity: 'info',
        message: expect.stringMatching(
          /^shared\["leftpad"\] of app "shop" \(vite\) is registered with requiredVersion "\*"/,
        ),
      }),
    ]);
    expect(prepare('rspack').augmentation.shared.leftpad).not.toHaveProperty('requiredVersion');
  });

  it('marks what Concord changed: a share it filled and forced, and one it left alone', () => {
    const { shared } = prepare('rspack').augmentation;
    expect(shared.zustand).toEqual({
      version: '5.1.0',
      requiredVersion: '^5.1.0',
      singleton: true,
      strictVersion: false,
      eager: false,
      import: true,
      shareScope: 'default',
      concord: { singleton: null, requiredVersion: null },
    });
    expect(shared.lodash).not.toHaveProperty('concord');
  });

  it("keeps Concord's own build-time packages out of `shared` and says so", () => {
    const build = prepare('vite');
    expect(Object.keys(build.augmentation.federation.shared as object)).not.toEqual(
      expect.arrayContaining(['@concord/runtime-plugin']),
    );
    expect(Object.keys(build.augmentation.federation.shared as object)).not.toContain('@concord/vite-plugin');
    expect(build.augmentation.removed).toEqual(['@concord/runtime-plugin', '@concord/vite-plugin']);
    expect(build.changes).toContain('- removed from shared: @concord/runtime-plugin, @concord/vite-plugin');
  });

  it('does not share @concord/shared-state for an app that neither uses it nor declares a contract', () => {
    expect(prepare('vite').augmentation.federation.shared).not.toHaveProperty('@concord/shared-state');
  });

  it('prints one block of what Concord changed in the federation config', () => {
    expect(prepare('vite').changes).toBe(
      [
        '[concord] shop (vite) federation config, as Concord changed it:',
        '  ~ singleton forced: zustand',
        '  ~ requiredVersion filled from the installed version: zustand ^5.1.0',
        "  - removed from shared: @concord/runtime-plugin, @concord/vite-plugin (Concord's own build-time packages must never be shared)",
        '  + runtime plugin @concord/runtime-plugin registered (mode "warn"), manifest on, dts off',
      ].join('\n'),
    );
  });
});

describe('classifyRange', () => {
  it.each([
    ['^1.2.0', 'semver'],
    ['1.2.0', 'semver'],
    ['>=1.0.0 <3', 'semver'],
    ['1.x || ^2.0.0-rc.1', 'semver'],
    ['*', 'any'],
    ['', 'any'],
    ['workspace:*', 'protocol'],
    ['catalog:', 'protocol'],
    ['file:../ui', 'protocol'],
    ['link:../ui', 'protocol'],
    ['npm:react@^19', 'protocol'],
    ['git+https://github.com/acme/ui.git#v1.0.0', 'url'],
    ['github:acme/ui', 'url'],
    ['https://example.com/ui.tgz', 'url'],
    ['acme/ui#v1', 'url'],
    ['latest', 'tag'],
    ['^1.2.0 garbage!', 'invalid'],
    ['^ + 300,000 spaces + 1', 'invalid'],
  ])('%j is %s', (label, kind) => {
    // Hostile input: past the length cap, rejected before any matching.
    const range = label === '^ + 300,000 spaces + 1' ? `^${' '.repeat(300_000)}1` : label;
    expect(classifyRange(range).kind).toBe(kind);
  });
});
