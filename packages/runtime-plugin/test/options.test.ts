// The factory as both build plugins call it (`import p from "<path>"; p(options)` with JSON options),
// and the options: frozen defaults, a pure resolveOptions, validation naming the option and the value.
import concord, {
  type ConcordRuntimeOptions,
  type ConcordRuntimePlugin,
  DEFAULT_WATCHED,
  DEFAULTS,
  getDiagnostics,
  resolveOptions,
} from '@concord/runtime-plugin';
import type { ModuleFederationRuntimePlugin } from '@module-federation/runtime';
import { beforeEach, describe, expect, expectTypeOf, it, vi } from 'vitest';
import { RUNTIMES, resetPage } from './harness';

beforeEach(resetPage);

describe('the factory', () => {
  it('returns { name: "concord", ...hooks } from serialised (JSON) options', () => {
    const options = JSON.parse(
      JSON.stringify({ app: 'catalog', bundler: 'rspack', mode: 'warn', watch: ['zustand'] }),
    );
    const plugin = concord(options);
    expect(plugin.name).toBe('concord');
    expect(Object.keys(plugin).sort()).toMatchInlineSnapshot(`
      [
        "afterLoadShare",
        "beforeGetExpose",
        "errorLoadShare",
        "init",
        "initContainer",
        "name",
        "resolveShare",
        "version",
      ]
    `);
  });

  it('is a runtime plugin by Module Federation’s own type (types)', () => {
    // The hooks' argument types are derived from the peer @module-federation/runtime a project installs
    // (type-only imports), so each project checks the plugin against its own runtime's types; this
    // workspace's is 2.9.3 (2.9.1's types name other ModuleFederation classes, as any two copies do).
    expectTypeOf(concord()).toMatchTypeOf<ModuleFederationRuntimePlugin>();
    expectTypeOf<ConcordRuntimePlugin['name']>().toEqualTypeOf<'concord'>();
    expectTypeOf<Parameters<ConcordRuntimePlugin['resolveShare']>[0]['pkgName']>().toEqualTypeOf<string>();
  });

  it.each(Object.keys(RUNTIMES) as (keyof typeof RUNTIMES)[])(
    'registers on runtime %s, once per name',
    (v) => {
      const ins = RUNTIMES[v].createInstance({
        name: `app_${v.replaceAll('.', '_')}`,
        remotes: [],
        plugins: [concord(), concord()],
      });
      // The runtime attaches the hooks of the first plugin named "concord" and ignores the second.
      expect(ins.sharedHandler.hooks.lifecycle.resolveShare.listeners.size).toBe(1);
      const registry = (globalThis as Record<symbol, { containers: Map<string, { app: string }> }>)[
        Symbol.for('concord.registry')
      ]!;
      expect([...registry.containers.values()].map((c) => c.app)).toEqual([`app_${v.replaceAll('.', '_')}`]);
    },
  );

  it('falls back to the defaults on invalid options, with a coded warning, and keeps working', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const plugin = concord({ mode: 'loud' } as unknown as ConcordRuntimeOptions);
    expect(warn).toHaveBeenCalledWith(
      "[concord] CONCORD-208 invalid option `mode`: \"loud\". Expected 'warn', 'throw' or 'off'. See https://github.com/concord-mf/concord/blob/main/docs/diagnostics.md#concord-208",
    );
    const ins = RUNTIMES['2.9.3'].createInstance({ name: 'x', remotes: [], plugins: [plugin] });
    expect(ins.name).toBe('x');
    expect(getDiagnostics()).toEqual([]);
    warn.mockRestore();
  });
});

describe('resolveOptions', () => {
  it('completes the defaults', () => {
    expect(resolveOptions()).toEqual({
      bundler: 'unknown',
      mode: 'warn',
      packages: {},
      watch: DEFAULT_WATCHED,
      docsUrl: 'https://github.com/concord-mf/concord/blob/main/docs/diagnostics.md',
    });
    expect(
      resolveOptions({ app: 'cart', mode: undefined, packages: { zustand: { mode: 'throw' } } }),
    ).toEqual({
      app: 'cart',
      bundler: 'unknown',
      mode: 'warn',
      packages: { zustand: { mode: 'throw' } },
      watch: DEFAULT_WATCHED,
      docsUrl: DEFAULTS.docsUrl,
    });
  });

  it('is pure: never mutates its input, never returns a shared object', () => {
    const input = Object.freeze({ app: 'cart', watch: Object.freeze(['zustand']) });
    const a = resolveOptions(input);
    const b = resolveOptions(input);
    expect(a).not.toBe(b);
    expect(input).toEqual({ app: 'cart', watch: ['zustand'] });
  });

  it('has frozen defaults', () => {
    expect(Object.isFrozen(DEFAULTS)).toBe(true);
    expect(Object.isFrozen(DEFAULTS.packages)).toBe(true);
    expect(Object.isFrozen(DEFAULT_WATCHED)).toBe(true);
    expect(DEFAULT_WATCHED).toEqual([
      'react',
      'react-dom',
      'zustand',
      'redux',
      '@reduxjs/toolkit',
      'react-redux',
      'jotai',
      'valtio',
      'mobx',
      'rxjs',
      '@tanstack/query-core',
      '@concord/shared-state',
    ]);
  });

  it.each([
    [null, '`options`: null'],
    [{ app: '' }, '`app`: ""'],
    [{ bundler: 'esbuild' }, '`bundler`: "esbuild"'],
    [{ mode: 'loud' }, '`mode`: "loud"'],
    [{ packages: [] }, '`packages`: []'],
    [{ packages: { zustand: { mode: 'never' } } }, '`packages.zustand`: {"mode":"never"}'],
    [{ watch: 'zustand' }, '`watch`: "zustand"'],
    [{ watch: ['zustand', 3] }, '`watch`: ["zustand",3]'],
    [{ onDiagnostic: 'log' }, '`onDiagnostic`: "log"'],
    [{ docsUrl: 'docs/diagnostics.md' }, '`docsUrl`: "docs/diagnostics.md"'],
  ])('rejects %j naming the option and the value', (input, fragment) => {
    expect(() => resolveOptions(input as ConcordRuntimeOptions)).toThrow(
      expect.objectContaining({ code: 'CONCORD-208', message: expect.stringContaining(fragment) }),
    );
  });

  it('trusts its input in production builds (the build plugins validate)', () => {
    const env = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      expect(resolveOptions({ mode: 'loud' } as unknown as ConcordRuntimeOptions).mode).toBe('loud');
    } finally {
      process.env.NODE_ENV = env;
    }
  });
});
