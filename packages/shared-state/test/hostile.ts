// Shared pieces of the hostile-input suites: a page with three apps and a recorder on every slice, event
// and the snapshot, and a fingerprint of everything a rejected operation must leave exactly as it was.
import { type ConcordError, connect } from '@concord/shared-state';
import { expect } from 'vitest';
import { errors, makeShop, resetPage } from './fixtures';

export const APPS = ['host', 'cart', 'catalog'] as const;

/** A fresh page: the shop contract, one handle per app, and a recorder on everything for every app. */
export const page = () => {
  resetPage();
  const shop = makeShop();
  const reported = errors();
  const calls: unknown[] = [];
  const handles = Object.fromEntries(
    APPS.map((app) => [app, connect(shop, { app, onError: reported })]),
  ) as Record<(typeof APPS)[number], ReturnType<typeof connect<typeof shop>>>;
  for (const app of APPS) {
    const handle = handles[app];
    for (const slice of ['session', 'theme', 'cart', 'counter'] as const)
      handle.subscribe(slice, (value) => calls.push([app, slice, value]));
    handle.subscribe((snapshot) => calls.push([app, 'snapshot', snapshot]));
    handle.on('cart/add', (payload) => calls.push([app, 'cart/add', payload]));
  }
  const { host, cart, catalog } = handles;
  return { shop, host, cart, catalog, handles, reported, calls };
};
export type Page = ReturnType<typeof page>;

/** Everything observable about the page that a rejected operation must not change. */
export const observe = (p: Page) => ({
  snapshot: p.host.getSnapshot(),
  inspection: p.catalog.inspect(),
  calls: p.calls.length,
});

/** The code of what `fn` throws (failing when it throws no ConcordError), or undefined. */
export const thrown = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (error) {
    expect((error as ConcordError).name, String(error)).toBe('ConcordError');
    expect((error as Error).message).toContain(
      `docs/diagnostics.md#${(error as ConcordError).code.toLowerCase()}`,
    );
    return (error as ConcordError).code;
  }
};

/** After an attack: the bus still applies and notifies an honest write, for every app. */
export const stillWorks = (p: Page) => {
  const before = p.calls.length;
  const next = p.host.get('theme') === 'dark' ? 'light' : 'dark';
  p.host.set('theme', next);
  expect(p.catalog.get('theme')).toBe(next);
  // theme listener + snapshot listener of each app.
  expect(p.calls.length - before).toBe(APPS.length * 2);
};
