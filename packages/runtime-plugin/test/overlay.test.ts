// @vitest-environment happy-dom
// The Concord panel (`@concord/runtime-plugin/overlay`) on a page of REAL federation containers (the
// harness drives @module-federation/runtime) and a REAL @concord/shared-state bus: what the badge and the
// views show is what getDiagnostics(), getInstances() and inspect() say, live as remotes load later.
import concord, { getDiagnostics, getInstances } from '@concord/runtime-plugin';
import overlayPlugin, * as overlay from '@concord/runtime-plugin/overlay';
import { mountOverlay, type OverlayHandle, resolveOverlayOptions } from '@concord/runtime-plugin/overlay';
import { connect, defineContract } from '@concord/shared-state';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { page, quietly, resetQuietPage, rspackRemote } from './harness';

// biome-ignore lint/suspicious/noExplicitAny: test boundary with page globals
const G = globalThis as any;
let handle: OverlayHandle | undefined;

beforeEach(() => {
  const restore = resetQuietPage();
  delete G[Symbol.for('concord.shared-state')];
  return restore;
});
/** Mounts the overlay for this test (unmounted after it). */
const mount = (options?: Parameters<typeof mountOverlay>[0]) => {
  handle = mountOverlay(options);
  if (!handle) throw new Error('mountOverlay returned no handle in a DOM');
  return handle;
};
afterEach(() => {
  handle?.unmount();
  handle = undefined;
});

const root = () => document.getElementById('concord-overlay')?.shadowRoot as ShadowRoot;
const byTest = (id: string) => root().querySelector(`[data-testid="${id}"]`) as HTMLElement | null;
const all = (id: string) => [...root().querySelectorAll<HTMLElement>(`[data-testid="${id}"]`)];
const panelOpen = () => byTest('concord-panel') !== null && !byTest('concord-panel')!.hidden;
/** Waits (polling, no fixed delay) until the badge shows its first read of the page. */
const started = () =>
  vi.waitFor(() => expect(byTest('concord-badge')?.dataset.ready).toBe('true'), { timeout: 5000 });

