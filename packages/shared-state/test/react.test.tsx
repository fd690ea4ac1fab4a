// @vitest-environment happy-dom
import { connect, type EventsOf, type Handle, type SlicesOf } from '@concord/shared-state';
import { useShared } from '@concord/shared-state/react';
import { act, Profiler } from 'react';
import { createRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { afterEach, beforeEach, describe, expect, expectTypeOf, it } from 'vitest';
import { makeShop, resetPage, type Shop, type Theme } from './fixtures';

// React warns unless it knows the environment wraps updates in act().
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

type ShopHandle = Handle<SlicesOf<Shop>, EventsOf<Shop>>;
type Props = { shared: ShopHandle; renders: Record<string, number> };

function ThemeView({ shared, renders }: Props) {
  const theme = useShared(shared, (s) => s.theme);
  expectTypeOf(theme).toEqualTypeOf<Theme>();
  renders.theme = (renders.theme ?? 0) + 1;
  return <span data-testid="theme">{theme}</span>;
}

function CountView({ shared, renders }: Props) {
  const count = useShared(shared, (s) => s.cart.count);
  renders.count = (renders.count ?? 0) + 1;
  return <span data-testid="count">{count}</span>;
}

// A selector that builds a new array each time: the equality function keeps it from re-rendering.
function SkusView({ shared, renders }: Props) {
  const skus = useShared(
    shared,
    (s) => s.cart.skus.map((sku) => sku.toUpperCase()),
    (a, b) => a.join() === b.join(),
  );
  renders.skus = (renders.skus ?? 0) + 1;
  return <span data-testid="skus">{skus.join(',')}</span>;
}

function SnapshotView({ shared }: { shared: ShopHandle }) {
  const snapshot = useShared(shared);
  return <i>{`${snapshot.theme}/${snapshot.counter}`}</i>;
}

function Bold({ shared }: { shared: ShopHandle }) {
  return <b>{useShared(shared, (s) => s.theme)}</b>;
}

beforeEach(resetPage);
const roots: { unmount(): void }[] = [];
afterEach(() => {
  act(() => {
    for (const root of roots.splice(0)) root.unmount();
  });
});

const render = (element: React.ReactNode) => {
  const container = document.createElement('div');
  const root = createRoot(container);
  roots.push(root);
  act(() => root.render(element));
  return container;
};

describe('useShared', () => {
  it('re-renders a component only when its selected value changes', () => {
    const shop = makeShop();
    const host = connect(shop, { app: 'host' });
    const cart = connect(shop, { app: 'cart' });
    const catalog = connect(shop, { app: 'catalog' });
    const renders: Record<string, number> = {};
    const view = render(
      <>
        <ThemeView shared={catalog} renders={renders} />
        <CountView shared={catalog} renders={renders} />
        <SkusView shared={catalog} renders={renders} />
      </>,
    );
    const text = (id: string) => view.querySelector(`[data-testid="${id}"]`)?.textContent;
    expect(renders).toEqual({ theme: 1, count: 1, skus: 1 });

    act(() => host.set('theme', 'dark'));
    expect(text('theme')).toBe('dark');
    expect(renders).toEqual({ theme: 2, count: 1, skus: 1 });

    act(() => cart.set('cart', { count: 1, skus: ['a'] }));
    expect(text('count')).toBe('1');
    expect(text('skus')).toBe('A');
    expect(renders).toEqual({ theme: 2, count: 2, skus: 2 });

    // A new cart object with the same count and skus, and an unchanged theme: nobody re-renders.
    act(() => cart.set('cart', { count: 1, skus: ['a'] }));
    act(() => host.set('theme', 'dark'));
    act(() => cart.set('counter', 5));
    expect(renders).toEqual({ theme: 2, count: 2, skus: 2 });
  });

  it('returns the whole snapshot without a selector', () => {
    const host = connect(makeShop(), { app: 'host' });
    let commits = 0;
    const view = render(
      <Profiler id="all" onRender={() => commits++}>
        <SnapshotView shared={host} />
      </Profiler>,
    );
    act(() => host.set('theme', 'dark'));
    expect(view.textContent).toBe('dark/0');
    expect(commits).toBe(2);
  });

  it('unsubscribes on unmount', () => {
    const shop = makeShop();
    const host = connect(shop, { app: 'host' });
    const catalog = connect(shop, { app: 'catalog' });
    render(<Bold shared={catalog} />);
    expect(host.inspect().listeners).toEqual({ catalog: 1 });
    act(() => roots.pop()?.unmount());
    expect(host.inspect().listeners).toEqual({});
  });

  it('renders the contract initial values on the server (server snapshot), whatever the bus holds', () => {
    const host = connect(makeShop(), { app: 'host' });
    host.set('theme', 'dark');
    expect(renderToString(<Bold shared={host} />)).toBe('<b>light</b>');
  });
});
