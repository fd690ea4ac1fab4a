// A non-singleton version split is predicted per consumer bundler: an Rspack/webpack consumer loads its bundled
// copy (CONCORD-416, two copies); a Vite consumer initialised after a Vite singleton container is handed the
// singleton's module by @module-federation/vite's module cache and runs its version outside its own range
// (CONCORD-418, one copy). The page is the playground's cart-zustand-split scenario, with synthetic manifests.
import { analyze, type LoadedInput, type Report } from '@concord/report';
import { describe, expect, it } from 'vitest';
import { cell, codes, only } from './helpers/findings';
import { concord, load, rspackManifest, viteManifest } from './helpers/manifests';

const zustand5 = { zustand: { version: '5.1.0', requiredVersion: '^5.1.0', singleton: true } };
const zustand4 = { zustand: { version: '4.5.7', requiredVersion: '^4.5.7', singleton: false } };

const host = (): LoadedInput =>
  load(
    viteManifest(
      'host',
      [{ name: 'zustand', version: '5.1.0', singleton: true }],
      concord({ app: 'host', bundler: 'vite', shared: zustand5 }),
    ),
  );
const catalog = (): LoadedInput =>
  load(
    rspackManifest(
      'catalog',
      [{ name: 'zustand', version: '5.1.0' }],
      concord({ app: 'catalog', bundler: 'rspack', shared: zustand5 }),
    ),
  );
/** The remote that declares zustand 4 as a non-singleton, built with `bundler`. */
const cart = (bundler: 'vite' | 'rspack' | 'webpack'): LoadedInput => {
  const meta = concord({ app: 'cart', bundler, shared: zustand4 });
  const shared = [{ name: 'zustand', version: '4.5.7', singleton: false }];
  return load(bundler === 'vite' ? viteManifest('cart', shared, meta) : rspackManifest('cart', shared, meta));
};

