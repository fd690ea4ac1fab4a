// A webpack remote built with webpack's own ModuleFederationPlugin cannot carry a runtime plugin (its
// schema rejects `runtimePlugins`) and runs no @module-federation/runtime instance. Concord cannot check
// its loads, so it says so once, naming the container (CONCORD-210), and the page loads as before.
import concord, { getDiagnostics } from '@concord/runtime-plugin';
import { beforeEach, describe, expect, it } from 'vitest';
import { page, quietly, resetQuietPage, rspackRemote, webpackBuiltinRemote } from './harness';

beforeEach(resetQuietPage);

const host = {
  name: 'host',
  bundler: 'vite' as const,
  shareStrategy: 'loaded-first' as const,
  shared: { zustand: { version: '5.1.0', singleton: true } },
};

describe('a webpack built-in container on the page', () => {
  it.each([
    ['registering shares into the host’s scope', { shared: { mobx: { version: '6.13.0' } } }],
    ['with beacons only (its copies register)', { bundled: { mobx: '6.13.0' } }],
  ])('%s: named once as unchecked, every load goes on', async (_, over) => {
    const legacy = webpackBuiltinRemote({ name: 'legacy', bundler: 'webpack', ...over });
    const catalog = rspackRemote(
      { name: 'catalog', bundler: 'rspack', shared: { zustand: { version: '5.1.0', singleton: true } } },
      concord,
    );
    const { value } = await quietly(async () => {
      const p = page(host, [legacy, catalog], concord);
      await p.load('zustand');
      return [(await p.loadRemote('legacy')).app, (await p.loadRemote('catalog')).app];
    });
    expect(value).toEqual(['legacy', 'catalog']);
    const unchecked = getDiagnostics().filter((d) => d.code === 'CONCORD-210');
    expect(unchecked.map((d) => [d.consumer?.app, d.detail])).toEqual([
      ['legacy', expect.stringContaining("webpack's own ModuleFederationPlugin")],
    ]);
    expect(getDiagnostics().filter((d) => d.code === 'CONCORD-207')).toEqual([]);
  });

  it('says its loads run without Concord; an instance on a runtime older than 2.6 is only not fully checked', async () => {
    const legacy = webpackBuiltinRemote({ name: 'legacy', bundler: 'webpack', bundled: { mobx: '6.13.0' } });
    await quietly(async () => {
      const p = page(host, [legacy], concord);
      // An instance of runtime 2.4 beside the host's, as an old remote's container registers it.
      (globalThis as { __FEDERATION__: { __INSTANCES__: object[] } }).__FEDERATION__.__INSTANCES__.push({
        name: 'fossil',
        version: '2.4.0',
        options: { name: 'fossil', shared: {} },
      });
      await p.load('zustand');
      await p.loadRemote('legacy');
    });
    const byApp = Object.fromEntries(
      getDiagnostics()
        .filter((d) => d.code === 'CONCORD-210')
        .map((d) => [d.consumer?.app, d.message]),
    );
    expect(byApp.legacy).toMatch(/cannot be checked: .* its loads run without Concord/);
    expect(byApp.fossil).toMatch(
      /may not be fully checked: it runs @module-federation\/runtime 2\.4\.0, older than 2\.6; Concord's checks of its loads may be missing or incomplete/,
    );
  });

  it('a page without one names nothing', async () => {
    const catalog = rspackRemote(
      { name: 'catalog', bundler: 'rspack', shared: { zustand: { version: '5.1.0', singleton: true } } },
      concord,
    );
    await quietly(async () => {
      const p = page(host, [catalog], concord);
      await p.load('zustand');
      await p.loadRemote('catalog');
    });
    expect(getDiagnostics()).toEqual([]);
  });
});
