import { contract } from '@acme/contract';
import { connect } from '@concord/shared-state';
import { createRoot } from 'react-dom/client';
import { Cart } from './cart';
import { useLines } from './lines-store';

/** Mounts the cart into `element`; returns the unmount function. */
export function mount(element: HTMLElement): () => void {
  const shared = connect(contract, { app: 'cart' });
  // The cart owns the count: it applies `cart/add` intents, whoever emits them.
  shared.on('cart/add', ({ sku, name, qty }) => {
    useLines.getState().add({ sku, name, qty });
    shared.set('cart', (cart) => ({ count: cart.count + qty }));
  });
  const root = createRoot(element);
  root.render(<Cart shared={shared} />);
  return () => {
    // Deferred: the host unmounts slots from its own React commit, where a synchronous unmount warns.
    queueMicrotask(() => {
      root.unmount();
      shared.dispose();
    });
  };
}
