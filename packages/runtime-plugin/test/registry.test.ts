// One page-wide registry: every container runs its own plugin instance — and its own COPY of the plugin
// code, possibly another version — yet a finding appears once, prints once and notifies once.
import type { ConcordDiagnostic } from '@concord/runtime-plugin';
import { beforeEach, expect, it, vi } from 'vitest';
import { type Factory, page, quietly, resetPage, rspackRemote, viteRemote } from './harness';

beforeEach(resetPage);

/** A fresh evaluation of the plugin module: what a second container's bundle carries. */
async function pluginCopy() {
  vi.resetModules();
  return import('@concord/runtime-plugin');
}

it('de-duplicates findings across containers and plugin copies', async () => {
  const [a, b, c] = [await pluginCopy(), await pluginCopy(), await pluginCopy()];
  expect(a.default).not.toBe(b.default);
  expect(b.default).not.toBe(c.default);
  const seen: Record<string, ConcordDiagnostic[]> = { host: [], catalog: [], cart: [] };
  const listen = (app: string) => ({ onDiagnostic: (d: ConcordDiagnostic) => void seen[app]!.push(d) });
  const catalog = rspackRemote(
    {
      name: 'catalog',
      bundler: 'rspack',
      plugin: b.default as Factory,
      concord: listen('catalog'),
      bundled: { zustand: '5.1.0' },
    },
    b.default as Factory,
  );
  const cart = viteRemote(
    {
      name: 'cart',
      bundler: 'vite',
      plugin: c.default as Factory,
      concord: listen('cart'),
      bundled: { zustand: '5.1.0' },
    },
    c.default as Factory,
  );
  const { lines } = await quietly(async () => {
    const p = page(
      {
        name: 'host',
        bundler: 'vite',
        concord: listen('host'),
        shared: { zustand: { version: '5.1.0', singleton: true } },
      },
      [catalog, cart],
      a.default as Factory,
    );
    await p.load('zustand');
    await p.loadRemote('catalog');
    await p.loadRemote('cart');
    // Every copy's scan runs again: nothing new may be recorded or printed.
    a.getDiagnostics();
    b.getDiagnostics();
    c.getDiagnostics();
  });
  const keys = (list: ConcordDiagnostic[]) =>
    list.map((d) => `${d.code} ${d.package} ${d.consumer?.app ?? '-'}`);
  const expected = ['CONCORD-202 zustand -', 'CONCORD-203 zustand catalog', 'CONCORD-203 zustand cart'];
  // One registry, whichever copy you ask.
  expect(keys(a.getDiagnostics())).toEqual(expected);
  expect(b.getDiagnostics()).toEqual(a.getDiagnostics());
  expect(c.getDiagnostics()).toEqual(a.getDiagnostics());
  // Printed once per finding, one group each.
  expect(lines.filter((l) => l.startsWith('groupCollapsed: [concord]'))).toHaveLength(3);
  // Each listener heard each finding once.
  for (const app of ['host', 'catalog', 'cart']) expect(keys(seen[app]!)).toEqual(expected);
  // The 202 lists the copies live when it was first seen (here: after the batched scan, all three).
  expect(a.getDiagnostics()[0]?.copies?.map((x) => x.app)).toEqual(['host', 'catalog', 'cart']);
  expect(a.getInstances().zustand?.map((x) => x.app)).toEqual(['host', 'catalog', 'cart']);
});

it('hooks fire many times per page; the registry keeps one entry per container', async () => {
  const { default: concord, getDiagnostics } = await import('@concord/runtime-plugin');
  await quietly(async () => {
    const remotes = [1, 2, 3].map((i) =>
      rspackRemote(
        { name: `r${i}`, bundler: 'rspack', shared: { zustand: { version: '5.1.0', singleton: true } } },
        concord,
      ),
    );
    const p = page(
      { name: 'host', bundler: 'vite', shared: { zustand: { version: '5.1.0', singleton: true } } },
      remotes,
      concord,
    );
    await p.load('zustand');
    for (const r of remotes) await p.loadRemote(r.spec.name);
  });
  const registry = (globalThis as Record<symbol, { containers: Map<string, unknown> }>)[
    Symbol.for('concord.registry')
  ]!;
  expect([...registry.containers.keys()].sort()).toEqual(['host', 'r1', 'r2', 'r3']);
  expect(getDiagnostics()).toEqual([]);
});
