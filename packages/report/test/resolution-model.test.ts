// The resolution model (issue #11.1, #11.2, #11.4): which app is the host and registers first, who holds a
// version's slot, severities that follow the outcome, and the blind spots the report names.
import { readFileSync } from 'node:fs';
import { analyze, type LoadedInput } from '@concord/report';
import { describe, expect, it } from 'vitest';
import { cell, codes, expectWellFormed, only } from './helpers/findings';
import { concord, load, rspackManifest, viteManifest } from './helpers/manifests';

/** A manifest that lists `remotes` as its remotes (`remotes[].federationContainerName`). */
const withRemotes = (manifest: Record<string, unknown>, remotes: string[]) => ({
  ...manifest,
  remotes: remotes.map((name) => ({
    federationContainerName: name,
    moduleName: 'Widget',
    alias: name,
    entry: '*',
  })),
});

describe('the host registers first and keeps its slot', () => {
  // "zed" sorts after "host": the runtime's tie-break between remotes would give it an unloaded slot, but the
  // host's own shares are registered at its init, before any remote starts (adoption-facts #1).
  const host = withRemotes(viteManifest('host', [{ name: 'zustand', version: '5.1.0', singleton: true }]), [
    'zed',
    'cart',
  ]);
  const zed = rspackManifest('zed', [{ name: 'zustand', version: '5.1.0' }]);
  const cart = viteManifest('cart', [
    { name: 'zustand', version: '4.5.7', requiredVersion: '^4.5.7', singleton: true },
  ]);

  it('names the host as the provider of a version it shares with a remote that sorts after it', () => {
    const report = analyze([load(host), load(zed), load(cart)]);
    expect(report.matrix[0]!.selected).toEqual({ app: 'host', version: '5.1.0' });
    const f = only(report, 'CONCORD-410');
    expect(f.message).toContain(
      '"cart" (vite) requires ^4.5.7 but the runtime picks the singleton 5.1.0 from "host" (vite)',
    );
    expect(f.apps).toEqual(['cart', 'host']);
  });

  it('finds the host in a remote’s own report, where the remote is the first input', () => {
    // A remote's build report puts the remote first; the host is the app listing the others as remotes.
    const report = analyze([load(zed), load(cart), load(host)]);
    expect(report.matrix[0]!.selected).toEqual({ app: 'host', version: '5.1.0' });
    expect(only(report, 'CONCORD-410').message).not.toMatch(/from "zed"/);
  });

  it('takes the first input as the host when no manifest lists remotes, and the `host` option over both', () => {
    const plain = [
      load(viteManifest('host', [{ name: 'zustand', version: '5.1.0', singleton: true }])),
      load(zed),
    ];
    expect(analyze(plain).matrix[0]!.selected).toEqual({ app: 'host', version: '5.1.0' });
    expect(analyze(plain, { host: 'zed' }).matrix[0]!.selected).toEqual({ app: 'zed', version: '5.1.0' });
    // No host among the inputs: remotes only, the runtime's name tie-break decides.
    expect(analyze(plain, { host: false }).matrix[0]!.selected).toEqual({ app: 'zed', version: '5.1.0' });
  });

  it('never says an app requires a range but gets another version from itself', () => {
    // cart ships 5.1.0 but declares ^4 (e.g. a range copied from an older config): the message says so.
    const self = analyze([
      load(
        viteManifest('cart', [
          { name: 'zustand', version: '5.1.0', requiredVersion: '^4.0.0', singleton: true },
        ]),
      ),
    ]);
    const f = only(self, 'CONCORD-410');
    expectWellFormed(f);
    expect(f.message).toContain('"cart" (vite) provides 5.1.0 itself but requires ^4.0.0 of it');
    expect(f.message).not.toMatch(/requires \^4\.0\.0 but the runtime picks 5\.1\.0 from "cart"/);
    expect(f.apps).toEqual(['cart']);
  });

  it('gives an unloaded slot to an eager provider over a lazy one (recorded by Concord’s metadata)', () => {
    const eager = (name: string, isEager: boolean) =>
      rspackManifest(
        name,
        [{ name: 'lodash', version: '4.17.21' }],
        concord({
          app: name,
          bundler: 'rspack',
          shared: { lodash: { singleton: false, eager: isEager } as object },
        }),
      );
    const lazyLast = analyze([load(eager('b', true)), load(eager('z', false))], { host: false });
    expect(lazyLast.matrix[0]!.selected).toEqual({ app: 'b', version: '4.17.21' });
    const noEager = analyze([load(eager('b', false)), load(eager('z', false))], { host: false });
    expect(noEager.matrix[0]!.selected).toEqual({ app: 'z', version: '4.17.21' });
  });
});

