// The instance beacon, dependency-free: one registration per evaluated copy of a watched package.
// It works before any runtime plugin exists (the records wait in a global array created on first use);
// a plugin that arrives later reads them, and one already on the page sees each push as it happens.
import type { BeaconInfo } from './types';

/**
 * Registers this evaluated copy of a package.
 * @param probe optional: returns a value unique to this copy (e.g. the module namespace). Two
 * registrations whose probes return the same object are one copy.
 * @example registerInstance({ package: '@acme/store', version: '1.2.0', app: 'cart', bundler: 'vite' });
 */
export function registerInstance(info: BeaconInfo, probe?: () => unknown): void {
  const g = globalThis as unknown as Record<symbol, unknown[]>;
  const k = Symbol.for('concord.beacons');
  let a = g[k];
  try {
    if (!Array.isArray(a)) a = g[k] = [];
    // A frozen array (or one that cannot grow): this copy goes unregistered rather than fail to load.
    if (!Object.isExtensible(a)) return;
  } catch {
    return;
  }
  a.push({ ...info, probe });
}
