// `@concord/runtime-plugin/overlay`: the Concord panel on the page, for development. A Module Federation
// runtime plugin of its own (the build plugins register it next to Concord's in development builds only,
// so a production build carries none of it), or `mountOverlay()` from any page script.
//
// Closed, it costs one small button: the first read of the page waits for the `load` event and an idle
// moment, then a slow timer and the runtime's own hooks keep the counts live. The views load on first open.
import { createBadge, type Overlay, refresh } from './badge';
import { note, type Timelines } from './buses';
import { type OverlayOptions, openOnErrorFromQuery, resolveOverlayOptions } from './options';
import { watchRejections } from './rejections';

export type { OverlayOptions, OverlayPosition, ResolvedOverlayOptions } from './options';
export { OVERLAY_DEFAULTS, resolveOverlayOptions } from './options';

/** How often the counts are re-read while the page is visible (the runtime's hooks also trigger it). */
const PERIOD = 1500;
const KEY = Symbol.for('concord.overlay');

/** The handle `mountOverlay` returns (one per page). */
export interface OverlayHandle {
  /** Opens the panel (loading its code on first use) and moves the focus into it. */
  open(): Promise<void>;
  close(): void;
  /** Re-reads the page now. */
  refresh(): void;
  /** Removes the badge and the panel and stops reading the page (a later `mountOverlay` starts afresh). */
  unmount(): void;
}

/**
 * Shows the Concord badge on this page (once per page, whichever copy calls it first) and returns its handle.
 * Does nothing outside a browser.
 * @example import { mountOverlay } from '@concord/runtime-plugin/overlay'; mountOverlay({ openOnError: false });
 */
export function mountOverlay(options?: OverlayOptions): OverlayHandle | undefined {
  if (typeof document === 'undefined') return;
  const g = globalThis as unknown as Record<symbol, OverlayHandle | undefined>;
  if (g[KEY]) return g[KEY];
  let o: Overlay | undefined;
  let started = false;
  let interval: ReturnType<typeof setInterval> | undefined;
  const waiting: (() => void)[] = [];
  const timelines: Timelines = new Map();
  // From now on, before any app connects: the page's rejected writes, into each bus's timeline.
  const stopRejections = watchRejections((bus, rejection) => {
    note(timelines, bus, rejection);
    if (started) o?.touch();
  });
  const handle: OverlayHandle = {
    open: () =>
      new Promise<void>((resolve) => {
        const go = () => void o!.open(true).then(resolve);
        if (started) go();
        else waiting.push(go);
      }),
    close: () => o?.close(),
    // Before the first read (page still loading) there is nothing to refresh: that read comes anyway.
    refresh: () => {
      if (started) refresh(o!);
    },
    unmount() {
      clearInterval(interval);
      stopRejections();
      o?.close();
      o?.root.host.remove();
      started = false;
      o = undefined;
      if (g[KEY] === handle) g[KEY] = undefined;
    },
  };
  g[KEY] = handle;
  const resolved = resolveOverlayOptions(options);
  const asked = openOnErrorFromQuery(globalThis.location?.search ?? '');
  if (asked !== undefined) resolved.openOnError = asked;
  const mount = () => {
    if (g[KEY] !== handle) return;
    o = createBadge(resolved, timelines);
    const start = () => {
      if (!o) return;
      started = true;
      refresh(o!);
      interval = setInterval(() => document.visibilityState !== 'hidden' && o?.touch(), PERIOD);
      for (const fn of waiting.splice(0)) fn();
    };
    // The first read waits for the page to settle: nothing of the panel runs during page load.
    const idle = () =>
      typeof requestIdleCallback === 'function'
        ? requestIdleCallback(start, { timeout: 500 })
        : setTimeout(start, 0);
    if (document.readyState === 'complete') idle();
    else addEventListener('load', idle, { once: true });
  };
  if (document.body) mount();
  else addEventListener('DOMContentLoaded', mount, { once: true });
  return handle;
}

/** The runtime plugin `@concord/runtime-plugin/overlay` returns: it only tells the panel that something changed. */
export interface ConcordOverlayPlugin {
  name: 'concord-overlay';
  init(): void;
  initContainer(): void;
  afterLoadShare(): void;
  onLoad(): void;
}

/**
 * The panel as a Module Federation runtime plugin: mounts the badge once per page and re-reads the page
 * after each container init, share load and remote module load.
 * @example runtimePlugins: [['@concord/runtime-plugin/overlay', { openOnError: true }]]
 */
export default function concordOverlay(options?: OverlayOptions): ConcordOverlayPlugin {
  const handle = mountOverlay(options);
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Hooks run in the middle of the runtime's work: they only schedule one refresh for the batch.
  const changed = () => {
    if (handle && !timer)
      timer = setTimeout(() => {
        timer = undefined;
        handle.refresh();
      }, 50);
  };
  return {
    name: 'concord-overlay',
    init: changed,
    initContainer: changed,
    afterLoadShare: changed,
    onLoad: changed,
  };
}
