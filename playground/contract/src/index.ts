// The Acme shop's shared-state contract: the thin slice of state every app agrees on.
// The host owns the session (sensitive: never leaves the page) and the theme; the cart owns its count.
// Other apps change the count only through the `cart/add` intent, which the cart applies.
import { defineContract, type EventsOf, event, type Handle, type SlicesOf } from '@concord/shared-state';

export type Theme = 'light' | 'dark';

export interface User {
  id: string;
  name: string;
}

export interface Session {
  user: User | null;
  token: string | null;
}

export interface CartSummary {
  count: number;
}

export interface CartAdd {
  sku: string;
  name: string;
  qty: number;
}

export const contract = defineContract({
  name: 'acme',
  version: '1.2.0',
  slices: {
    session: { owner: 'host', initial: { user: null, token: null } as Session, sensitive: true },
    theme: { owner: 'host', initial: 'light' as Theme, broadcast: true },
    cart: { owner: 'cart', initial: { count: 0 } as CartSummary, broadcast: true },
  },
  events: {
    'cart/add': event<CartAdd>(),
    'checkout/started': event<{ count: number }>(),
  },
});

export type AcmeContract = typeof contract;
/** An app's handle on the Acme bus, as `connect(contract, { app })` returns it. */
export type AcmeHandle = Handle<SlicesOf<AcmeContract>, EventsOf<AcmeContract>>;
