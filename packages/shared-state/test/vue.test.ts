// @vitest-environment happy-dom
import { connect } from '@concord/shared-state';
import { useShared } from '@concord/shared-state/vue';
import { beforeEach, describe, expect, expectTypeOf, it } from 'vitest';
import { createApp, defineComponent, effectScope, h, nextTick, type Ref, watch } from 'vue';
import { makeShop, resetPage, type Theme } from './fixtures';

beforeEach(resetPage);

describe('useShared (Vue)', () => {
  it('holds the selection in a shallow ref, updated only when it changes, and stops with its scope', () => {
    const shop = makeShop();
    const host = connect(shop, { app: 'host' });
    const cart = connect(shop, { app: 'cart' });
    const scope = effectScope();
    const changes: number[] = [];
    const { theme, count, all } = scope.run(() => {
      const theme = useShared(host, (s) => s.theme);
      const count = useShared(host, (s) => s.cart.count);
      const all = useShared(host);
      watch(count, (c) => changes.push(c), { flush: 'sync' });
      return { theme, count, all };
    })!;
    expectTypeOf(theme).toEqualTypeOf<Readonly<Ref<Theme>>>();
    expect([theme.value, count.value]).toEqual(['light', 0]);
    host.set('theme', 'dark');
    cart.set('cart', { count: 2, skus: [] });
    cart.set('cart', { count: 2, skus: ['same count'] });
    expect([theme.value, count.value, all.value.cart.skus]).toEqual(['dark', 2, ['same count']]);
    expect(changes).toEqual([2]);
    expect(host.inspect().listeners).toEqual({ host: 3 });
    scope.stop();
    expect(host.inspect().listeners).toEqual({});
    host.set('theme', 'light');
    expect(theme.value).toBe('dark');
  });

  it('re-renders a mounted component when its selection changes, and unsubscribes on unmount', async () => {
    const shop = makeShop();
    const host = connect(shop, { app: 'host' });
    const account = connect(shop, { app: 'account' });
    let renders = 0;
    const Account = defineComponent(() => {
      const theme = useShared(account, (s) => s.theme);
      return () => {
        renders++;
        return h('p', theme.value);
      };
    });
    const element = document.createElement('div');
    const app = createApp(Account);
    app.mount(element);
    expect(element.textContent).toBe('light');
    host.set('theme', 'dark');
    host.set('session', { user: 'ada', token: 't' });
    await nextTick();
    expect(element.textContent).toBe('dark');
    expect(renders).toBe(2);
    expect(host.inspect().listeners).toEqual({ account: 1 });
    app.unmount();
    expect(host.inspect().listeners).toEqual({});
  });
});
