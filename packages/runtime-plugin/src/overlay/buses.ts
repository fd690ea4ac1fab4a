// The shared-state buses of the page, through @concord/shared-state's public registry protocol
// (`globalThis[Symbol.for('concord.shared-state')].buses[name].connect`): the panel connects to each bus
// as an app of its own that declares no slice and adds no listener, only an `onTrace` hook, so it
// records who wrote what from the moment it attached; rejected writes join the same timeline from
// rejections.ts. It keeps no value: a `sensitive` slice's value never reaches the panel's memory through
// the timeline.
import type { Rejection } from './rejections';

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
}

/** One entry of a bus's timeline: an accepted write, or a rejected one with its code. */
export type TimelineEntry = WriteRecord | Rejection;

/** The timeline of each bus by name, oldest first: rejections may come before the panel attached. */
export type Timelines = Map<string, TimelineEntry[]>;

/** Appends to a bus's timeline, keeping the latest `TIMELINE` entries. */
export function note(timelines: Timelines, bus: string, entry: TimelineEntry): void {
  const list = timelines.get(bus) ?? [];
  timelines.set(bus, list);
  list.push(entry);
  if (list.length > TIMELINE) list.shift();
}

/** A bus the panel is attached to. */
export interface WatchedBus {
  name: string;
  version: string;
  /** The panel's own handle: `getSnapshot()`, `version(slice)`, `inspect()`. */
  handle: Any;
  /** The latest writes and rejected writes, oldest first. */
  writes: TimelineEntry[];
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
export function attachBuses(
  watched: Map<string, WatchedBus>,
  timelines: Timelines,
  onWrite: () => void,
): boolean {
  const buses = (globalThis as Any)[Symbol.for('concord.shared-state')]?.buses;
  let found = false;
  for (const name in buses) {
    if (watched.has(name)) continue;
    try {
      const link = buses[name];
      const onTrace = (t: Any) => {
        note(timelines, name, {
          at: Date.now(),
          app: String(t.app),
          slice: String(t.slice),
          version: Number(t.version),
          changed: !!t.changed,
        });
        onWrite();
      };
      // A contract of the bus's own version that declares nothing: it joins without changing the bus.
      const contract = { name, version: link.version, slices: {}, events: {}, initial: {} };
      const handle = link.connect(contract, { app: PANEL_APP, onTrace });
      if (!timelines.has(name)) timelines.set(name, []);
      watched.set(name, {
        name,
        version: link.version,
        handle,
        writes: timelines.get(name)!,
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