describe('severity follows the outcome', () => {
  it('same-version non-singletons next to singletons: one copy, every range satisfied, no error or warning', () => {
    const report = analyze([
      load(viteManifest('host', [{ name: 'zustand', version: '5.1.0', singleton: true }])),
      load(viteManifest('cart', [{ name: 'zustand', version: '5.1.0', singleton: false }])),
      load(
        rspackManifest(
          'catalog',
          [{ name: 'zustand', version: '5.1.0' }],
          concord({ app: 'catalog', bundler: 'rspack', shared: { zustand: { singleton: false } } }),
        ),
      ),
    ]);
    expect(report.summary).toMatchObject({ errors: 0, warnings: 0 });
    expect(only(report, 'CONCORD-412').severity).toBe('info');
    expect(report.matrix[0]!.cells.map((c) => c.provider)).toEqual([
      { app: 'host', version: '5.1.0' },
      { app: 'host', version: '5.1.0' },
      { app: 'host', version: '5.1.0' },
    ]);
  });

  it('a mixed singleton that ends in two copies of a store library: 416 error, 412 a warning beside it', () => {
    const report = analyze([
      load(viteManifest('host', [{ name: 'zustand', version: '5.1.0', singleton: true }])),
      load(
        rspackManifest(
          'catalog',
          [{ name: 'zustand', version: '4.5.7', requiredVersion: '^4.5.7' }],
          concord({ app: 'catalog', bundler: 'rspack', shared: { zustand: { singleton: false } } }),
        ),
      ),
    ]);
    expect(only(report, 'CONCORD-416').severity).toBe('error');
    expect(only(report, 'CONCORD-412').severity).toBe('warning');
    // catalog's range takes its own registered 4.5.7 slot: a second live copy next to the host's 5.1.0.
    expect(cell(report, 'zustand', 'catalog').provider).toEqual({ app: 'catalog', version: '4.5.7' });
  });
});