/** Host sharing zustand 5.1.0; a Rspack remote that bundles its own zustand 4.5.0 (CONCORD-202, 203). */
async function loadSplitPage() {
  await quietly(async () => {
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

describe('the entry', () => {
  it('exports the runtime plugin factory, mountOverlay and its options, nothing else', () => {
    expect(Object.keys(overlay).sort()).toEqual([
      'OVERLAY_DEFAULTS',
      'default',
      'mountOverlay',
      'resolveOverlayOptions',
    ]);
  });

  it('is a runtime plugin that mounts one badge per page, whichever container registers it first', async () => {
    const a = overlayPlugin();
    const b = overlayPlugin({ openOnError: false });
    expect(a.name).toBe('concord-overlay');
    expect(document.querySelectorAll('#concord-overlay')).toHaveLength(1);
    mount();
    expect(b.name).toBe('concord-overlay');
    await started();
  });

  it('resolves its options purely, and names a bad value in a warning instead of breaking the page', () => {
    const user = { openOnError: false };
    expect(resolveOverlayOptions(user)).toEqual({ openOnError: false, position: 'bottom-right' });
    expect(user).toEqual({ openOnError: false });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(resolveOverlayOptions({ position: 'middle' as never, openOnError: 'yes' as never })).toEqual(
      resolveOverlayOptions(),
    );
    expect(warn.mock.calls.map((c) => c[0]).join('\n')).toMatch(
      /`openOnError`: "yes"[\s\S]*`position`: "middle"/,
    );
  });
});

describe('the badge', () => {
  it('counts apps, findings by severity and split packages as getDiagnostics() and getInstances() do', async () => {
    await loadSplitPage();
    mount({ openOnError: false });
    await started();
    const list = getDiagnostics();
    const errors = list.filter((d) => d.severity === 'error').length;
    expect(errors).toBeGreaterThan(0);
    expect(byTest('concord-badge-apps')!.textContent).toBe('2 apps');
    expect(byTest('concord-badge-errors')!.textContent).toBe(`${errors} errors`);
    expect(getInstances().zustand).toHaveLength(2);
    expect(byTest('concord-badge-split')!.textContent).toBe('1 package in 2+ copies');
    expect(panelOpen()).toBe(false);
  });

  it('keeps its nodes while its counts stay the same (a click between press and release is not lost)', async () => {
    const h = mount({ openOnError: false });
    await started();
    const ok = byTest('concord-badge-ok')!;
    h.refresh();
    h.refresh();
    expect(byTest('concord-badge-ok')).toBe(ok);
    // New counts render again.
    await loadSplitPage();
    h.refresh();
    expect(byTest('concord-badge-ok')).toBeNull();
    expect(byTest('concord-badge-errors')!.textContent).toMatch(/^\d+ errors?$/);
  });

  it('opens the panel by itself when an error finding appears after it mounted (openOnError)', async () => {
    const h = mount();
    await started();
    expect(byTest('concord-badge-ok')!.textContent).toBe('no findings');
    expect(byTest('concord-panel')).toBeNull(); // the panel's code is not even loaded yet
    await loadSplitPage();
    h.refresh();
    await vi.waitFor(() => expect(panelOpen()).toBe(true), { timeout: 5000 });
    // Auto-opened, it does not take the focus from the page.
    expect(root().activeElement).toBeNull();
  });

  it('takes openOnError from the page URL over the build option (?concord-open-on-error=true)', async () => {
    const at = location.href;
    history.replaceState(null, '', '?concord-open-on-error=true');
    try {
      const h = mount({ openOnError: false });
      await started();
      await loadSplitPage();
      h.refresh();
      await vi.waitFor(() => expect(panelOpen()).toBe(true), { timeout: 5000 });
    } finally {
      history.replaceState(null, '', at);
    }
  });

  it('stays closed with openOnError: false while its counts follow the page', async () => {
    const h = mount({ openOnError: false });
    await started();
    await loadSplitPage();
    h.refresh();
    expect(byTest('concord-badge-errors')!.textContent).toMatch(/errors?$/);
    expect(panelOpen()).toBe(false);
  });
});

describe('the panel', () => {
  it('is keyboard-usable: focus on the tabs when opened, arrows switch views, Escape closes and focus returns', async () => {
    await loadSplitPage();
    mount({ openOnError: false });
    await started();
    const badge = byTest('concord-badge')!;
    badge.focus();
    badge.click();
    await vi.waitFor(() => expect(panelOpen()).toBe(true), { timeout: 5000 });
    expect(badge.getAttribute('aria-expanded')).toBe('true');
    expect(root().activeElement).toBe(byTest('concord-tab-findings'));
    byTest('concord-tab-findings')!.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }),
    );
    expect(root().activeElement).toBe(byTest('concord-tab-share-map'));
    expect(byTest('concord-tab-share-map')!.getAttribute('aria-selected')).toBe('true');
    expect(byTest('concord-share-map')).not.toBeNull();
    root().activeElement!.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }),
    );
    expect(panelOpen()).toBe(false);
    expect(badge.getAttribute('aria-expanded')).toBe('false');
    expect(root().activeElement).toBe(badge);
  });

  it('lists every finding of getDiagnostics() with its code, package, apps, versions and fix', async () => {
    await loadSplitPage();
    const h = mount({ openOnError: false });
    await started();
    await h.open();
    const cards = all('concord-finding');
    const list = getDiagnostics();
    expect(cards.map((c) => [c.dataset.code, c.dataset.package]).sort()).toEqual(
      list.map((d) => [d.code, d.package]).sort(),
    );
    for (const d of list) {
      const card = cards.find((c) => c.dataset.code === d.code && c.dataset.package === d.package)!;
      expect(card.textContent).toContain(d.fix);
      for (const c of d.copies ?? [])
        expect(card.textContent).toContain(`${c.version} from ${c.app} (${c.bundler})`);
      if (d.consumer) expect(card.textContent).toContain(`${d.consumer.app} (${d.consumer.bundler})`);
    }
  });

  it('marks the duplicate and the private copy in the cells of the share map', async () => {
    await loadSplitPage();
    const h = mount({ openOnError: false });
    await started();
    await h.open();
    byTest('concord-tab-share-map')!.click();
    const cell = (app: string) =>
      all('concord-cell').find((c) => c.dataset.package === 'zustand' && c.dataset.app === app)!;
    expect(cell('host').dataset.marks).toBe('duplicate');
    expect(cell('host').dataset.live).toBe('5.1.0');
    expect(cell('host').textContent).toContain('offers 5.1.0 singleton ^5.1.0');
    expect(cell('catalog').dataset.marks).toBe('duplicate private');
    expect(cell('catalog').textContent).toContain('not shared');
    expect(cell('catalog').textContent).toContain('runs 4.5.0 ← catalog');
  });

  it('updates the share map live when a remote loads after the panel opened', async () => {
    const h = mount({ openOnError: false });
    await started();
    await h.open();
    byTest('concord-tab-share-map')!.click();
    expect(all('concord-cell').some((c) => c.dataset.app === 'catalog')).toBe(false);
    await loadSplitPage();
    h.refresh();
    expect(
      all('concord-cell').some((c) => c.dataset.app === 'catalog' && c.dataset.marks?.includes('private')),
    ).toBe(true);
  });
});

