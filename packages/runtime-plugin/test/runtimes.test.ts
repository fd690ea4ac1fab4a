// Every @module-federation/runtime from 2.6 on: the plugin imports nothing from the runtime at run time
// (2.8 has no `satisfy` export, and a static import of one fails a 2.6/2.7 page at ESM link time), so it
// loads next to any of them; and on each REAL installed runtime a mismatched singleton is named with its
// container in `warn` mode and stopped in `throw` mode, with no internal fault.
import { readdirSync, readFileSync } from 'node:fs';
import concord, { getDiagnostics } from '@concord/runtime-plugin';
import { beforeEach, describe, expect, it } from 'vitest';
import { KINDS, page, quietly, RUNTIMES, resetQuietPage, rspackRemote } from './harness';

beforeEach(resetQuietPage);

describe('the published code', () => {
  const dist = process.env.CONCORD_TEST_DIST === '1';
  const dir = new URL(dist ? '../dist/' : '../src/', import.meta.url);
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter(
    (f) => /\.(ts|js)$/.test(f) && !f.endsWith('.d.ts'),
  );

  it('imports no value from @module-federation/* (types only, erased)', () => {
    expect(files.length).toBeGreaterThan(5);
    for (const f of files) {
      const code = readFileSync(new URL(f, dir), 'utf8');
      const imports = [
        ...code.matchAll(/^\s*import\s+(type\s+)?[^'"]*?from\s+['"](@module-federation\/[^'"]+)['"]/gm),
      ];
      for (const m of imports) expect(m[1], `${f} imports a value from ${m[2]}`).toBe('type ');
      expect(code, f).not.toMatch(/import\(\s*['"]@module-federation/);
    }
  });
});

describe.each(Object.keys(RUNTIMES) as (keyof typeof RUNTIMES)[])('on runtime %s', (runtime) => {
  const host = (mode: 'warn' | 'throw') => ({
    name: 'host',
    bundler: 'vite' as const,
    runtime,
    shareStrategy: 'loaded-first' as const,
    shared: { zustand: { version: '5.1.0', singleton: true } },
    concord: { mode },
  });

  it.each(KINDS)(
    'names a %s consumer out of range (CONCORD-201), no internal fault',
    async (bundler, make) => {
      const remote = make(
        { name: 'catalog', bundler, runtime, shared: { zustand: { version: '4.5.0', singleton: true } } },
        concord,
      );
      await quietly(async () => {
        const p = page(host('warn'), [remote], concord);
        await p.load('zustand');
        await p.loadRemote('catalog');
      });
      expect(
        getDiagnostics().map((d) => [d.code, d.consumer?.app, d.provider?.app, d.requiredVersion]),
      ).toEqual([['CONCORD-201', 'catalog', 'host', '^4.5.0']]);
    },
  );

  it('stops the mismatched load in throw mode; the host keeps working', async () => {
    const remote = rspackRemote(
      {
        name: 'catalog',
        bundler: 'rspack',
        runtime,
        concord: { mode: 'throw' },
        shared: { zustand: { version: '4.5.0', singleton: true } },
      },
      concord,
    );
    const { value } = await quietly(async () => {
      const p = page(host('throw'), [remote], concord);
      await p.load('zustand');
      const outcome = await p.loadRemote('catalog').then(
        () => 'loaded',
        (e: { code?: string }) => e.code,
      );
      return [outcome, (await p.load('zustand')).version];
    });
    expect(value).toEqual(['CONCORD-201', '5.1.0']);
    expect(getDiagnostics().filter((d) => d.code === 'CONCORD-207')).toEqual([]);
  });
});
