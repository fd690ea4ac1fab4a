// The shared-state buses of the page, through @concord/shared-state's public registry protocol
// (`globalThis[Symbol.for('concord.shared-state')].buses[name].connect`): the panel connects to each bus
// as an app of its own that declares no slice and adds no listener, only an `onTrace` hook, so it
// records who wrote what from the moment it attached. It keeps no value: a `sensitive` slice's value
// never reaches the panel's memory through the timeline.

// biome-ignore lint/suspicious/noExplicitAny: boundary with a foreign library copy of any version
type Any = any;

/** The app name the panel connects as (it owns no slice and never writes). */
export const PANEL_APP = 'concord-panel';
/** How many writes the timeline keeps per bus. */
export const TIMELINE = 50;

/** One write in the timeline. */
export interface WriteRecord {
  /** `Date.now()` when the bus traced it. */
  at: number;
  app: string;
  slice: string;
  /** The slice's version after the write. */
  version: number;
  changed: boolean;
  /** The code of a rejected write, when the bus reports rejected writes to `onTrace`. */
  code?: string;
}

/** A bus the panel is attached to. */
export interface WatchedBus {
  name: string;
  version: string;
  /** The panel's own handle: `getSnapshot()`, `version(slice)`, `inspect()`. */
  handle: Any;
  /** The latest writes, oldest first. */
  writes: WriteRecord[];
  /** Accepted writes per slice when the panel attached (written before it could trace them). */
  before: Record<string, number>;
  /** The most listeners each app had at a read of the page (an app that disposed shows 0 now). */
  peaks: Record<string, number>;
}

/** Notes each app's listener count on every watched bus (one `inspect()` per bus). */
export function notePeaks(watched: Map<string, WatchedBus>): void {
  for (const b of watched.values())
    try {
      const { listeners } = b.handle.inspect();
      for (const app in listeners)
        if (app !== PANEL_APP) b.peaks[app] = Math.max(b.peaks[app] ?? 0, listeners[app]);
    } catch {
      // A bus that broke: its view says what it can.
    }
}

/** Attaches to every bus not yet watched; returns whether a new one was found. */
export function attachBuses(watched: Map<string, WatchedBus>, onWrite: () => void): boolean {
  const buses = (globalThis as Any)[Symbol.for('concord.shared-state')]?.buses;
  let found = false;
  for (const name in buses) {
    if (watched.has(name)) continue;
    try {
      const link = buses[name];
      const writes: WriteRecord[] = [];
      const onTrace = (t: Any) => {
        writes.push({
          at: Date.now(),
          app: String(t.app),
          slice: String(t.slice),
          version: Number(t.version),
          changed: !!t.changed,
          ...(t.code ? { code: String(t.code) } : {}),
        });
        if (writes.length > TIMELINE) writes.shift();
        onWrite();
      };
      // A contract of the bus's own version that declares nothing: it joins without changing the bus.
      const contract = { name, version: link.version, slices: {}, events: {}, initial: {} };
      const handle = link.connect(contract, { app: PANEL_APP, onTrace });
      watched.set(name, {
        name,
        version: link.version,
        handle,
        writes,
        before: { ...handle.inspect().writes },
        peaks: {},
      });
      found = true;
    } catch {
      // An incompatible copy's bus: the panel shows what it can of the others.
    }
  }
  return found;
}
