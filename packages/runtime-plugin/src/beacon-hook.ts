// Beacons pushed while a plugin is on the page: each push flags the batched scan, and in `throw` mode the
// copy that makes a second one fails its own evaluation.
import { BEACONS, type Beacon, ownerOf } from './copies';
import { ConcordError } from './error';
import { modeFor } from './options';
import { containersOf, page, type Registry, registry } from './registry';
import { failure, fault } from './report';
import { scan, touch } from './scan';

/**
 * A beacon pushed while a plugin is on the page runs inside the library's entry module. In `warn` mode it
 * only flags the batched scan; in `throw` mode the copy that makes a second one fails its own evaluation
 * when the scan blocks its app.
 */
function onBeacon(b: unknown) {
  const r = registry();
  touch(r);
  // Each field read once: the record may be anyone's.
  const { package: pkg, app, version } = (b ?? {}) as Partial<Beacon>;
  const c = typeof pkg === 'string' && typeof app === 'string' && containersOf(r, app)[0];
  if (!c) return;
  // A copy a Vite container evaluates although its module cache already holds the module it will run
  // (@module-federation/vite imports a workspace singleton that another shared singleton depends on
  // eagerly, `usesEagerWorkspaceFallback`, then reads the cache): dormant, not a live copy. Only the
  // declared version's: a copy of another version is a private one, which nothing in the cache replaces.
  const shared = c.instance.options.shared;
  if (c.bundler === 'vite' && Object.hasOwn(shared, pkg))
    (b as Beacon).dormant = shared[pkg]!.some((s) => s.version === version && ownerOf(pkg, s));
  if (modeFor(c.options, pkg) !== 'throw') return;
  scan(r, undefined, true);
  const d = r.blocked.get(c.name);
  if (d?.package === pkg) throw failure(d);
}

/**
 * Routes beacons pushed from now on through `onBeacon` (once per array, whichever copy does it). A frozen
 * array or a read-only key is left as it is (its beacons are still read); nothing here throws.
 */
export function hookBeacons(r: Registry) {
  try {
    const g = page as unknown as Record<symbol, unknown>;
    let list = g[BEACONS] as unknown[];
    if (!Array.isArray(list)) list = g[BEACONS] = [];
    // Frozen or sealed: no copy can register any more, so Concord is blind to new copies; say so once.
    if (!Object.isExtensible(list)) throw new TypeError('the beacon array cannot grow (frozen or sealed)');
    if (list.push === Array.prototype.push)
      list.push = (...items: unknown[]) => {
        const n = Array.prototype.push.apply(list, items);
        for (const b of items)
          try {
            onBeacon(b);
          } catch (e) {
            if (e instanceof ConcordError) throw e;
            fault(registry(), 'beacon', e);
          }
        return n;
      };
  } catch (e) {
    fault(r, 'beacons', e);
  }
}