describe('the shared-state view', () => {
  const shop = defineContract({
    name: 'acme-test',
    version: '1.2.0',
    slices: {
      session: {
        owner: 'host',
        initial: { user: null, token: null } as { user: string | null; token: string | null },
        sensitive: true,
      },
      theme: { owner: 'host', initial: 'light' as 'light' | 'dark' },
      cart: { owner: 'cart', initial: { count: 0 } },
    },
  });

  it('shows owners, versions, last writers, listeners per app and the timeline, never a sensitive value', async () => {
    // The contract module as Vite's module cache holds a shared package: where the panel finds owners.
    G.__mf_module_cache__ = { share: { 'default:@acme/contract': { shop } } };
    const host = connect(shop, { app: 'host' });
    const cart = connect(shop, { app: 'cart' });
    host.set('theme', 'dark'); // before the panel attached
    const h = mount({ openOnError: false });
    await started();
    cart.subscribe('theme', () => {});
    cart.subscribe(() => {});
    host.subscribe('cart', () => {});
    host.set('session', { user: 'ada', token: 'SECRET-TOKEN-123' });
    cart.set('cart', { count: 2 });
    await h.open();
    byTest('concord-tab-shared-state')!.click();
    const row = (slice: string) =>
      root().querySelector(`[data-testid="concord-slices"] tr[data-slice="${slice}"]`)!;
    const ins = host.inspect();
    expect(row('session').textContent).toBe(
      `sessionhostsensitive: set${ins.versions.session}${ins.writes.session}host`,
    );
    expect(row('theme').textContent).toBe('themehost"dark"11before the panel attached');
    expect(row('cart').textContent).toBe('cartcart{"count":2}11cart');
    expect(root().textContent).not.toContain('SECRET-TOKEN-123');
    expect(root().textContent).not.toContain('ada');
    const listeners = [...root().querySelectorAll<HTMLElement>('[data-testid="concord-listeners"] tbody tr')];
    expect(Object.fromEntries(listeners.map((r) => [r.dataset.app, Number(r.dataset.listeners)]))).toEqual(
      ins.listeners,
    );
    expect(
      [...root().querySelectorAll<HTMLElement>('[data-testid="concord-timeline"] li')].map(
        (li) => `${li.dataset.app}:${li.dataset.slice}`,
      ),
    ).toEqual(['cart:cart', 'host:session']);
    // Live: a remote that disposes shows 0 listeners at once.
    cart.dispose();
    h.refresh();
    const after = root().querySelector<HTMLElement>('[data-testid="concord-listeners"] tr[data-app="cart"]')!;
    expect(after.dataset.listeners).toBe('0');
  });

  /** What `set` throws, or undefined. */
  const thrown = (write: () => void) => {
    try {
      write();
    } catch (error) {
      return error as { code: string; message: string };
    }
  };
  const timeline = () =>
    [...root().querySelectorAll<HTMLElement>('[data-testid="concord-timeline"] li')].map(
      (li) => `${li.dataset.app}:${li.dataset.slice}:${li.dataset.code ?? 'accepted'}`,
    );

  it('lists rejected writes with their codes, slice and writer, never their value; the writer still gets the error', async () => {
    G.__mf_module_cache__ = { share: { 'default:@acme/contract': { shop } } };
    // Mounted before any app connects: the page has no shared-state registry yet.
    const h = mount({ openOnError: false });
    const host = connect(shop, { app: 'host' });
    const cart = connect(shop, { app: 'cart' });
    const notOwner = thrown(() => cart.set('theme', 'dark'));
    expect(notOwner?.code).toBe('CONCORD-303');
    expect(notOwner?.message).toContain('"cart" tried to write slice "theme"');
    expect(thrown(() => host.set('theme', 'dark', { version: 7 }))?.code).toBe('CONCORD-306');
    const polluted = JSON.parse('{"user":"ada","token":"SECRET-REJECTED-9","__proto__":{"admin":true}}');
    expect(thrown(() => host.set('session', polluted))?.code).toBe('CONCORD-307');
    expect(thrown(() => (cart as unknown as { set(s: string, v: number): void }).set('nope', 1))?.code).toBe(
      'CONCORD-308',
    );
    await started();
    host.set('theme', 'dark');
    expect(host.get('theme')).toBe('dark');
    await h.open();
    byTest('concord-tab-shared-state')!.click();
    expect(timeline()).toEqual([
      'host:theme:accepted',
      'cart:nope:CONCORD-308',
      'host:session:CONCORD-307',
      'host:theme:CONCORD-306',
      'cart:theme:CONCORD-303',
    ]);
    const rejected = root().querySelector('[data-testid="concord-timeline"] li[data-code="CONCORD-303"]')!;
    expect(rejected.textContent).toMatch(/cart → theme rejected CONCORD-303$/);
    expect(root().textContent).not.toContain('SECRET-REJECTED-9');
    // A rejected write is nobody's last write.
    const theme = root().querySelector('[data-testid="concord-slices"] tr[data-slice="theme"]')!;
    expect(theme.lastElementChild!.textContent).toBe('host');
    // Live: a rejection while the panel is open shows up at the next read.
    expect(thrown(() => cart.set('session', { user: 'eve', token: 'x' }))?.code).toBe('CONCORD-303');
    h.refresh();
    expect(timeline()[0]).toBe('cart:session:CONCORD-303');
  });

  it('records the rejections of handles connected after it mounted on a bus that already existed', async () => {
    const host = connect(shop, { app: 'host' });
    const h = mount({ openOnError: false });
    const cart = connect(shop, { app: 'cart' });
    expect(thrown(() => cart.set('theme', 'dark'))?.code).toBe('CONCORD-303');
    await started();
    await h.open();
    byTest('concord-tab-shared-state')!.click();
    expect(timeline()).toEqual(['cart:theme:CONCORD-303']);
    expect(host.get('theme')).toBe('light');
  });

  it('never changes what an app sees when it cannot wrap a bus (a frozen one): those rejections go unlisted', async () => {
    const host = connect(shop, { app: 'host' });
    Object.freeze(G[Symbol.for('concord.shared-state')].buses[shop.name]);
    const h = mount({ openOnError: false });
    const cart = connect(shop, { app: 'cart' });
    expect(thrown(() => cart.set('theme', 'dark'))?.code).toBe('CONCORD-303');
    cart.set('cart', { count: 3 });
    expect(host.get('cart')).toEqual({ count: 3 });
    await started();
    await h.open();
    byTest('concord-tab-shared-state')!.click();
    expect(root().querySelector('[data-testid="concord-timeline"] li[data-code]')).toBeNull();
  });

  it('leaves no trace on the page when unmounted before any app connected', () => {
    const key = Symbol.for('concord.shared-state');
    mount().unmount();
    handle = undefined;
    expect(Object.getOwnPropertyDescriptor(G, key)).toBeUndefined();
    connect(shop, { app: 'host' });
    expect(Object.getOwnPropertyDescriptor(G, key)).toMatchObject({ writable: true, enumerable: true });
  });

  it('hides every value when the contract is not on the page (it cannot know which slices are sensitive)', async () => {
    const host = connect(shop, { app: 'host' });
    host.set('session', { user: 'ada', token: 'SECRET-TOKEN-123' });
    const h = mount({ openOnError: false });
    await started();
    await h.open();
    byTest('concord-tab-shared-state')!.click();
    expect(root().textContent).toContain('hidden (contract not found on the page)');
    expect(root().textContent).not.toContain('SECRET');
  });
});