describe('blind spots are named', () => {
  it('CONCORD-426/427: apps on different Module Federation runtimes, one older than Concord supports', () => {
    const old = rspackManifest('legacy', [{ name: 'zustand', version: '5.1.0' }]);
    (old.metaData as Record<string, unknown>).pluginVersion = '0.21.6';
    const recorded = viteManifest(
      'cart',
      [],
      concord({ app: 'cart', bundler: 'vite' }) as Record<string, unknown>,
    ) as Record<string, unknown>;
    (recorded.concord as Record<string, unknown>).runtime = {
      package: '@module-federation/runtime',
      version: '2.8.1',
    };
    const report = analyze([
      load(viteManifest('host', [{ name: 'zustand', version: '5.1.0', singleton: true }])),
      load(old),
      load(recorded),
    ]);
    const mixed = only(report, 'CONCORD-426');
    expectWellFormed(mixed);
    expect(mixed.severity).toBe('warning');
    expect(mixed.message).toContain('3 Module Federation runtimes');
    expect(mixed.message).toContain('"host" (vite) with @module-federation/vite 1.23.8 (runtime 2.9)');
    expect(mixed.message).toContain('"cart" (vite) with @module-federation/runtime 2.8.1');
    expect(mixed.message).toContain('"legacy" (enhanced) with @module-federation/enhanced 0.21.6');
    const tooOld = only(report, 'CONCORD-427');
    expect(tooOld.apps).toEqual(['legacy']);
    expect(tooOld.message).toContain('older than 2.6.0');
    // One runtime minor everywhere: nothing to say.
    expect(codes(analyze([load(viteManifest('host', [])), load(viteManifest('cart', []))]))).not.toContain(
      'CONCORD-426',
    );
  });

  it("CONCORD-427 below the runtime plugin's peer range, not within it", () => {
    const peer = JSON.parse(
      readFileSync(new URL('../../runtime-plugin/package.json', import.meta.url), 'utf8'),
    ).peerDependencies['@module-federation/runtime'];
    expect(peer).toBe('>=2.6.0');
    const on = (pluginVersion: string) => {
      const m = rspackManifest('catalog', []);
      (m.metaData as Record<string, unknown>).pluginVersion = pluginVersion;
      return codes(analyze([load(rspackManifest('host', [])), load(m)]));
    };
    expect(on('2.6.0')).not.toContain('CONCORD-427');
    expect(on('2.7.0')).not.toContain('CONCORD-427');
    expect(on('2.5.9')).toContain('CONCORD-427');
  });

  it("CONCORD-426 from the manifest's pluginVersion when older metadata recorded another copy's runtime", () => {
    // Concord's metadata used to record the enhanced and runtime found beside its own plugin (2.9.3) even when
    // the build ran an aliased enhanced handed in as `federationPlugin`; the manifest says what ran.
    const aliased = rspackManifest('catalog', [{ name: 'zustand', version: '5.1.0' }]) as Record<
      string,
      unknown
    >;
    (aliased.metaData as Record<string, unknown>).pluginVersion = '2.5.0';
    aliased.concord = {
      ...(concord({ app: 'catalog', bundler: 'rspack' }) as Record<string, unknown>),
      federation: { package: '@module-federation/enhanced', version: '2.9.3' },
      runtime: { package: '@module-federation/runtime', version: '2.9.3' },
    };
    const report = analyze([load(viteManifest('host', [])), load(aliased)]);
    expect(only(report, 'CONCORD-427').message).toContain(
      '"catalog" (rspack) runs Module Federation @module-federation/enhanced 2.5.0',
    );
    expect(only(report, 'CONCORD-426').message).toContain('2.5 in "catalog" (rspack)');
  });

  it('CONCORD-428: react shared, react/jsx-runtime and react-dom/client not shared by every app', () => {
    const react = (extra: string[]) => [
      { name: 'react', version: '19.3.1', singleton: true },
      { name: 'react-dom', version: '19.3.1', singleton: true },
      ...extra.map((name) => ({ name, version: '19.3.1', singleton: true })),
    ];
    const report = analyze([
      load(viteManifest('host', react(['react/jsx-runtime', 'react-dom/client']))),
      load(rspackManifest('catalog', react([]))),
    ]);
    const found = report.findings.filter((f) => f.code === 'CONCORD-428');
    expect(found.map((f) => [f.package, f.apps])).toEqual([
      ['react-dom/client', ['catalog']],
      ['react/jsx-runtime', ['catalog']],
    ]);
    expectWellFormed(found[1]!);
    expect(found[1]!.message).toContain('Add react/jsx-runtime to the shared options of "catalog"');
  });

  it('CONCORD-429: a remote the host loads but the report was not given (e.g. webpack’s built-in plugin)', () => {
    const inputs: LoadedInput[] = [
      load(withRemotes(viteManifest('host', []), ['cart', 'legacy-webpack'])),
      load(viteManifest('cart', [])),
    ];
    const f = only(analyze(inputs), 'CONCORD-429');
    expectWellFormed(f);
    expect(f.apps).toEqual(['host', 'legacy-webpack']);
    expect(f.message).toContain('"legacy-webpack" is not checked');
    expect(f.message).toContain("webpack's built-in ModuleFederationPlugin");
    expect(f.fix).toContain('Give "legacy-webpack"\'s mf-manifest.json to the report');
  });
});
