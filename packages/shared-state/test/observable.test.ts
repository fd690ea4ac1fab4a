import { connect } from '@concord/shared-state';
import { distinctUntilChanged, from, map } from 'rxjs';
import { beforeEach, expect, it } from 'vitest';
import { makeShop, resetPage } from './fixtures';

beforeEach(resetPage);

it('is an interop Observable of snapshots (rxjs `from`), current value first', () => {
  const shop = makeShop();
  const host = connect(shop, { app: 'host' });
  const catalog = connect(shop, { app: 'catalog' });
  const themes: string[] = [];
  const subscription = from(catalog)
    .pipe(
      map((s) => s.theme),
      distinctUntilChanged(),
    )
    .subscribe((theme) => themes.push(theme));
  host.set('theme', 'dark');
  host.set('session', { user: 'ada', token: null });
  host.set('theme', 'light');
  expect(themes).toEqual(['light', 'dark', 'light']);
  expect(host.inspect().listeners).toEqual({ catalog: 1 });
  subscription.unsubscribe();
  expect(host.inspect().listeners).toEqual({});
  host.set('theme', 'dark');
  expect(themes).toHaveLength(3);
});

it('accepts an observer object and a plain function', () => {
  const host = connect(makeShop(), { app: 'host' });
  const interop = host['@@observable']();
  const seen: unknown[] = [];
  const a = interop.subscribe({ next: (s) => seen.push(`a:${s.theme}`) });
  const b = interop.subscribe((s) => seen.push(`b:${s.theme}`));
  host.set('theme', 'dark');
  a.unsubscribe();
  b.unsubscribe();
  host.set('theme', 'light');
  expect(seen).toEqual(['a:light', 'b:light', 'a:dark', 'b:dark']);
});
