import {
  type ConcordError,
  connect,
  defineContract,
  describeContract,
  type EventsOf,
  event,
  type Handle,
  type SlicesOf,
} from '@concord/shared-state';
import * as v from 'valibot';
import { beforeEach, describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { makeShop, resetPage, type Theme } from './fixtures';

beforeEach(resetPage);

describe('defineContract', () => {
  it('returns a frozen contract', () => {
    const shop = makeShop();
    expect(Object.isFrozen(shop)).toBe(true);
    expect(Object.isFrozen(shop.slices)).toBe(true);
    expect(Object.isFrozen(shop.slices.cart)).toBe(true);
    expect(Object.isFrozen(shop.events)).toBe(true);
    expect(shop.slices.theme).toEqual({ owner: 'host', initial: 'light', broadcast: true });
    expect(shop.initial).toEqual({
      session: { user: null, token: null },
      theme: 'light',
      cart: { count: 0, skus: [] },
      counter: 0,
    });
    expect(Object.isFrozen(shop.initial)).toBe(true);
  });

  it('infers slice names and value types, so a wrong one fails to compile', () => {
    const shop = makeShop();
    const host = connect(shop, { app: 'host' });
    expectTypeOf(host.get('theme')).toEqualTypeOf<Theme>();
    expectTypeOf(host.get('cart')).toEqualTypeOf<{ count: number; skus: string[] }>();
    expectTypeOf(host.get('session')).toEqualTypeOf<{ user: string | null; token: string | null }>();
    expectTypeOf(host.getSnapshot().counter).toEqualTypeOf<number>();
    expectTypeOf<SlicesOf<typeof shop>>().toHaveProperty('theme');
    expectTypeOf<EventsOf<typeof shop>['cart/add']>().toEqualTypeOf<{ sku: string }>();
    expectTypeOf(host).toEqualTypeOf<Handle<SlicesOf<typeof shop>, EventsOf<typeof shop>>>();
    // Type errors only: the calls below are never run.
    const typeOnly = () => {
      // @ts-expect-error not a slice of the contract
      host.get('themes');
      // @ts-expect-error 'blue' is not a Theme
      host.set('theme', 'blue');
      // @ts-expect-error count is a number
      host.set('cart', { count: '1', skus: [] });
      // @ts-expect-error the updater must return the slice's type
      host.set('counter', (n) => `${n}`);
      // @ts-expect-error not a slice
      host.subscribe('nope', () => {});
      host.subscribe('theme', (value, prev) => {
        expectTypeOf(value).toEqualTypeOf<Theme>();
        expectTypeOf(prev).toEqualTypeOf<Theme>();
      });
      host.select(
        (s) => s.cart.count,
        (count) => expectTypeOf(count).toEqualTypeOf<number>(),
      );
      host.on('cart/add', (payload, from) => {
        expectTypeOf(payload).toEqualTypeOf<{ sku: string }>();
        expectTypeOf(from).toEqualTypeOf<string>();
      });
      // @ts-expect-error the payload is required
      host.emit('cart/add');
      host.emit('checkout/started');
    };
    expect(typeOnly).toBeTypeOf('function');
  });

  it('infers value types from a Zod 4 schema, and validates with it (no adapter)', () => {
    const shop = defineContract({
      name: 'zod',
      version: '1.0.0',
      slices: {
        user: {
          owner: 'host',
          initial: null,
          schema: z.object({ id: z.string(), name: z.string().min(1) }).nullable(),
        },
      },
    });
    const host = connect(shop, { app: 'host' });
    expectTypeOf(host.get('user')).toEqualTypeOf<{ id: string; name: string } | null>();
    host.set('user', { id: '1', name: 'Ada' });
    expect(() => host.set('user', { id: '1', name: '' })).toThrow(
      expect.objectContaining({ code: 'CONCORD-304' }),
    );
    expect(host.get('user')).toEqual({ id: '1', name: 'Ada' });
  });

  it('infers value types from a Valibot 1 schema, and validates with it (no adapter)', () => {
    const shop = defineContract({
      name: 'valibot',
      version: '1.0.0',
      slices: {
        tenant: {
          owner: 'host',
          initial: { id: 't0', seats: 1 },
          schema: v.object({ id: v.string(), seats: v.pipe(v.number(), v.minValue(1)) }),
        },
      },
      events: { 'tenant/switch': event(v.object({ id: v.string() })) },
    });
    const host = connect(shop, { app: 'host' });
    expectTypeOf(host.get('tenant')).toEqualTypeOf<{ id: string; seats: number }>();
    host.set('tenant', { id: 't1', seats: 3 });
    let error: ConcordError | undefined;
    try {
      host.set('tenant', { id: 't2', seats: 0 });
    } catch (e) {
      error = e as ConcordError;
    }
    expect(error?.code).toBe('CONCORD-304');
    expect(error?.message).toContain('valibot');
    expect(host.get('tenant')).toEqual({ id: 't1', seats: 3 });
    expect(() => host.emit('tenant/switch', { id: 2 as unknown as string })).toThrow(
      expect.objectContaining({ code: 'CONCORD-304' }),
    );
  });

  it.each([
    ['a missing name', { version: '1.0.0', slices: {} }, /`name`/],
    ['a version that is not semver', { name: 'x', version: '1.0', slices: {} }, /`version`.*"1\.0"/],
    [
      'a slice without owner',
      { name: 'x', version: '1.0.0', slices: { a: { initial: 1 } } },
      /`slices\.a\.owner`/,
    ],
    [
      'a slice without initial',
      { name: 'x', version: '1.0.0', slices: { a: { owner: 'a' } } },
      /`slices\.a\.initial`/,
    ],
    [
      'a schema that is not a Standard Schema',
      { name: 'x', version: '1.0.0', slices: { a: { owner: 'a', initial: 1, schema: {} } } },
      /`slices\.a\.schema`/,
    ],
    [
      'a slice both broadcast and sensitive',
      {
        name: 'x',
        version: '1.0.0',
        slices: { a: { owner: 'a', initial: 1, broadcast: true, sensitive: true } },
      },
      /`slices\.a\.broadcast`/,
    ],
    [
      'a reserved slice name',
      { name: 'x', version: '1.0.0', slices: JSON.parse('{"__proto__":{"owner":"a","initial":1}}') },
      /`slices\.__proto__`/,
    ],
    [
      'an event not made with event()',
      { name: 'x', version: '1.0.0', slices: {}, events: { e: 1 } },
      /`events\.e`/,
    ],
  ])('rejects %s with CONCORD-310 naming the option', (_, definition, message) => {
    let error: ConcordError | undefined;
    try {
      defineContract(definition as never);
    } catch (e) {
      error = e as ConcordError;
    }
    expect(error?.code).toBe('CONCORD-310');
    expect(error?.message).toMatch(message);
  });

  it('rejects an initial value that fails its schema', () => {
    expect(() =>
      defineContract({
        name: 'x',
        version: '1.0.0',
        slices: { a: { owner: 'a', initial: -1, schema: z.number().nonnegative() } },
      }),
    ).toThrow(expect.objectContaining({ code: 'CONCORD-304' }));
  });
});

describe('describeContract', () => {
  it('describes slices, owners, flags, top-level fields and events as plain JSON', () => {
    const description = describeContract(makeShop('1.2.0'));
    expect(description).toEqual({
      name: 'shop',
      version: '1.2.0',
      slices: {
        session: { owner: 'host', broadcast: false, sensitive: true, fields: ['user', 'token'] },
        theme: { owner: 'host', broadcast: true, sensitive: false, fields: [] },
        cart: { owner: 'cart', broadcast: true, sensitive: false, fields: ['count', 'skus'] },
        counter: { owner: 'cart', broadcast: false, sensitive: false, fields: [] },
      },
      events: ['cart/add', 'checkout/started', 'user/signed-in'],
    });
    expect(JSON.parse(JSON.stringify(description))).toEqual(description);
  });

  it('lists no fields for arrays, null or class instances', () => {
    const description = describeContract(
      defineContract({
        name: 'x',
        version: '1.0.0',
        slices: {
          list: { owner: 'a', initial: [1, 2] },
          none: { owner: 'a', initial: null },
          date: { owner: 'a', initial: new Date(0) },
          bare: { owner: 'a', initial: Object.assign(Object.create(null), { k: 1 }) },
        },
      }),
    );
    expect(Object.values(description.slices).map((s) => s.fields)).toEqual([[], [], [], ['k']]);
  });
});
