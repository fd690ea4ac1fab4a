// The contract test: each reader's `concord.reads` against the contract its slice's owner was built with.
import { analyze } from '@concord/report';
import { describe, expect, it } from 'vitest';
import { codes, expectWellFormed, only } from './helpers/findings';
import { concord, contract, load, rspackManifest, viteManifest } from './helpers/manifests';

describe('contract findings (the contract test)', () => {
  const owner = (version: string, fields: string[], extra: object = {}) =>
    load(
      viteManifest(
        'cart',
        [],
        concord({
          app: 'cart',
          bundler: 'vite',
          contract: contract(version, {
            cart: { owner: 'cart', fields },
            theme: { owner: 'host', fields: ['mode'] },
          }),
          owns: ['cart'],
          ...extra,
        }),
      ),
    );
  const reader = (version: string, reads: string[], app = 'catalog') =>
    load(
      rspackManifest(
        app,
        [],
        concord({
          app,
          bundler: 'rspack',
          contract: contract(version, {
            cart: { owner: 'cart', fields: ['count'] },
            theme: { owner: 'host', fields: ['mode'] },
            wishlist: { owner: 'cart', fields: [] },
          }),
          reads,
        }),
      ),
    );

  it('passes when every read exists in the owner’s contract', () => {
    expect(analyze([owner('1.2.0', ['count']), reader('1.2.0', ['cart.count', 'cart'])]).findings).toEqual(
      [],
    );
  });

  it('CONCORD-422: the writer renamed a field a reader uses', () => {
    const report = analyze([owner('1.3.0', ['itemCount']), reader('1.2.0', ['cart.count'])]);
    const f = only(report, 'CONCORD-422');
    expectWellFormed(f);
    expect(f).toMatchObject({ severity: 'error', apps: ['catalog', 'cart'], package: '@acme/contract' });
    expect(f.message).toContain('"catalog" (rspack) reads cart.count but "cart" (vite)');
    expect(f.message).toContain('"acme" 1.3.0 whose "cart" has no field "count" (it has itemCount)');
  });

  it('CONCORD-421: the writer removed a slice a reader uses', () => {
    const f = only(analyze([owner('1.3.0', ['count']), reader('1.2.0', ['wishlist'])]), 'CONCORD-421');
    expectWellFormed(f);
    expect(f.message).toContain('which has no slice "wishlist"');
  });

  it('CONCORD-420: contract majors that cannot run together', () => {
    const f = only(analyze([owner('2.0.0', ['count']), reader('1.2.0', ['cart.count'])]), 'CONCORD-420');
    expectWellFormed(f);
    expect(f.message).toContain('2.0.0 in "cart" (vite); 1.2.0 in "catalog" (rspack)');
    expect(codes(analyze([owner('1.3.0', ['count']), reader('1.2.0', [])]))).toEqual([]);
  });

  it('CONCORD-423: the owner of a read slice is not among the inputs', () => {
    const f = only(analyze([reader('1.2.0', ['theme.mode'])]), 'CONCORD-423');
    expectWellFormed(f);
    expect(f).toMatchObject({ severity: 'info', apps: ['catalog', 'host'] });
    expect(f.message).toContain('owned by "host", which is not among the inputs');
    expect(f.fix).toContain('Add "host"\'s mf-manifest.json');
  });

  it('CONCORD-423: the owner of a read slice is an input built without the contract', () => {
    const bare = load(viteManifest('cart', [], concord({ app: 'cart', bundler: 'vite' })));
    const f = only(analyze([bare, reader('1.2.0', ['cart.count'])]), 'CONCORD-423');
    expectWellFormed(f);
    expect(f).toMatchObject({ severity: 'info', apps: ['catalog', 'cart'] });
    expect(f.message).toContain('owned by "cart", which is built without that contract');
    expect(f.fix).toBe(
      'Set `concord.contract` ("@acme/contract") in "cart"\'s Concord build plugin options, so its manifest describes the contract it writes.',
    );
  });

  it('CONCORD-424: two apps claim the same slice', () => {
    const other = load(
      viteManifest(
        'checkout',
        [],
        concord({
          app: 'checkout',
          bundler: 'vite',
          contract: contract('1.2.0', { cart: { owner: 'cart', fields: ['count'] } }),
          owns: ['cart'],
        }),
      ),
    );
    const f = only(analyze([owner('1.2.0', ['count']), other]), 'CONCORD-424');
    expectWellFormed(f);
    expect(f.apps).toEqual(['cart', 'checkout']);
  });
});
