// The hostile inputs that are not page state: a console that throws (throw mode must still stop the
// mismatched load), options parsed from JSON with a `__proto__` key, hostile arguments and beacons for the
// API — every error the API throws is a coded ConcordError.
import concord, { assertSingleInstances, getInstances, resolveOptions } from '@concord/runtime-plugin';
import { registerInstance } from '@concord/runtime-plugin/beacon';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { KINDS, page, resetQuietPage } from './harness';

beforeEach(resetQuietPage);

const boom = () => {
  throw new Error('console is broken');
};

describe.each([
  ['groupCollapsed', ['groupCollapsed']],
  ['warn', ['warn']],
  ['every method', ['groupCollapsed', 'warn', 'groupEnd']],
] as const)('a console whose %s throws', (_, methods) => {
  it.each(KINDS)('does not let a mismatched %s load through in throw mode', async (bundler, make) => {
    for (const m of methods) vi.spyOn(console, m).mockImplementation(boom);
    const remote = make(
      {
        name: 'catalog',
        bundler,
        concord: { mode: 'throw' },
        shared: { zustand: { version: '4.5.0', singleton: true } },
      },
      concord,
    );
    const p = page(
      {
        name: 'host',
        bundler: 'vite',
        shareStrategy: 'loaded-first',
        shared: { zustand: { version: '5.1.0', singleton: true } },
      },
      [remote],
      concord,
    );
    await p.load('zustand');
    await expect(p.loadRemote('catalog')).rejects.toMatchObject({
      name: 'ConcordError',
      code: 'CONCORD-201',
    });
    expect((await p.load('zustand')).version).toBe('5.1.0');
  });
});

describe('options parsed from JSON', () => {
  const json = (text: string) => JSON.parse(text);

  it.each([
    ['a top-level __proto__', '{"app":"cart","__proto__":{"mode":"throw","polluted":true}}'],
    ['a __proto__ under packages', '{"app":"cart","packages":{"__proto__":{"mode":"throw"}}}'],
    ['a __proto__ that is not an object', '{"app":"cart","__proto__":42}'],
  ])('%s never replaces a prototype or sets a mode', (_, text) => {
    for (const env of ['development', 'production']) {
      const saved = process.env.NODE_ENV;
      process.env.NODE_ENV = env;
      try {
        const o = resolveOptions(json(text));
        expect(Object.getPrototypeOf(o)).toBe(Object.prototype);
        expect(o.mode).toBe('warn');
        expect((o as unknown as Record<string, unknown>).polluted).toBeUndefined();
        expect(concord(json(text)).name).toBe('concord');
      } finally {
        process.env.NODE_ENV = saved;
      }
    }
    expect(({} as Record<string, unknown>).mode).toBeUndefined();
  });

  it('a package named like an Object.prototype member takes the app mode', async () => {
    const o = resolveOptions(json('{"packages":{"zustand":{"mode":"off"}}}'));
    expect(
      ['toString', 'constructor', '__proto__', 'hasOwnProperty'].map((p) => o.packages[p]?.mode),
    ).toEqual([undefined, undefined, undefined, undefined]);
  });
});

describe('the API on a hostile page', () => {
  it('getInstances() lists prototype-named packages as data and never throws', () => {
    registerInstance({ package: '__proto__', version: '1.0.0', app: 'a', bundler: 'vite' });
    registerInstance({ package: 'constructor', version: '1.0.0', app: 'a', bundler: 'vite' });
    const all = getInstances();
    expect(Object.keys(all).sort()).toEqual(['__proto__', 'constructor']);
    expect(Object.getPrototypeOf(all)).toBe(Object.prototype);
  });

  it.each([
    [
      'a throwing beacon getter',
      () =>
        Object.defineProperty(globalThis, Symbol.for('concord.beacons'), { get: boom, configurable: true }),
    ],
    [
      'a proxy beacon array',
      () => {
        (globalThis as Record<symbol, unknown>)[Symbol.for('concord.beacons')] = new Proxy([], { get: boom });
      },
    ],
  ])('with %s, getInstances() and assertSingleInstances() do not throw raw errors', (_, inject) => {
    inject();
    expect(getInstances()).toEqual({});
    expect(() => assertSingleInstances()).not.toThrow();
    delete (globalThis as Record<symbol, unknown>)[Symbol.for('concord.beacons')];
  });

  it('assertSingleInstances() with a hostile package list throws a coded error', () => {
    const hostile = { [Symbol.iterator]: boom } as unknown as string[];
    expect(() => assertSingleInstances(hostile)).toThrow(
      expect.objectContaining({ name: 'ConcordError', code: 'CONCORD-208' }),
    );
  });

  it('assertSingleInstances() lists every split package with versions and apps, coded 202', () => {
    registerInstance({ package: 'zustand', version: '5.1.0', app: 'host', bundler: 'vite' });
    registerInstance({ package: 'zustand', version: '4.5.0', app: 'catalog', bundler: 'rspack' });
    expect(() => assertSingleInstances()).toThrow(
      expect.objectContaining({
        code: 'CONCORD-202',
        message: expect.stringContaining('zustand: 5.1.0 from host (vite),4.5.0 from catalog (rspack)'),
      }),
    );
  });
});
