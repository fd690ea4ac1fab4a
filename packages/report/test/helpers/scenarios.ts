// Whole pages used by several test files: one that triggers every CONCORD-4xx code, and one whose every string
// is an HTML/JS injection attempt. Each is a list of files (host first) so the CLI tests can write them to disk.
import { type LoadedInput, loadManifest, parseManifest } from '@concord/report';
import { concord, contract, rspackManifest, viteManifest } from './manifests';

export interface PageFile {
  file: string;
  content: string;
}

const json = (file: string, value: object): PageFile => ({
  file,
  content: `${JSON.stringify(value, null, 2)}\n`,
});

export function everyFindingFiles(): PageFile[] {
  const acme13 = contract('1.3.0', {
    cart: { owner: 'cart', fields: ['itemCount'] },
    theme: { owner: 'host', fields: ['mode'] },
    session: { owner: 'host', fields: ['user'] },
  });
  const host = viteManifest(
    'host',
    [
      { name: 'react', version: '19.3.1', requiredVersion: '19.3.1', singleton: true },
      { name: 'zustand', version: '5.1.0', singleton: true },
      { name: '@acme/contract', version: '1.3.0', singleton: true },
      { name: 'lodash', version: '4.17.21' },
      { name: 'date-fns', version: '3.6.0', singleton: true },
      // Shared by the host only, while cart and catalog share react (CONCORD-428).
      { name: 'react/jsx-runtime', version: '19.3.1', requiredVersion: '19.3.1', singleton: true },
    ],
    concord({
      app: 'host',
      bundler: 'vite',
      contract: acme13,
      owns: ['theme', 'session'],
      dependencies: { react: '19.3.1', zustand: '5.1.0' },
    }),
  );
  const cart = viteManifest(
    'cart',
    [
      { name: 'react', version: '19.3.2', requiredVersion: '=19.3.2', singleton: true },
      { name: 'zustand', version: '5.1.0', singleton: true },
      { name: '@acme/contract', version: '1.3.0', singleton: true },
      { name: 'lodash', version: '4.17.20', requiredVersion: '^3.0.0' },
      // Files catalog's 2.2.0 under Vite's `default:ms@2.1.2` key, which account then runs (CONCORD-425).
      { name: 'ms', version: '2.1.2', requiredVersion: '^2.0.0' },
    ],
    concord({ app: 'cart', bundler: 'vite', contract: acme13, owns: ['cart'], reads: ['theme.mode'] }),
  );
  const catalog = rspackManifest(
    'catalog',
    [
      { name: 'zustand', version: '4.5.0', requiredVersion: '^4.5.0' },
      { name: '@acme/contract', version: '1.2.0', requiredVersion: 'workspace:*' },
      { name: 'react', version: '19.3.1', requiredVersion: null },
      { name: 'ms', version: '2.2.0', singleton: false },
    ],
    concord({
      app: 'catalog',
      bundler: 'rspack',
      contract: contract('1.2.0', {
        cart: { owner: 'cart', fields: ['count'] },
        theme: { owner: 'host', fields: ['mode'] },
        wishlist: { owner: 'cart', fields: [] },
      }),
      reads: ['cart.count', 'wishlist', 'theme.mode'],
      shared: {
        zustand: { singleton: true, requiredVersion: '^4.5.0' },
        '@acme/contract': { singleton: true, requiredVersion: 'workspace:*' },
        react: { singleton: false },
      },
      dependencies: { react: '19.3.1', zustand: '4.5.0', jotai: '2.10.0' },
    }),
  );
  const account = viteManifest(
    'account',
    [
      { name: '@acme/analytics', version: '3.0.0', singleton: true },
      // A Vite non-singleton after the host's singleton: Vite hands it the host's 3.6.0 (CONCORD-418).
      { name: 'date-fns', version: '2.30.0' },
      { name: 'ms', version: '2.1.2', requiredVersion: '~2.1.2' },
    ],
    concord({
      app: 'account',
      bundler: 'vite',
      contract: contract('2.0.0', {
        cart: { owner: 'cart', fields: ['itemCount'] },
        session: { owner: 'host', fields: ['user'] },
        profile: { owner: 'profile', fields: ['name'] },
      }),
      owns: ['cart'],
      reads: ['session.user', 'profile.name'],
      shared: { '@acme/analytics': { singleton: true, import: false } },
    }),
  );
  // The host loads a remote the report is not given (CONCORD-429); catalog runs an old runtime (426, 427).
  host.remotes = ['cart', 'catalog', 'account', 'billing'].map((name) => ({
    federationContainerName: name,
    moduleName: 'Widget',
    alias: name,
    entry: '*',
  }));
  (catalog.metaData as Record<string, unknown>).pluginVersion = '0.21.6';
  const newer = { ...viteManifest('legacy', []), concord: { schema: 2, app: 'legacy' } };
  const hostStats = { ...host, buildOutput: [], assetAnalysis: {} };
  return [
    json('host/mf-manifest.json', host),
    json('cart/mf-manifest.json', cart),
    json('catalog/mf-manifest.json', catalog),
    json('account/mf-manifest.json', account),
    json('legacy/mf-manifest.json', newer),
    json('host/mf-stats.json', hostStats),
    { file: 'broken/mf-manifest.json', content: JSON.stringify(cart).slice(0, 200) },
  ];
}

/** A path no machine has: loading it gives the CONCORD-401 of the page. */
export const MISSING = '/nonexistent/concord-test/mf-manifest.json';

/** The every-finding page, parsed, plus the missing input read for real. */
export async function everyFinding(): Promise<LoadedInput[]> {
  const parsed = everyFindingFiles().map((f) => parseManifest(f.content, f.file));
  return [...parsed, await loadManifest(MISSING)];
}

export const XSS = '<img src=x onerror=alert(1)>';

/** Every string a manifest can carry is an injection attempt. */
export function xssFiles(): PageFile[] {
  const evil = `${XSS}"'><script>alert(2)</script>`;
  const host = viteManifest(
    `host${XSS}`,
    [
      { name: XSS, version: '1.0.0', singleton: true },
      { name: 'zustand', version: '5.1.0', singleton: true },
    ],
    concord({
      app: `host${XSS}`,
      bundler: 'vite',
      contract: contract('1.0.0', { [evil]: { owner: `host${XSS}`, fields: [evil] } }, evil),
      owns: [evil],
    }),
  );
  const remote = rspackManifest(
    `remote${XSS}`,
    [
      { name: XSS, version: `2.0.0${XSS}`, requiredVersion: `^1.0.0 ${evil}` },
      { name: 'zustand', version: '4.5.0', requiredVersion: '^4.5.0' },
    ],
    concord({
      app: `remote${XSS}`,
      bundler: 'rspack',
      contract: contract('1.0.0', { [evil]: { owner: `host${XSS}`, fields: ['other'] } }, evil),
      reads: [`${evil}.${evil}`, `missing${XSS}`],
      shared: { [XSS]: { singleton: true, requiredVersion: `^1.0.0 ${evil}` }, zustand: { singleton: true } },
      dependencies: { zustand: '4.5.0', jotai: `2.0.0${XSS}` },
    }),
  );
  return [json(`host${XSS}/mf-manifest.json`, host), json(`remote${XSS}/mf-manifest.json`, remote)];
}
