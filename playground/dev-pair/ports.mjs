// Fixed loopback ports of the dev pair (serve.mjs), read by the e2e config and specs too: Vite 7 from
// 4400, Vite 8 from 4410; per pair a host and its remote.

/** The pairs: `healthy` (one React on the page) and `own-react` (the remote binds a React of its own). */
export const PAIRS = /** @type {const} */ (['healthy', 'own-react']);

const BASE = { 7: 4400, 8: 4410 };
const OFFSET = {
  healthy: { host: 0, remote: 1 },
  'own-react': { host: 2, remote: 3 },
};

/** Loopback origin of one dev server, e.g. `http://127.0.0.1:4402` for Vite 7's own-react host. */
export function devOrigin(major, pair, app) {
  return `http://127.0.0.1:${BASE[major] + OFFSET[pair][app]}`;
}

/** The page of a pair, served by its host: the host's index.html (every server's root is this package). */
export const HOST_PAGE = '/host/index.html';
