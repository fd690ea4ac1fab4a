// CONCORD-430: a Vite host and Vite remotes that share a singleton at the host's version run one copy on most
// loads and two when a remote's container initialises before the host's copy has loaded (a start-order race of
// @module-federation/vite's init, measured on the playground). The report names it as an info line, with both
// outcomes, and only for the pairs @module-federation/vite seeds: Vite remote, same version, the host's copy.
import { analyze, type LoadedInput, RUNTIME_PAIRS } from '@concord/report';
import { describe, expect, it } from 'vitest';
import { cell, codes, only } from './helpers/findings';
import { concord, load, rspackManifest, viteManifest } from './helpers/manifests';

type Bundler = 'vite' | 'rspack';
const shared = (version: string, singleton = true) => ({
  'react-dom': { version, requiredVersion: `^${version}`, singleton },
});
const app = (name: string, bundler: Bundler, version = '19.3.1', singleton = true): LoadedInput => {
  const meta = concord({ app: name, bundler, shared: shared(version, singleton) });
  const list = [{ name: 'react-dom', version, singleton }];
  return load(bundler === 'vite' ? viteManifest(name, list, meta) : rspackManifest(name, list, meta));
};

describe('CONCORD-430, a Vite remote may seed its own copy of the host’s singleton', () => {
  it('names the Vite remotes of the host’s version, as an info line with both outcomes', () => {
    const report = analyze([app('host', 'vite'), app('cart', 'vite'), app('shop', 'vite')]);
    expect(codes(report)).toEqual(['CONCORD-430']);
    const f = only(report, 'CONCORD-430');
    expect(f).toMatchObject({ severity: 'info', package: 'react-dom', apps: ['host', 'cart', 'shop'] });
    expect(f.message).toContain('"cart" (vite) and "shop" (vite) bundle 19.3.1 like the host "host" (vite)');
    expect(f.message).toContain(
      'On most loads one copy runs; on a load that loses the race up to 3 copies run',
    );
    expect(f.message).toContain('CONCORD-202');
    expect(f.message.endsWith('See docs/diagnostics.md#concord-430')).toBe(true);
    expect(RUNTIME_PAIRS['CONCORD-430']).toBe('CONCORD-202');
    // The matrix keeps the likely outcome: the host's copy.
    expect(cell(report, 'react-dom', 'cart')).toMatchObject({ provider: { app: 'host', version: '19.3.1' } });
  });

  it('one remote: two copies at most', () => {
    const f = only(analyze([app('host', 'vite'), app('cart', 'vite')]), 'CONCORD-430');
    expect(f.message).toContain('two copies run');
    expect(f.apps).toEqual(['host', 'cart']);
  });

  it.each([
    ['an Rspack host (its init loads its own shares first)', [app('host', 'rspack'), app('cart', 'vite')]],
    ['an Rspack remote (the runtime’s loadShare, no seeding)', [app('host', 'vite'), app('cat', 'rspack')]],
    ['a remote of another version', [app('host', 'vite'), app('cart', 'vite', '19.2.0')]],
    ['non-singletons', [app('host', 'vite', '19.3.1', false), app('cart', 'vite', '19.3.1', false)]],
  ])('is not raised for %s', (_, inputs) => {
    expect(codes(analyze(inputs))).not.toContain('CONCORD-430');
  });
});
