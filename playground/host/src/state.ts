import { contract } from '@acme/contract';
import { connect } from '@concord/shared-state';
import { broadcast } from '@concord/shared-state/broadcast';

/** The host's handle on the page-wide bus: the host owns `session` and `theme`. */
export const shared = connect(contract, { app: 'host' });

// Theme and cart count follow the user across tabs; the session is `sensitive` and never leaves the page.
broadcast(shared);

// A debugging handle for the devtools console and the e2e specs (inspect(), the session's token).
Object.assign(globalThis, { __ACME__: { host: shared } });
