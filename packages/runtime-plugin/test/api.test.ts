// The API for tests and tools: getDiagnostics(), getInstances(), assertSingleInstances(),
// globalThis.__CONCORD__; and what `warn` prints in development and production builds.
import { readFileSync } from 'node:fs';
import concord, { assertSingleInstances, getDiagnostics, getInstances } from '@concord/runtime-plugin';
import { registerInstance } from '@concord/runtime-plugin/beacon';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { page, quietly, resetPage, rspackRemote } from './harness';

beforeEach(resetPage);

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

/** Host sharing zustand 5.1.0 + a Rspack remote that bundles its own zustand 4.5.0. */
async function splitPage() {
  return quietly(async () => {
    const remote = rspackRemote(
      { name: 'catalog', bundler: 'rspack', bundled: { zustand: '4.5.0' } },
      concord,
    );
    const p = page(
      { name: 'host', bundler: 'vite', shared: { zustand: { version: '5.1.0', singleton: true } } },
      [remote],
      concord,
    );
    await p.load('zustand');
    await p.loadRemote('catalog');
  });
}

describe('getInstances()', () => {
  it('lists which copies of which packages are live, from which app and bundler', async () => {
    await splitPage();
    expect(getInstances()).toEqual({
      zustand: [
        { package: 'zustand', version: '5.1.0', app: 'host', bundler: 'vite', source: 'beacon' },
        { package: 'zustand', version: '4.5.0', app: 'catalog', bundler: 'rspack', source: 'beacon' },
      ],
    });
  });

  it('works from beacons alone, before (or without) any runtime plugin', () => {
    registerInstance({ package: 'zustand', version: '5.1.0', app: 'host', bundler: 'vite' });
    registerInstance({ package: 'zustand', version: '5.1.0', app: 'cart', bundler: 'vite' });
    expect(getInstances().zustand?.map((c) => c.app)).toEqual(['host', 'cart']);
    expect(getDiagnostics().map((d) => d.code)).toEqual(['CONCORD-202']);
  });
});

describe('assertSingleInstances()', () => {
  it('throws a coded error listing every package live in more than one copy', async () => {
    await splitPage();
    let error: { code?: string; message?: string } | undefined;
    try {
      assertSingleInstances();
    } catch (e) {
      error = e as typeof error;
    }
    expect(error?.code).toBe('CONCORD-202');
    expect(error?.message).toBe(
      '[concord] CONCORD-202 live in more than one copy: zustand: 5.1.0 from host (vite),4.5.0 from catalog (rspack). See https://github.com/concord-mf/concord/blob/main/docs/diagnostics.md#concord-202',
    );
  });

  it('passes when every watched package runs once, and can be narrowed to some packages', async () => {
    await quietly(() =>
      page({ name: 'host', bundler: 'vite', shared: { zustand: { version: '5.1.0' } } }, [], concord).load(
        'zustand',
      ),
    );
    expect(() => assertSingleInstances()).not.toThrow();
    registerInstance({ package: 'lodash', version: '4.0.0', app: 'a', bundler: 'vite' });
    registerInstance({ package: 'lodash', version: '4.0.0', app: 'b', bundler: 'vite' });
    expect(() => assertSingleInstances()).not.toThrow(); // lodash is not watched
    expect(() => assertSingleInstances(['lodash'])).toThrow(/CONCORD-202 .*lodash/);
  });
});

describe('globalThis.__CONCORD__', () => {
  it('exposes the API and the version once a plugin runs', async () => {
    expect((globalThis as { __CONCORD__?: unknown }).__CONCORD__).toBeUndefined();
    await splitPage();
    const api = (globalThis as { __CONCORD__?: Record<string, unknown> }).__CONCORD__!;
    expect(Object.keys(api).sort()).toEqual([
      'assertSingleInstances',
      'getDiagnostics',
      'getInstances',
      'version',
    ]);
    expect(api.version).toBe(pkg.version);
    expect((api.getDiagnostics as typeof getDiagnostics)()).toEqual(getDiagnostics());
  });
});

describe('warn mode output', () => {
  const env = process.env.NODE_ENV;
  afterEach(() => {
    process.env.NODE_ENV = env;
  });

  it('development: one grouped message per finding, with the sentence, the fix and the docs link', async () => {
    const { lines } = await splitPage();
    const concordLines = lines.filter((l) => l.includes('[concord]') || l.startsWith('warn: {'));
    expect(
      concordLines.map((l) =>
        l
          .match(/^(\w+): .*?(CONCORD-\d+)/)
          ?.slice(1)
          .join(' '),
      ),
    ).toEqual([
      'groupCollapsed CONCORD-202',
      'warn CONCORD-202',
      'groupCollapsed CONCORD-203',
      'warn CONCORD-203',
    ]);
    expect(lines.filter((l) => l.startsWith('groupEnd'))).toHaveLength(2);
    expect(lines).toContain(
      'groupCollapsed: [concord] CONCORD-203 zustand: "catalog" (rspack) runs a private copy (4.5.0) because it does not share zustand; its state is invisible to the other apps. Fix: add zustand to the shared config of "catalog" as a singleton. See https://github.com/concord-mf/concord/blob/main/docs/diagnostics.md#concord-203',
    );
  });

  it('production: a compact line that stands alone (code, package, apps, versions, absolute link)', async () => {
    process.env.NODE_ENV = 'production';
    const { lines } = await splitPage();
    expect(lines.filter((l) => l.includes('[concord]'))).toEqual([
      'warn: [concord] CONCORD-202 zustand: 5.1.0 from "host" (vite), 4.5.0 from "catalog" (rspack). https://github.com/concord-mf/concord/blob/main/docs/diagnostics.md#concord-202',
      'warn: [concord] CONCORD-203 zustand: "catalog" (rspack): 4.5.0. https://github.com/concord-mf/concord/blob/main/docs/diagnostics.md#concord-203',
    ]);
    expect(getDiagnostics()[1]).toMatchObject({
      code: 'CONCORD-203',
      message: 'https://github.com/concord-mf/concord/blob/main/docs/diagnostics.md#concord-203',
      consumer: { app: 'catalog', bundler: 'rspack' },
      versions: ['4.5.0'],
    });
  });

  it('links to the configured docsUrl', async () => {
    const docsUrl = 'https://docs.example.com/concord/v0.1/diagnostics';
    const { lines } = await quietly(async () => {
      const remote = rspackRemote(
        { name: 'catalog', bundler: 'rspack', bundled: { zustand: '4.5.0' }, concord: { docsUrl } },
        concord,
      );
      const p = page(
        {
          name: 'host',
          bundler: 'vite',
          shared: { zustand: { version: '5.1.0', singleton: true } },
          concord: { docsUrl },
        },
        [remote],
        concord,
      );
      await p.load('zustand');
      await p.loadRemote('catalog');
    });
    expect(getDiagnostics().map((d) => d.docs)).toEqual([
      'https://docs.example.com/concord/v0.1/diagnostics#concord-202',
      'https://docs.example.com/concord/v0.1/diagnostics#concord-203',
    ]);
    expect(lines.filter((l) => l.startsWith('groupCollapsed'))[0]).toMatch(
      / See https:\/\/docs\.example\.com\/concord\/v0\.1\/diagnostics#concord-202$/,
    );
  });
});
