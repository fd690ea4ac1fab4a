// Fixed loopback ports of the playground under `vite dev` (dev-serve.mjs), read by the e2e config and
// specs too. Per page a base port, the apps at the offsets of ./scenarios.mjs (host +0, cart +1,
// catalog +2, account +3): the healthy page from 4300, the page where cart binds its own react from 4310.
// The production scenarios use 4100–4209, the dev pair 4400–4413.

/** The dev pages: `healthy`, and `own-react` (cart's optimizer binds a react of its own). */
export const DEV_PAGES = /** @type {const} */ (['healthy', 'own-react']);

const BASE = { healthy: 4300, 'own-react': 4310 };

/** The base port of a dev page (the host's port). */
export function devPortBase(page) {
  return BASE[page];
}

/** The host page of a dev page, e.g. `http://127.0.0.1:4300/`. */
export function devHostUrl(page) {
  return `http://127.0.0.1:${BASE[page]}/`;
}
