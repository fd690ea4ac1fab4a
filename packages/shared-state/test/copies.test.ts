// Two separately built copies of the library on one page, as when a remote bundles its own copy instead of
// sharing it: the real build (tsdown, like `npm run build`) is copied into two folders and both are imported.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as source from '@concord/shared-state';
import type { Plugin } from 'rolldown';
import { build } from 'tsdown';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { resetPage } from './fixtures';

type Library = typeof source;

const root = mkdtempSync(join(tmpdir(), 'concord-copies-'));
const load = (folder: string) =>
  import(pathToFileURL(join(root, folder, 'index.js')).href) as Promise<Library>;

let a: Library;
let b: Library;
let future: Library;

// A build of the library as `npm run build` makes it, optionally with a plugin that edits the source first.
const buildInto = (outDir: string, plugins: Plugin[] = []) =>
  build({
    config: false,
    cwd: join(import.meta.dirname, '..'),
    entry: ['src/index.ts'],
    outDir: join(root, outDir),
    format: 'esm',
    platform: 'neutral',
    dts: false,
    logLevel: 'silent',
    plugins,
  });

// The next major of the library: the same code speaking registry protocol 2.
const nextMajor: Plugin = {
  name: 'next-major',
  transform(code, id) {
    if (!id.endsWith('registry.ts')) return;
    const next = code
      .replace('PROTOCOL = 1;', 'PROTOCOL = 2;')
      .replace("VERSION = '0.1.0';", "VERSION = '1.0.0';");
    expect(next.match(/PROTOCOL = 2;|VERSION = '1\.0\.0';/g)).toHaveLength(2);
    return next;
  },
};

beforeAll(async () => {
  await buildInto('dist');
  cpSync(join(root, 'dist'), join(root, 'a'), { recursive: true });
  cpSync(join(root, 'dist'), join(root, 'b'), { recursive: true });
  await buildInto('future', [nextMajor]);
  expect(readFileSync(join(root, 'future', 'index.js'), 'utf8')).toContain('const PROTOCOL = 2;');
  [a, b, future] = await Promise.all([load('a'), load('b'), load('future')]);
}, 60_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));
beforeEach(resetPage);

const shopOf = (lib: Library) =>
  lib.defineContract({
    name: 'shop',
    version: '1.0.0',
    slices: { theme: { owner: 'host', initial: 'light' }, count: { owner: 'cart', initial: 0 } },
    events: { 'cart/add': lib.event<{ sku: string }>() },
  });

describe('two built copies of the library on one page', () => {
  it('are really distinct module instances', () => {
    expect(a.connect).not.toBe(b.connect);
    expect(a.ConcordError).not.toBe(b.ConcordError);
  });

  it('end up on ONE bus: writes, listeners and events cross between them', () => {
    const host = a.connect(shopOf(a), { app: 'host' });
    const cart = b.connect(shopOf(b), { app: 'cart' });
    const mine = source.connect(shopOf(source as Library), { app: 'catalog' });
    const seen: string[] = [];
    cart.subscribe('theme', (t) => seen.push(t));
    cart.on('cart/add', () => cart.set('count', (n) => n + 1));
    host.set('theme', 'dark');
    mine.emit('cart/add', { sku: 'x' });
    expect(seen).toEqual(['dark']);
    expect(host.get('count')).toBe(1);
    expect(mine.getSnapshot()).toBe(host.getSnapshot());
    expect(() => cart.set('theme', 'light')).toThrow(expect.objectContaining({ code: 'CONCORD-303' }));
    expect(host.inspect().copies).toEqual([
      { version: '0.1.0', protocol: 1 },
      { version: '0.1.0', protocol: 1 },
      { version: '0.1.0', protocol: 1 },
    ]);
    expect(host.inspect().listeners).toEqual({ cart: 2 });
  });

  it('refuse a copy with another registry protocol (CONCORD-301) and never fork the state', () => {
    const host = a.connect(shopOf(a), { app: 'host' });
    host.set('theme', 'dark');
    let error: { code?: string; message?: string } | undefined;
    try {
      future.connect(shopOf(future), { app: 'cart' });
    } catch (e) {
      error = e as Error & { code: string };
    }
    expect(error?.code).toBe('CONCORD-301');
    expect(error?.message).toMatch(/"cart" loaded @concord\/shared-state 1\.0\.0 \(registry protocol 2\)/);
    expect(host.get('theme')).toBe('dark');
    expect(host.inspect().copies).toEqual([
      { version: '0.1.0', protocol: 1 },
      { version: '1.0.0', protocol: 2 },
    ]);
  });

  it('refuse an older copy when the newer protocol created the registry first', () => {
    future.connect(shopOf(future), { app: 'host' });
    expect(() => a.connect(shopOf(a), { app: 'cart' })).toThrow(
      expect.objectContaining({ code: 'CONCORD-301' }),
    );
  });
});
