import { contract } from '@acme/contract';
import { connect } from '@concord/shared-state';
import { createRoot } from 'react-dom/client';
import { Catalog } from './catalog';

/** Mounts the catalog into `element`; returns the unmount function. */
export function mount(element: HTMLElement): () => void {
  const shared = connect(contract, { app: 'catalog' });
  const root = createRoot(element);
  root.render(<Catalog shared={shared} />);
  return () => {
    // Deferred: the host unmounts slots from its own React commit, where a synchronous unmount warns.
    queueMicrotask(() => {
      root.unmount();
      shared.dispose();
    });
  };
}
