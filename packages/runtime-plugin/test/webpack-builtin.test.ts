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