describe('a non-singleton version split, per consumer bundler', () => {
  it('a Vite consumer after the Vite host runs the host’s 5.1.0 outside ^4.5.7: CONCORD-418, one copy', () => {
    const report = analyze([host(), cart('vite'), catalog()]);
    expect(report.apps.map((a) => a.bundler)).toEqual(['vite', 'vite', 'rspack']);
    expect(codes(report).sort()).toEqual(['CONCORD-411', 'CONCORD-412', 'CONCORD-418']);
    const f = only(report, 'CONCORD-418');
    expect(f).toMatchObject({ severity: 'error', package: 'zustand', apps: ['cart', 'host'] });
    expect(f.message).toContain('"cart" (vite) shares it as a non-singleton requiring ^4.5.7');
    expect(f.message).toContain('it will run 5.1.0 from "host" (vite), outside its range');
    expect(f.message).toContain('No 4.5.7 copy loads');
    expect(f.message.endsWith('See docs/diagnostics.md#concord-418')).toBe(true);
    expect(f.fix).toContain("Align cart's zustand with 5.1.0 (requiredVersion ^5.1.0)");
    expect(cell(report, 'zustand', 'cart')).toMatchObject({
      singleton: false,
      provider: { app: 'host', version: '5.1.0' },
      verdict: 'mismatch',
    });
    // 412 says what happens to this consumer: no second copy, the singleton's module.
    expect(only(report, 'CONCORD-412').message).toContain(
      '"cart" runs the singleton\'s module whatever its own range says',
    );
  });

  it.each(['rspack', 'webpack'] as const)(
    'an %s consumer of the same config loads its own 4.5.7: CONCORD-416, two copies (unchanged)',
    (bundler) => {
      const report = analyze([host(), cart(bundler), catalog()]);
      expect(codes(report).sort()).toEqual(['CONCORD-411', 'CONCORD-412', 'CONCORD-416']);
      expect(only(report, 'CONCORD-416').message).toContain(
        `will run in 2 copies: 5.1.0 for "host" (vite) and "catalog" (rspack); 4.5.7 for "cart" (${bundler})`,
      );
      expect(cell(report, 'zustand', 'cart')).toMatchObject({
        provider: { app: 'cart', version: '4.5.7' },
        verdict: 'ok',
      });
      expect(only(report, 'CONCORD-412').message).toContain(
        '"cart" takes whichever version satisfies its own range and loads a second copy',
      );
    },
  );

  it('a Vite consumer whose range the singleton satisfies runs it, in range, with no copy finding', () => {
    const wide = concord({
      app: 'cart',
      bundler: 'vite',
      shared: { zustand: { version: '4.5.7', requiredVersion: '>=4.5.7', singleton: false } },
    });
    const report = analyze([
      host(),
      load(
        viteManifest(
          'cart',
          [{ name: 'zustand', version: '4.5.7', requiredVersion: '>=4.5.7', singleton: false }],
          wide,
        ),
      ),
    ]);
    expect(codes(report).sort()).toEqual(['CONCORD-411', 'CONCORD-412']);
    expect(cell(report, 'zustand', 'cart')).toMatchObject({
      provider: { app: 'host', version: '5.1.0' },
      verdict: 'ok',
    });
  });

  it('without a Vite singleton before it, a Vite consumer gets the resolver’s answer (its own copy)', () => {
    // Only an Rspack app shares zustand as a singleton: nothing is filed under Vite's singleton key.
    const rspackHost = load(
      rspackManifest(
        'host',
        [{ name: 'zustand', version: '5.1.0' }],
        concord({ app: 'host', bundler: 'rspack', shared: zustand5 }),
      ),
    );
    const fromRspack = analyze([rspackHost, cart('vite')]);
    expect(codes(fromRspack)).toContain('CONCORD-416');
    expect(codes(fromRspack)).not.toContain('CONCORD-418');
    expect(cell(fromRspack, 'zustand', 'cart').provider).toEqual({ app: 'cart', version: '4.5.7' });
    // The Vite singleton initialises after the consumer (input order): the key was empty when cart ran.
    const cartFirst = analyze([cart('vite'), host()]);
    expect(codes(cartFirst)).toContain('CONCORD-416');
    expect(codes(cartFirst)).not.toContain('CONCORD-418');
  });

  it('every Vite non-singleton after the singleton is handed it; each is named once', () => {
    const account = load(
      viteManifest(
        'account',
        [{ name: 'zustand', version: '4.5.0', singleton: false }],
        concord({
          app: 'account',
          bundler: 'vite',
          shared: { zustand: { version: '4.5.0', requiredVersion: '^4.5.0', singleton: false } },
        }),
      ),
    );
    const report = analyze([host(), cart('vite'), catalog(), account]);
    const found = report.findings.filter((f) => f.code === 'CONCORD-418');
    expect(found.map((f) => f.apps)).toEqual([
      ['account', 'host'],
      ['cart', 'host'],
    ]);
    expect(codes(report)).not.toContain('CONCORD-416');
    expect(codes(report)).not.toContain('CONCORD-410');
  });
});

