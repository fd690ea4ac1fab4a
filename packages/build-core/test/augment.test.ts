import { ConcordError, type FederationOptionsLike, prepareBuild } from '@concord/build-core';
import { afterAll, describe, expect, it } from 'vitest';
import { deepFreeze, makeApp, removeApps } from './helpers/app';

const installed = {
  '@acme/contract': { version: '1.2.0', json: { dependencies: { '@concord/shared-state': '*' } } },
  '@concord/shared-state': { version: '0.3.1' },
  react: { version: '19.3.1' },
  'react-dom': { version: '19.3.1' },
  zustand: { version: '5.1.0' },
  lodash: { version: '4.17.21' },
};
const root = makeApp(
  {
    dependencies: {
      '@acme/contract': 'workspace:*',
      react: '^19.0.0',
      'react-dom': '^19.0.0',
      zustand: '5.1.0',
      lodash: '^4.0.0',
    },
  },
  installed,
);

type Fed = FederationOptionsLike & Record<string, unknown>;
const prepare = (user: Fed & { concord?: Record<string, unknown> }, bundler: 'vite' | 'rspack' = 'vite') =>
  prepareBuild<Fed>(user as never, { bundler, pluginVersion: '9.9.9', root });
const codes = (build: { diagnostics: readonly { code: string }[] }) => build.diagnostics.map((d) => d.code);
const thrown = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error instanceof ConcordError ? error : undefined;
  }
  return undefined;
};

afterAll(removeApps);

