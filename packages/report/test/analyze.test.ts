import { analyze, parseManifest } from '@concord/report';
import { describe, expect, it } from 'vitest';
import { cell, codes, expectWellFormed, only } from './helpers/findings';
import { concord, load, rspackManifest, sample, viteManifest } from './helpers/manifests';

describe('the real samples (Vite host, Vite remote, Rspack remote)', () => {
  const report = analyze([
    sample('vite-host.mf-manifest.json'),
    sample('vite-remote.mf-manifest.json'),
    sample('rspack-remote.mf-manifest.json'),
  ]);

  it('reads both bundlers and finds nothing wrong with one aligned set of versions', () => {
    expect(report.apps.map((a) => [a.name, a.bundler])).toEqual([
      ['host', 'vite'],
      ['remoteVite', 'vite'],
      ['remoteRspack', 'enhanced'],
    ]);
    expect(report.summary.errors).toBe(0);
    // Rspack's singleton flags are not trusted without Concord metadata, and the report says so.
    expect(only(report, 'CONCORD-405').apps).toEqual(['remoteRspack']);
    // The Vite plugin shares react/jsx-runtime and react-dom/client by itself; the Rspack remote does not.
    const subpaths = report.findings.filter((f) => f.code === 'CONCORD-428');
    expect(subpaths.map((f) => [f.package, f.apps, f.severity])).toEqual([
      ['react-dom/client', ['remoteRspack'], 'warning'],
      ['react/jsx-runtime', ['remoteRspack'], 'warning'],
    ]);
    expect(subpaths[1]!.message).toContain(
      '"remoteRspack" (enhanced) (react 19.3.1) shares react but not react/jsx-runtime, which "host" (vite) and "remoteVite" (vite) share',
    );
    expect(report.summary.warnings).toBe(2);
  });

  it('builds the package × app matrix with the runtime’s pick', () => {
    expect(report.matrix.map((r) => r.package)).toEqual([
      '@lab/counter-store',
      'react',
      'react-dom',
      'react-dom/client',
      'react/jsx-runtime',
      'zustand',
    ]);
    const react = report.matrix.find((r) => r.package === 'react')!;
    // Same version everywhere: the host's shares register first and keep their slot (adoption-facts #1).
    expect(react.selected).toEqual({ app: 'host', version: '19.3.1' });
    expect(react.cells.map((c) => c.verdict)).toEqual(['ok', 'ok', 'ok']);
    expect(cell(report, 'react-dom', 'remoteRspack').requiredVersion).toBeNull();
    expect(cell(report, 'react/jsx-runtime', 'remoteRspack').verdict).toBe('absent');
  });
});