// Vite non-singletons that declare the SAME version share one module-cache key (`default:zustand@4.5.7`):
// the first container to start files what the resolver chose for its range, and the others run that module.
// Between remotes the order is a race (e2e: the vite-same-version-ranges scenario shows one outcome).
describe('Vite non-singletons of one declared version, different ranges', () => {
  /** A remote (Vite unless said otherwise) sharing zustand 4.5.7 as a non-singleton with `range`. */
  const remote45 = (name: string, range: string, bundler: 'vite' | 'rspack' = 'vite'): LoadedInput => {
    const shared = [{ name: 'zustand', version: '4.5.7', requiredVersion: range, singleton: false }];
    const meta = concord({
      app: name,
      bundler,
      shared: { zustand: { version: '4.5.7', requiredVersion: range, singleton: false } },
    });
    return load(bundler === 'vite' ? viteManifest(name, shared, meta) : rspackManifest(name, shared, meta));
  };
  /** An Rspack remote providing zustand 4.6.0 as a non-singleton. */
  const rspack46 = (): LoadedInput =>
    load(
      rspackManifest(
        'search',
        [{ name: 'zustand', version: '4.6.0', requiredVersion: '^4.6.0', singleton: false }],
        concord({
          app: 'search',
          bundler: 'rspack',
          shared: { zustand: { version: '4.6.0', requiredVersion: '^4.6.0', singleton: false } },
        }),
      ),
    );

  it('names the race: when cart (>=4.0.0 takes 4.6.0) starts first, account (~4.5.7) runs 4.6.0: CONCORD-425', () => {
    const report = analyze([rspack46(), remote45('cart', '^4.0.0'), remote45('account', '~4.5.7')]);
    const f = only(report, 'CONCORD-425');
    expect(f).toMatchObject({ severity: 'error', package: 'zustand', apps: ['account', 'cart', 'search'] });
    expect(f.message).toContain(
      '"account" (vite) and "cart" (vite) both share 4.5.7 as a non-singleton, requiring ~4.5.7 and ^4.0.0',
    );
    expect(f.message).toContain(
      'when cart starts first, account runs 4.6.0 from "search" (rspack), outside its range',
    );
    expect(f.message).toContain('depends on the order in which the containers start');
    expect(f.message.endsWith('See docs/diagnostics.md#concord-425')).toBe(true);
    expect(f.fix).toContain('Give every app that declares zustand 4.5.7 the same requiredVersion');
    // The order is unknown: each cell keeps the app's own answer.
    expect(cell(report, 'zustand', 'cart')).toMatchObject({ provider: { app: 'search', version: '4.6.0' } });
    expect(cell(report, 'zustand', 'account')).toMatchObject({
      provider: { version: '4.5.7' },
      verdict: 'ok',
    });
    // And for the other order, the second copy: 4.6.0 for search and cart, 4.5.7 for account.
    expect(only(report, 'CONCORD-416').message).toContain('2 copies');
  });

  it('does not depend on the input order', () => {
    const a = analyze([rspack46(), remote45('cart', '^4.0.0'), remote45('account', '~4.5.7')]);
    const b = analyze([rspack46(), remote45('account', '~4.5.7'), remote45('cart', '^4.0.0')]);
    const race = (r: Report) => r.findings.filter((f) => f.code === 'CONCORD-425').map((f) => f.message);
    expect(race(b)).toEqual(race(a));
  });

  it('no race when every answer fits every range, or the versions the apps would run are the same', () => {
    // Both ranges accept 4.6.0: whoever starts first, both run 4.6.0 in range.
    const wide = analyze([rspack46(), remote45('cart', '^4.0.0'), remote45('account', '>=4.5.7')]);
    expect(codes(wide)).not.toContain('CONCORD-425');
    // Nothing newer on the page: both take 4.5.7.
    const alone = analyze([remote45('cart', '^4.0.0'), remote45('account', '~4.5.7')]);
    expect(codes(alone)).not.toContain('CONCORD-425');
    // An Rspack app of the same version does not read Vite's module cache: no race.
    const mixed = analyze([rspack46(), remote45('cart', '^4.0.0'), remote45('account', '~4.5.7', 'rspack')]);
    expect(codes(mixed)).not.toContain('CONCORD-425');
  });

  it('no race when the host is one of them: it starts first, so every remote runs its choice', () => {
    // The host (Vite, first input) requires ^4.0.0 and takes search's 4.6.0; account (~4.5.7) runs it.
    const report = analyze([remote45('host', '^4.0.0'), rspack46(), remote45('account', '~4.5.7')]);
    const f = only(report, 'CONCORD-425');
    expect(f.apps).toEqual(['account', 'host', 'search']);
    expect(f.message).toContain(
      'the host always does: account runs 4.6.0 from "search" (rspack), outside its range',
    );
    expect(f.message).not.toContain('depends on the order');
    expect(cell(report, 'zustand', 'account')).toMatchObject({
      provider: { app: 'search', version: '4.6.0' },
      verdict: 'mismatch',
    });
    // One module for everyone: no second copy.
    expect(codes(report)).not.toContain('CONCORD-416');
    // A range the host's choice fits: account runs 4.6.0 in range, and nothing is said.
    const fits = analyze([remote45('host', '^4.0.0'), rspack46(), remote45('account', '>=4.5.7')]);
    expect(codes(fits)).toEqual([]);
  });

  it('apps handed the Vite singleton’s module are not in a race (CONCORD-418 names them)', () => {
    const report = analyze([host(), remote45('cart', '^4.0.0'), remote45('account', '~4.5.7')]);
    expect(codes(report)).not.toContain('CONCORD-425');
    expect(
      report.findings
        .filter((f) => f.code === 'CONCORD-418')
        .map((f) => f.apps?.[0])
        .sort(),
    ).toEqual(['account', 'cart']);
  });
});
