// The badge: the only part of the panel that loads with the page. A button in a shadow root in a corner;
// the panel's code (views, styles) is imported on first open.
import type { Timelines, WatchedBus } from './buses';
import { attachBuses, notePeaks } from './buses';
import type { ResolvedOverlayOptions } from './options';
import { type Summary, summarize } from './page';

/** The lazily loaded panel, as the badge drives it. */
export interface Panel {
  readonly open: boolean;
  show(focus: boolean): void;
  hide(): void;
  /** Re-renders what changed. */
  update(): void;
}

/** The page-wide state of the overlay (one per page, whichever container's copy started it). */
export interface Overlay {
  options: ResolvedOverlayOptions;
  root: ShadowRoot;
  badge: HTMLButtonElement;
  buses: Map<string, WatchedBus>;
  /** Each bus's timeline of writes and rejected writes (shared with the recorder of rejections). */
  timelines: Timelines;
  summary: Summary;
  /** What the badge shows, as text: it is re-rendered only when this changes. */
  shown: string;
  /** Error findings already announced (a new one opens the panel when `openOnError`). */
  seen: Set<string>;
  panel?: Panel;
  /** Schedules one refresh of the badge and the open panel. */
  touch(): void;
  /** Opens the panel, loading its code on first use; `focus` moves the focus into it. */
  open(focus?: boolean): Promise<void>;
  close(): void;
}

const CSS = `:host{all:initial}
.b{position:fixed;z-index:2147483646;display:flex;gap:6px;align-items:center;margin:0;padding:6px 10px;border:1px solid #4b5563;border-radius:999px;background:#111827;color:#f9fafb;font:600 12px/16px system-ui,-apple-system,"Segoe UI",sans-serif;box-shadow:0 2px 10px rgba(0,0,0,.3);cursor:pointer}
.b:focus-visible{outline:3px solid #93c5fd;outline-offset:2px}
.bottom-right{bottom:12px;right:12px}.bottom-left{bottom:12px;left:12px}.top-right{top:12px;right:12px}.top-left{top:12px;left:12px}
.c{padding:1px 7px;border-radius:999px}.e{background:#fecaca;color:#7f1d1d}.w{background:#fde68a;color:#713f12}.s{background:#ddd6fe;color:#3b0764}.k{background:#bbf7d0;color:#14532d}`;

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** One chip of the badge: its class, text and test id. */
type Chip = [cls: string, text: string, id: string];

function chip([cls, text, id]: Chip): HTMLSpanElement {
  const span = document.createElement('span');
  span.className = `c ${cls}`;
  span.dataset.testid = id;
  span.textContent = text;
  return span;
}

/**
 * Renders the badge's counts, only when they changed: the page is read every 1.5 s and after every write, and
 * a badge whose content is replaced between a pointer's press and release loses the click (the pressed node
 * is gone), which an end-to-end run under load caught as a panel that did not open.
 */
export function renderBadge(o: Overlay): void {
  const { apps, errors, warnings, split } = o.summary;
  const chips: Chip[] = [['', plural(apps.length, 'app'), 'concord-badge-apps']];
  if (errors) chips.push(['e', plural(errors, 'error'), 'concord-badge-errors']);
  if (warnings) chips.push(['w', plural(warnings, 'warning'), 'concord-badge-warnings']);
  if (split.length)
    chips.push(['s', `${plural(split.length, 'package')} in 2+ copies`, 'concord-badge-split']);
  if (!errors && !warnings && !split.length) chips.push(['k', 'no findings', 'concord-badge-ok']);
  const shown = chips.map((c) => c[1]).join('\n');
  if (shown === o.shown) return;
  o.shown = shown;
  const title = document.createElement('span');
  title.textContent = 'Concord';
  o.badge.replaceChildren(title, ...chips.map(chip));
}

/** Re-reads the page; opens the panel when a new error finding appeared and the options say so. */
export function refresh(o: Overlay): void {
  attachBuses(o.buses, o.timelines, o.touch);
  notePeaks(o.buses);
  o.summary = summarize();
  renderBadge(o);
  // Tells tests and tools that the counts are a read of the page, not the placeholder.
  o.badge.dataset.ready = 'true';
  const fresh = o.summary.errorKeys.filter((k) => !o.seen.has(k));
  for (const k of fresh) o.seen.add(k);
  if (fresh.length && o.options.openOnError && !o.panel?.open) void o.open(false);
  if (o.panel?.open) o.panel.update();
}

/** Creates the badge in its own shadow root at the end of `<body>`. */
export function createBadge(options: ResolvedOverlayOptions, timelines: Timelines): Overlay {
  const host = document.createElement('div');
  host.id = 'concord-overlay';
  // Open: end-to-end tests and axe read the panel through it.
  const root = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = CSS;
  const badge = document.createElement('button');
  badge.type = 'button';
  badge.className = `b ${options.position}`;
  badge.dataset.testid = 'concord-badge';
  badge.setAttribute('aria-haspopup', 'dialog');
  badge.setAttribute('aria-expanded', 'false');
  root.append(style, badge);
  document.body.append(host);

  let timer: ReturnType<typeof setTimeout> | undefined;
  let loading: Promise<void> | undefined;
  const o: Overlay = {
    options,
    root,
    badge,
    buses: new Map(),
    timelines,
    summary: { apps: [], errors: 0, warnings: 0, split: [], errorKeys: [] },
    shown: '',
    seen: new Set(),
    touch: () => {
      if (timer === undefined)
        timer = setTimeout(() => {
          timer = undefined;
          refresh(o);
        }, 50);
    },
    async open(focus = true) {
      loading ??= import('./panel').then(({ createPanel }) => {
        o.panel = createPanel(o);
      });
      await loading;
      o.panel!.show(focus);
    },
    close: () => o.panel?.hide(),
  };
  badge.addEventListener('click', () => (o.panel?.open ? o.close() : void o.open(true)));
  renderBadge(o);
  return o;
}