describe('shared-package findings', () => {
  it('CONCORD-410: a singleton range the picked version does not satisfy (and the bundler decides the outcome)', () => {
    const host = viteManifest('host', [{ name: 'zustand', version: '5.1.0', singleton: true }]);
    const catalog = (strictVersion: boolean) =>
      rspackManifest(
        'catalog',
        [{ name: 'zustand', version: '4.5.0', requiredVersion: '^4.0.0' }],
        concord({
          app: 'catalog',
          bundler: 'rspack',
          shared: { zustand: { singleton: true, requiredVersion: '^4.0.0', strictVersion } },
        }),
      );
    const report = analyze([load(host), load(catalog(false))]);
    const f = only(report, 'CONCORD-410');
    expectWellFormed(f);
    expect(f).toMatchObject({ severity: 'error', package: 'zustand', apps: ['catalog', 'host'] });
    expect(f.message).toContain('"catalog" (rspack) requires ^4.0.0');
    expect(f.message).toContain('5.1.0 from "host" (vite)');
    expect(f.message).toContain('4.5.0 is on offer too');
    expect(f.message).toContain('only warns');
    expect(cell(report, 'zustand', 'catalog')).toMatchObject({
      verdict: 'mismatch',
      provider: { app: 'host', version: '5.1.0' },
    });
    expect(only(analyze([load(host), load(catalog(true))]), 'CONCORD-410').message).toContain(
      'the runtime throws and catalog fails to load',
    );
  });

  it('CONCORD-410 on a Vite consumer with strictVersion says Vite runs the mismatch anyway', () => {
    const report = analyze([
      load(rspackManifest('host', [{ name: 'zustand', version: '5.1.0' }])),
      load(
        viteManifest(
          'cart',
          [{ name: 'zustand', version: '4.5.0', singleton: true }],
          concord({
            app: 'cart',
            bundler: 'vite',
            shared: { zustand: { singleton: true, requiredVersion: '^4.5.0', strictVersion: true } },
          }),
        ),
      ),
    ]);
    const f = only(report, 'CONCORD-410');
    expect(f.message).toContain('@module-federation/vite logs the failure and runs 5.1.0 anyway');
  });

  it('CONCORD-411: several versions of a singleton, all in range', () => {
    const report = analyze([
      load(
        viteManifest('host', [
          { name: 'react', version: '19.3.1', requiredVersion: '^19.0.0', singleton: true },
        ]),
      ),
      load(
        viteManifest('cart', [
          { name: 'react', version: '19.2.0', requiredVersion: '^19.0.0', singleton: true },
        ]),
      ),
    ]);
    expect(codes(report)).toEqual(['CONCORD-411']);
    const f = only(report, 'CONCORD-411');
    expectWellFormed(f);
    // One copy and every range satisfied: information, not a warning (the severity follows the outcome).
    expect(f.severity).toBe('info');
    expect(f.message).toContain('every singleton');
    expect(f.message).toContain('19.3.1 ("host"), 19.2.0 ("cart")');
    expect(f.message).toContain('picks 19.3.1 from "host" (vite)');
  });

  it('CONCORD-412: singleton declared by some apps only (info while the page still runs one copy in range)', () => {
    const report = analyze([
      load(
        viteManifest('host', [
          { name: 'zustand', version: '5.1.0', singleton: true },
          { name: 'lodash', version: '4.17.21', singleton: true },
        ]),
      ),
      load(
        rspackManifest(
          'catalog',
          [
            { name: 'zustand', version: '5.1.0' },
            { name: 'lodash', version: '4.17.21' },
          ],
          concord({
            app: 'catalog',
            bundler: 'rspack',
            shared: { zustand: { singleton: false }, lodash: { singleton: false } },
          }),
        ),
      ),
    ]);
    const found = report.findings.filter((f) => f.code === 'CONCORD-412');
    // Same version everywhere: one slot, one copy, every range satisfied, whatever the singleton flags say.
    expect(found.map((f) => [f.package, f.severity])).toEqual([
      ['lodash', 'info'],
      ['zustand', 'info'],
    ]);
    expect(found[1]!.message).toContain('nothing breaks');
    expectWellFormed(found[0]!);
    expect(found[0]!.message).toContain('singleton by "host" (vite) but not by "catalog" (rspack)');
    // The configured value wins over Rspack's manifest, which said singleton: true.
    expect(cell(report, 'zustand', 'catalog')).toMatchObject({
      singleton: false,
      singletonSource: 'concord',
    });
    expect(only(report, 'CONCORD-405').message).toContain('zustand singleton: true');
  });

  it('CONCORD-413: a watched store library the app depends on but does not share', () => {
    const meta = (watched?: string[]) =>
      concord({
        app: 'catalog',
        bundler: 'rspack',
        dependencies: { zustand: '5.1.0', jotai: '2.0.0', 'left-pad': '1.3.0' },
        ...(watched && { watched }),
      });
    const host = load(viteManifest('host', [{ name: 'zustand', version: '5.1.0', singleton: true }]));
    const report = analyze([host, load(rspackManifest('catalog', [], meta()))]);
    expect(report.findings.filter((f) => f.code === 'CONCORD-413').map((f) => f.package)).toEqual([
      'jotai',
      'zustand',
    ]);
    const f = report.findings.find((x) => x.package === 'zustand')!;
    expectWellFormed(f);
    expect(f.message).toContain('"catalog" (rspack) depends on zustand 5.1.0 but does not share it');
    expect(cell(report, 'zustand', 'catalog')).toMatchObject({ verdict: 'private', version: '5.1.0' });
    // The app's own watch list replaces the default; `watched` adds to it.
    const custom = analyze([host, load(rspackManifest('catalog', [], meta(['left-pad'])))]);
    expect(custom.findings.filter((x) => x.code === 'CONCORD-413').map((x) => x.package)).toEqual([
      'left-pad',
    ]);
    const extra = analyze([host, load(rspackManifest('catalog', [], meta(['left-pad'])))], {
      watched: ['jotai'],
    });
    expect(extra.findings.filter((x) => x.code === 'CONCORD-413').map((x) => x.package)).toEqual([
      'jotai',
      'left-pad',
    ]);
  });

  it('CONCORD-414: exact pins drifting across apps', () => {
    const report = analyze([
      load(viteManifest('host', [{ name: 'react', version: '19.3.1', requiredVersion: '19.3.1' }])),
      load(viteManifest('cart', [{ name: 'react', version: '19.3.2', requiredVersion: '=19.3.2' }])),
      load(viteManifest('account', [{ name: 'react', version: '19.3.2' }])),
    ]);
    const f = only(report, 'CONCORD-414');
    expectWellFormed(f);
    // Each pinned app still gets the version it pins (the two copies are CONCORD-416's): information.
    expect(f).toMatchObject({ severity: 'info', apps: ['host', 'cart'] });
    expect(f.message).toContain('"host" (vite) to 19.3.1 and "cart" (vite) to 19.3.2');
    // Same pin everywhere is not drift.
    const same = analyze([
      load(viteManifest('host', [{ name: 'react', version: '19.3.1', requiredVersion: '19.3.1' }])),
      load(rspackManifest('catalog', [{ name: 'react', version: '19.3.1', requiredVersion: '19.3.1' }])),
    ]);
    expect(codes(same)).not.toContain('CONCORD-414');
  });

  it('CONCORD-415: workspace:* leaking into requiredVersion', () => {
    const report = analyze([
      load(viteManifest('host', [{ name: '@acme/contract', version: '1.2.0', singleton: true }])),
      load(
        rspackManifest('catalog', [
          { name: '@acme/contract', version: '1.2.0', requiredVersion: 'workspace:*' },
        ]),
      ),
    ]);
    const f = only(report, 'CONCORD-415');
    expectWellFormed(f);
    expect(f).toMatchObject({ severity: 'error', apps: ['catalog'] });
    expect(f.message).toContain('requiredVersion "workspace:*"');
    expect(f.fix).toContain('^1.2.0');
    expect(codes(report)).not.toContain('CONCORD-410');
  });

  it('CONCORD-416: a non-singleton version split runs several copies', () => {
    const report = analyze([
      load(viteManifest('host', [{ name: 'zustand', version: '5.1.0' }])),
      load(viteManifest('cart', [{ name: 'zustand', version: '5.1.0' }])),
      load(viteManifest('account', [{ name: 'zustand', version: '4.5.0' }])),
    ]);
    const f = only(report, 'CONCORD-416');
    expectWellFormed(f);
    expect(f.severity).toBe('error');
    expect(f.message).toContain(
      '2 copies: 5.1.0 for "host" (vite) and "cart" (vite); 4.5.0 for "account" (vite)',
    );
    expect(cell(report, 'zustand', 'account').provider).toEqual({ app: 'account', version: '4.5.0' });
    // An Rspack app whose own copy is outside its own range falls back to it: the runtime finds nothing.
    const lodash = (bundler: 'vite' | 'rspack') =>
      analyze([
        load(viteManifest('host', [{ name: 'lodash', version: '4.17.21' }])),
        load(
          (bundler === 'vite' ? viteManifest : rspackManifest)('cart', [
            { name: 'lodash', version: '4.17.21', requiredVersion: '^3.0.0', singleton: false },
          ]),
        ),
      ]);
    const own = lodash('rspack');
    expect(cell(own, 'lodash', 'cart')).toMatchObject({ verdict: 'own-copy', provider: null });
    expect(only(own, 'CONCORD-416').severity).toBe('warning');
    // A Vite app of the host's version runs what the host filed under that version: one copy, the same
    // 4.17.21 its own copy would be, so no finding beyond the mismatch in the matrix.
    const vite = lodash('vite');
    expect(cell(vite, 'lodash', 'cart')).toMatchObject({
      verdict: 'mismatch',
      provider: { app: 'host', version: '4.17.21' },
    });
    expect(codes(vite)).toEqual([]);
  });

  it('CONCORD-417: import: false with no provider', () => {
    const report = analyze([
      load(
        viteManifest(
          'cart',
          [{ name: 'zustand', version: '5.1.0', singleton: true }],
          concord({ app: 'cart', bundler: 'vite', shared: { zustand: { singleton: true, import: false } } }),
        ),
      ),
    ]);
    const f = only(report, 'CONCORD-417');
    expectWellFormed(f);
    expect(cell(report, 'zustand', 'cart').verdict).toBe('unprovided');
  });
});

