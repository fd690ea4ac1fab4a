// Fixed loopback ports of the playground under `vite dev` (dev-serve.mjs), read by the e2e config and
// specs too. Per page a base port, the apps at the offsets of ./scenarios.mjs (host +0, cart +1,
// catalog +2, account +3), from 4500. The production scenarios use 4100 on, 10 apart (4100–4283 for the
// 19 of today; a 22nd would reach adopter/'s 4310–4313), the dev pair 4400–4413.

/**
 * The dev pages: `healthy` (one copy of every shared library) and `own-react` (cart's optimizer binds a
 * react of its own), each with the host on Vite 8 (as built) and on Vite 7 (the remotes stay on Vite 8).
 */
export const DEV_PAGES = Object.freeze([
  { name: 'healthy', ownReact: false, hostVite: 8, base: 4500 },
  { name: 'own-react', ownReact: true, hostVite: 8, base: 4510 },
  { name: 'healthy-host-vite7', ownReact: false, hostVite: 7, base: 4520 },
  { name: 'own-react-host-vite7', ownReact: true, hostVite: 7, base: 4530 },
]);

/** The dev page served with these choices (dev-serve.mjs reads them from its environment). */
export function devPage(ownReact, hostVite) {
  const page = DEV_PAGES.find((p) => p.ownReact === ownReact && p.hostVite === hostVite);
  if (!page) throw new Error(`No dev page with ownReact=${ownReact} and the host on Vite ${hostVite}.`);
  return page;
}

/** The host page of a dev page, e.g. `http://127.0.0.1:4500/`. */
export function devHostUrl(ownReact, hostVite) {
  return `http://127.0.0.1:${devPage(ownReact, hostVite).base}/`;
}
