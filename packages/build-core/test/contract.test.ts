import {
  buildMetadata,
  checkOwns,
  checkReads,
  findInstalled,
  loadContract,
  ownedSlices,
  resolveOptions,
} from '@concord/build-core';
import { afterAll, describe, expect, it } from 'vitest';
import { makeApp, removeApps } from './helpers/app';

const description = {
  name: 'acme',
  version: '2.0.0',
  slices: {
    cart: { owner: 'cart', broadcast: true, sensitive: false, fields: ['count'] },
    theme: { owner: 'host', broadcast: true, sensitive: false, fields: [] },
  },
  events: ['cart/add'],
};
const definition = `{ name: 'acme', version: '2.0.0', slices: { cart: { owner: 'cart', initial: { count: 0 }, broadcast: true }, theme: { owner: 'host', initial: 'light', broadcast: true } }, events: { 'cart/add': {} } }`;

function contractPackage(files: Record<string, string>, json: Record<string, unknown> = {}) {
  const root = makeApp(
    {},
    { '@acme/contract': { version: '2.0.0', json: { type: 'module', ...json }, files } },
  );
  return findInstalled('@acme/contract', root)!;
}

afterAll(removeApps);

describe('loadContract', () => {
  it('imports the entry Node would, and describes a named contract export', async () => {
    const installed = contractPackage(
      { 'dist/index.js': `export const acme = ${definition};`, 'src/index.ts': 'export {} as never;' },
      { exports: { '.': { '@acme/source': './src/index.ts', import: './dist/index.js' } } },
    );
    const loaded = await loadContract('cart', { package: '@acme/contract' }, installed);
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.metadata).toEqual({ package: '@acme/contract', ...description });
  });

  it('prefers the default export and honours `export`', async () => {
    const installed = contractPackage({
      'index.js': `export default ${definition}; export const other = { ...${definition}, name: 'other' };`,
    });
    expect((await loadContract('cart', { package: '@acme/contract' }, installed)).metadata?.name).toBe(
      'acme',
    );
    const named = await loadContract('cart', { package: '@acme/contract', export: 'other' }, installed);
    expect(named.metadata?.name).toBe('other');
  });

  it.each([
    [
      'no export is a contract',
      { 'index.js': 'export const x = 1;' },
      {},
      /none of its exports is a contract/,
    ],
    [
      'several exports are',
      { 'index.js': `export const a = ${definition}; export const b = ${definition};` },
      {},
      /several exports look like contracts \(a, b\)/,
    ],
    ['the entry throws', { 'index.js': 'throw new Error("boom");' }, {}, /\(boom\)/],
    [
      'the named export is missing',
      { 'index.js': `export default ${definition};` },
      { export: 'acme' },
      /no export named "acme"/,
    ],
  ])('warns with CONCORD-109 when %s', async (_, files, spec, reason) => {
    const loaded = await loadContract('cart', { package: '@acme/contract', ...spec }, contractPackage(files));
    expect(loaded.metadata).toBeUndefined();
    expect(loaded.diagnostics.map((d) => d.code)).toEqual(['CONCORD-109']);
    expect(loaded.diagnostics[0]!.message).toMatch(reason);
    expect(loaded.diagnostics[0]!.message).toMatch(
      /^the contract @acme\/contract@2\.0\.0 of app "cart" \(vite\)/,
    );
  });
});

describe('reads and owns', () => {
  it('flags reads of slices and fields the contract does not have (CONCORD-110)', () => {
    const found = checkReads(
      'cart',
      'vite',
      ['cart', 'cart.count', 'theme', 'cart.total', 'session'],
      description,
      '@acme/contract',
    );
    expect(found.map((d) => d.code)).toEqual(['CONCORD-110', 'CONCORD-110']);
    expect(found[0]!.message).toContain('of app "cart" (vite) lists');
    expect(found[0]!.message).toContain(
      'lists "cart.total" but contract "@acme/contract" has no such slice or field',
    );
    expect(found[1]!.message).toContain('lists "session"');
    expect(found[1]!.message).toContain('(its version 2.0.0 has "cart", "cart.count", "theme")');
  });

  it('flags owns of a slice the contract gives to another app or does not have (CONCORD-121)', () => {
    const found = checkOwns(
      'catalog',
      'rspack',
      ['theme', 'cart', 'toString'],
      description,
      '@acme/contract',
    );
    expect(found.map((d) => [d.code, d.severity])).toEqual([
      ['CONCORD-121', 'warning'],
      ['CONCORD-121', 'warning'],
      ['CONCORD-121', 'warning'],
    ]);
    expect(found[1]!.message).toContain(
      '`concord.owns` of app "catalog" (rspack) lists slice "cart" but contract "@acme/contract" 2.0.0 gives it to "cart"',
    );
    expect(found[2]!.message).toContain('"toString" but contract "@acme/contract" 2.0.0 has no such slice');
    expect(found[2]!.message).toContain('rejected on the page (CONCORD-308, unknown slice)');
    // Its own slice is no finding.
    expect(checkOwns('cart', 'vite', ['cart'], description, '@acme/contract')).toEqual([]);
  });

  it('lists the slices the app owns', () => {
    expect(ownedSlices('cart', description)).toEqual(['cart']);
    expect(ownedSlices('catalog', description)).toEqual([]);
  });

  it('writes the slices the contract gives the app and those it claims in `owns` into the metadata', () => {
    const owns = (app: string, claimed: string[]) =>
      buildMetadata(
        {
          app,
          bundler: 'vite',
          autoShare: true,
          shared: {},
          removed: [],
          watched: [],
          dependencies: {},
        } as never,
        resolveOptions({ owns: claimed }),
        { metadata: { package: '@acme/contract', ...description }, diagnostics: [] },
        '0.0.0',
      ).owns;
    expect(owns('cart', [])).toEqual(['cart']);
    expect(owns('cart', ['theme', 'cart'])).toEqual(['cart', 'theme']);
    expect(owns('catalog', ['theme'])).toEqual(['theme']);
  });
});
