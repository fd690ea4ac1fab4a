import { contract } from '@acme/contract';
import { connect } from '@concord/shared-state';
import { createApp } from 'vue';
import Account from './account.vue';

/** Mounts the account panel into `element`; returns the unmount function. */
export function mount(element: HTMLElement): () => void {
  const shared = connect(contract, { app: 'account' });
  const app = createApp(Account, { shared });
  app.mount(element);
  return () => {
    app.unmount();
    shared.dispose();
  };
}
