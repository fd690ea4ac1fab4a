// The remote's counter reads a tiny store through use-sync-external-store's shim: a CommonJS module that
// does `require('react')`, so in `vite dev` the remote's dependency optimizer pre-bundles it and decides
// which react that require gets: the shared one, or a copy of its own (the development-only duplicate).
import { createElement as h } from 'react';
import { useSyncExternalStore } from 'use-sync-external-store/shim';

let count = 0;
const listeners = new Set();
const store = {
  subscribe(listener) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  get: () => count,
  add() {
    count += 1;
    for (const listener of listeners) listener();
  },
};

export function Counter() {
  const value = useSyncExternalStore(store.subscribe, store.get);
  return h(
    'button',
    { type: 'button', 'data-testid': 'remote-counter', onClick: store.add },
    `remote count ${value}`,
  );
}
