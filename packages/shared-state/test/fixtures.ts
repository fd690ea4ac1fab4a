// A small shop contract used across the tests, and a reset of the page-wide registry between tests.
import { type ConcordError, defineContract, event } from '@concord/shared-state';
import { z } from 'zod';

export const REGISTRY = Symbol.for('concord.shared-state');

/** Forgets every bus on the "page", as a fresh page load would. */
export const resetPage = () => {
  delete (globalThis as Record<symbol, unknown>)[REGISTRY];
};

export type Theme = 'light' | 'dark';

export const makeShop = (version = '1.0.0', name = 'shop') =>
  defineContract({
    name,
    version,
    slices: {
      session: {
        owner: 'host',
        initial: { user: null as string | null, token: null as string | null },
        sensitive: true,
      },
      theme: { owner: 'host', initial: 'light' as Theme, broadcast: true },
      cart: {
        owner: 'cart',
        initial: { count: 0, skus: [] as string[] },
        schema: z.object({ count: z.number().int().nonnegative(), skus: z.array(z.string()) }),
        broadcast: true,
      },
      counter: { owner: 'cart', initial: 0 },
    },
    events: {
      'cart/add': event<{ sku: string }>(),
      'checkout/started': event(),
      'user/signed-in': event(z.object({ id: z.string() })),
    },
  });

export type Shop = ReturnType<typeof makeShop>;

/** Collects what an `onError` option receives. */
export const errors = () => {
  const seen: ConcordError[] = [];
  return Object.assign((error: ConcordError) => void seen.push(error), { seen });
};
