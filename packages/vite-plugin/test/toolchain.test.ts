// Supported versions of Vite and @module-federation/vite: the peer ranges, the CONCORD-120 line for a
// version outside them, and silence on the versions installed here (Vite 7 and 8 dev servers in process).
import { readFileSync } from 'node:fs';
import { checkToolchain, concord, SUPPORTED_TOOLCHAIN } from '@concord/vite-plugin';
import * as vite8 from 'vite';
import * as vite7 from 'vite7';
import { afterAll, describe, expect, it } from 'vitest';
import { collectingLogger, prepareFixture, removeFixtures } from './helpers/fixture';

process.env.MFE_VITE_NO_TEST_ENV_CHECK = 'true';
afterAll(removeFixtures);

const packageJson = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

describe('supported versions', () => {
  it('are the peer ranges of package.json', () => {
    expect(packageJson.peerDependencies).toEqual({
      '@module-federation/vite': SUPPORTED_TOOLCHAIN['@module-federation/vite'].range,
      vite: SUPPORTED_TOOLCHAIN.vite.range,
    });
  });

  it.each([
    ['1.16.14', '7.3.8'],
    ['1.23.8', '8.3.8'],
    ['1.99.0', '8.0.0-beta.3'],
  ])('say nothing for @module-federation/vite %s on Vite %s', (federation, vite) => {
    expect(checkToolchain('host', { vite, '@module-federation/vite': federation })).toBeUndefined();
  });

  it('say nothing when a version is unknown', () => {
    expect(checkToolchain('host', {})).toBeUndefined();
  });

  it('name an old @module-federation/vite, the app and why, in one coded line', () => {
    const line = checkToolchain('cart', { vite: '7.3.8', '@module-federation/vite': '1.16.11' });
    expect(line).toMatchObject({ code: 'CONCORD-120', severity: 'warning' });
    expect(line!.message).toContain('app "cart" (vite) runs @module-federation/vite 1.16.11');
    expect(line!.message).toContain('own react');
    expect(line!.message).toContain('@module-federation/vite to ^1.16.14');
    expect(line!.message).not.toMatch(/\bvite 7\.3\.8/);
  });

  it('name Vite 6 and a federation 2.x together in one line', () => {
    const line = checkToolchain('host', { vite: '6.4.1', '@module-federation/vite': '2.0.0' });
    expect(line!.code).toBe('CONCORD-120');
    expect(line!.message).toContain('@module-federation/vite 2.0.0 (major 2 is not tested yet)');
    expect(line!.message).toContain('vite 6.4.1 (before Vite 7');
    expect(line!.message).toContain('vite to ^7.0.0 || ^8.0.0');
  });
});

describe.each([
  [vite7.version, vite7.createServer as unknown as typeof vite8.createServer],
  [vite8.version, vite8.createServer],
])('vite %s dev server', (_version, createServer) => {
  it('prints no CONCORD-120 with the versions installed here', async () => {
    const root = prepareFixture('remote');
    const { logger, messages } = collectingLogger();
    const server = await createServer({
      configFile: false,
      customLogger: logger,
      root,
      server: { middlewareMode: true, ws: false },
      optimizeDeps: { noDiscovery: true, include: [] },
      plugins: [concord({ name: 'remote', exposes: { './store': './src/store.js' }, concord: { root } })],
    });
    await server.close();
    expect(messages.map((m) => m.text).join('\n')).not.toContain('CONCORD-120');
  }, 60_000);
});