describe('report shape', () => {
  it('is pure and JSON-serialisable, with rejected inputs as findings', () => {
    const inputs = [
      sample('vite-host.mf-manifest.json'),
      parseManifest('{"name":', 'broken/mf-manifest.json'),
    ];
    const a = analyze(inputs);
    expect(JSON.parse(JSON.stringify(a))).toEqual(a);
    expect(analyze(inputs)).toEqual(a);
    expect(a.rejected).toEqual([{ input: 'broken/mf-manifest.json', code: 'CONCORD-402' }]);
    expect(a.schema).toBe(1);
  });

  it('merges a duplicate shared entry and completes Vite’s used-only list from the configured shares', () => {
    const report = analyze([
      load(
        viteManifest(
          'host',
          [
            { name: 'react', version: '19.3.1', singleton: true },
            { name: 'react', version: '18.3.1', singleton: true },
          ],
          concord({
            app: 'host',
            bundler: 'vite',
            shared: { jotai: { version: '2.10.0', singleton: true, requiredVersion: '^2.10.0' } },
          }),
        ),
      ),
    ]);
    expect(report.matrix.map((r) => [r.package, r.versions])).toEqual([
      ['jotai', ['2.10.0']],
      ['react', ['19.3.1']],
    ]);
    expect(cell(report, 'jotai', 'host')).toMatchObject({ singletonSource: 'concord', verdict: 'ok' });
  });

  it('keeps a package named __proto__ as data', () => {
    const report = analyze([
      load(viteManifest('host', [{ name: '__proto__', version: '1.0.0', singleton: true }])),
    ]);
    expect(report.matrix[0]!.package).toBe('__proto__');
    expect(report.matrix[0]!.selected).toEqual({ app: 'host', version: '1.0.0' });
  });
});

