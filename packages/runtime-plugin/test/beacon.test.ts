// registerInstance: dependency-free, works before any runtime plugin exists; a plugin that arrives later
// reads what was registered, and one already on the page sees each registration as it happens.
import concord, { getInstances } from '@concord/runtime-plugin';
import { registerInstance } from '@concord/runtime-plugin/beacon';
import { beforeEach, expect, it } from 'vitest';
import { RUNTIMES, resetPage } from './harness';

beforeEach(resetPage);

const beacons = () => (globalThis as Record<symbol, unknown[] | undefined>)[Symbol.for('concord.beacons')];

it('creates the global array on first use and pushes one record per call', () => {
  expect(beacons()).toBeUndefined();
  registerInstance({ package: 'zustand', version: '5.1.0', app: 'host', bundler: 'vite' });
  expect(beacons()).toEqual([
    { package: 'zustand', version: '5.1.0', app: 'host', bundler: 'vite', probe: undefined },
  ]);
});

it('keeps an optional probe on the record for tools', () => {
  const probe = () => 'this copy';
  registerInstance({ package: '@acme/store', version: '1.0.0', app: 'cart', bundler: 'vite' }, probe);
  expect(beacons()?.[0]).toMatchObject({ package: '@acme/store', probe });
});

it('registrations made before the plugin are read when it arrives', () => {
  registerInstance({ package: 'zustand', version: '5.1.0', app: 'host', bundler: 'vite' });
  RUNTIMES['2.9.3'].createInstance({ name: 'host', remotes: [], plugins: [concord({ bundler: 'vite' })] });
  registerInstance({ package: 'zustand', version: '4.5.0', app: 'cart', bundler: 'vite' });
  expect(getInstances().zustand?.map((c) => `${c.version} ${c.app}`)).toEqual(['5.1.0 host', '4.5.0 cart']);
});

it('replaces a non-array global instead of failing the library it runs in', () => {
  (globalThis as Record<symbol, unknown>)[Symbol.for('concord.beacons')] = 7;
  expect(() =>
    registerInstance({ package: 'zustand', version: '5.1.0', app: 'host', bundler: 'vite' }),
  ).not.toThrow();
  expect(beacons()).toHaveLength(1);
});