describe('augmentFederationOptions', () => {
  it('shares the contract, @concord/shared-state and the watched libraries as singletons', () => {
    const user = deepFreeze({
      name: 'cart',
      exposes: { './Cart': './src/Cart.tsx' },
      shared: { lodash: {} },
      concord: { contract: '@acme/contract' },
    });
    const { augmentation } = prepare(user);
    expect(augmentation.federation.shared).toEqual({
      lodash: {},
      '@acme/contract': { singleton: true, requiredVersion: '^1.2.0' },
      '@concord/shared-state': { singleton: true, requiredVersion: '^0.3.1' },
      react: { singleton: true, requiredVersion: '^19.3.1' },
      'react-dom': { singleton: true, requiredVersion: '^19.3.1' },
      zustand: { singleton: true, requiredVersion: '^5.1.0' },
    });
    expect(augmentation.federation.exposes).toBe(user.exposes);
    expect(augmentation.federation).not.toHaveProperty('concord');
    expect(augmentation.diagnostics).toEqual([]);
  });

  it('never takes workspace:* nor an exact pin from package.json, and replaces a workspace range with a warning', () => {
    const build = prepare({
      name: 'cart',
      shared: { '@acme/contract': { requiredVersion: 'workspace:*' }, zustand: { requiredVersion: '5.1.0' } },
      concord: { contract: '@acme/contract' },
    });
    const shared = build.augmentation.federation.shared as Record<string, { requiredVersion: string }>;
    expect(shared['@acme/contract']).toEqual({ singleton: true, requiredVersion: '^1.2.0' });
    // The user's own exact pin is what they asked for: kept.
    expect(shared.zustand).toEqual({ singleton: true, requiredVersion: '5.1.0' });
    expect(codes(build)).toEqual(['CONCORD-108']);
    expect(build.diagnostics[0]!.message).toContain(
      'shared["@acme/contract"].requiredVersion is "workspace:*"',
    );
    expect(build.diagnostics[0]!.message).toContain('in app "cart" (vite)');
  });

  it('keeps an explicit singleton: false and warns with CONCORD-105', () => {
    const build = prepare({ name: 'cart', shared: { zustand: { singleton: false } } });
    expect((build.augmentation.federation.shared as Record<string, unknown>).zustand).toEqual({
      singleton: false,
      requiredVersion: '^5.1.0',
    });
    expect(codes(build)).toEqual(['CONCORD-105']);
    expect(build.diagnostics[0]!.message).toMatch(
      /shared\["zustand"\] sets `singleton: false` in app "cart" \(vite\)/,
    );
  });

  it('with autoShare: false, adds and changes no share (not even the contract), reports omitted libraries (CONCORD-106) and says so', () => {
    const build = prepare({
      name: 'cart',
      shared: ['react'],
      concord: { autoShare: false, contract: '@acme/contract' },
    });
    const shared = build.augmentation.federation.shared as Record<string, unknown>;
    expect(shared).toEqual({ react: {} });
    expect(build.augmentation.shared.react?.concord).toBeUndefined();
    expect(codes(build)).toEqual(['CONCORD-106', 'CONCORD-106', 'CONCORD-106', 'CONCORD-106']);
    expect(build.changes).toMatch(
      /^\[concord\] cart \(vite\): no share added or changed \(`concord\.autoShare: false`\); runtime plugin/,
    );
    expect(build.changes.split('\n')).toHaveLength(1);
    expect(build.diagnostics.map((d) => d.message).join('\n')).toMatch(
      /depends on zustand@5\.1\.0 but leaves it out/,
    );
  });

  it('registers the runtime plugin once, with app, bundler, mode and watch', () => {
    const build = prepare({
      name: 'cart',
      runtimePlugins: ['./my-plugin.js'],
      concord: { app: 'cart-app', mode: 'throw', watch: ['lodash'], packages: { react: { mode: 'off' } } },
    });
    const plugins = build.augmentation.federation.runtimePlugins as unknown[];
    expect(plugins[0]).toBe('./my-plugin.js');
    const [path, options] = plugins[1] as [string, Record<string, unknown>];
    expect(path).toMatch(/runtime-plugin[\\/]dist[\\/]index\.js$/);
    expect(options).toMatchObject({
      app: 'cart-app',
      bundler: 'vite',
      mode: 'throw',
      packages: { react: { mode: 'off' } },
    });
    expect(options.watch).toEqual(
      expect.arrayContaining(['react', 'zustand', 'lodash', '@concord/shared-state']),
    );
    expect(options).not.toHaveProperty('docsUrl');
    const linked = prepare({ name: 'cart', concord: { docsUrl: 'https://docs.acme.dev/concord' } });
    const [, linkedOptions] = (linked.augmentation.federation.runtimePlugins as unknown[])[0] as [
      string,
      object,
    ];
    expect(linkedOptions).toMatchObject({ docsUrl: 'https://docs.acme.dev/concord' });
    const again = prepare({ name: 'cart', runtimePlugins: [[path, { app: 'mine' }]] });
    expect(again.augmentation.federation.runtimePlugins).toEqual([[path, { app: 'mine' }]]);
  });

  it('switches the manifest on and dts off unless the user set them', () => {
    expect(prepare({ name: 'a' }).augmentation.federation).toMatchObject({ manifest: true, dts: false });
    expect(
      prepare({ name: 'a', manifest: { fileName: 'x.json' }, dts: true }).augmentation.federation,
    ).toMatchObject({
      manifest: { fileName: 'x.json' },
      dts: true,
    });
  });

  it('shares react/jsx-runtime and react-dom/client with react on Rspack', () => {
    const shared = prepare({ name: 'catalog' }, 'rspack').augmentation.federation.shared;
    expect(shared).toMatchObject({
      'react/jsx-runtime': { singleton: true, requiredVersion: '^19.3.1' },
      'react-dom/client': { singleton: true, requiredVersion: '^19.3.1' },
    });
    expect(prepare({ name: 'cart' }).augmentation.federation.shared).not.toHaveProperty('react/jsx-runtime');
  });

  it('records the configured truth and the installed versions of watched dependencies', () => {
    const { augmentation } = prepare({
      name: 'cart',
      shared: {
        react: { singleton: true, strictVersion: true, requiredVersion: '^19.0.0' },
        lodash: { import: false },
      },
      concord: { contract: '@acme/contract' },
    });
    expect(augmentation.shared.react).toEqual({
      version: '19.3.1',
      requiredVersion: '^19.0.0',
      singleton: true,
      strictVersion: true,
      eager: false,
      import: true,
      shareScope: 'default',
    });
    // @module-federation/vite reads an unset requiredVersion from the app's package.json.
    expect(augmentation.shared.lodash).toEqual({
      version: '4.17.21',
      requiredVersion: '^4.0.0',
      singleton: false,
      strictVersion: false,
      eager: false,
      import: false,
      shareScope: 'default',
    });
    expect(augmentation.dependencies).toEqual({
      '@acme/contract': '1.2.0',
      react: '19.3.1',
      'react-dom': '19.3.1',
      zustand: '5.1.0',
    });
  });

  it.each([
    [{ name: 'cart', manifest: false }, 'CONCORD-107', /app "cart" \(vite\) sets `manifest: false`/],
    [{ exposes: {} }, 'CONCORD-101', /`name` is undefined/],
    [
      { name: 'cart', concord: { contract: '@acme/missing' } },
      'CONCORD-104',
      /"@acme\/missing" but app "cart" cannot resolve it/,
    ],
  ])('rejects conflicting options %j with %s', (user, code, message) => {
    const error = thrown(() => prepare(user as Fed));
    expect(error?.code).toBe(code);
    expect(error?.message).toMatch(message);
  });

  it('warns about a watched package the app does not have (CONCORD-103)', () => {
    const build = prepare({ name: 'cart', concord: { watch: ['mobx'] } });
    expect(codes(build)).toEqual(['CONCORD-103']);
    expect(build.diagnostics[0]!.message).toContain('`concord.watch` names "mobx"');
  });
});