describe('messages', () => {
  it('adds no second full stop after a part that already ends with one (a range written "^18.2.")', () => {
    const host = viteManifest('host', [
      { name: 'react', version: '19.1.1', requiredVersion: '^19.1.1', singleton: true },
    ]);
    const remote = viteManifest('remote', [
      { name: 'react', version: '18.2.0', requiredVersion: '^18.2.', singleton: true },
    ]);
    const f = only(analyze([load(host), load(remote)]), 'CONCORD-410');
    expectWellFormed(f);
    expect(f.fix).toMatch(/within \^18\.2\.$/);
    expect(f.message).toContain('within ^18.2. See docs/diagnostics.md#concord-410');
    expect(f.message).not.toContain('..');
    // The usual case: each part closed with one full stop, the fix quoted as it stands in the message.
    const aligned = viteManifest('remote', [
      { name: 'react', version: '18.2.0', requiredVersion: '^18.2.0', singleton: true },
    ]);
    const g = only(analyze([load(host), load(aligned)]), 'CONCORD-410');
    expect(g.fix).toMatch(/within \^18\.2\.0\.$/);
    expect(g.message).toBe(`${g.message.slice(0, g.message.indexOf(g.fix))}${g.fix} See ${g.docs}`);
    expect(g.message).toMatch(
      /^react: "remote" \(vite\) requires \^18\.2\.0 but .*?\. The runtime only warns .*?\. Align /,
    );
  });
});
