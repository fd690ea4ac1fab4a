// The panel (loaded on first open): a non-modal dialog beside the badge with three live views. Keyboard:
// the tabs follow the ARIA tabs pattern (arrows, Home, End); Escape closes the panel and the focus goes
// back where it was before the panel took it.
import type { Overlay, Panel } from './badge';
import { h } from './h';
import { PANEL_CSS } from './styles';
import { findingsView } from './views/findings';
import { shareMapView } from './views/share-map';
import { sharedStateView } from './views/shared-state';

/** One view: a title and a render function returning its content and a key of what it shows. */
interface View {
  id: string;
  title: string;
  render(o: Overlay): { key: string; node: Node };
}

const VIEWS: View[] = [
  { id: 'findings', title: 'Findings', render: findingsView },
  { id: 'share-map', title: 'Share map', render: shareMapView },
  { id: 'shared-state', title: 'Shared state', render: sharedStateView },
];

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

export function createPanel(o: Overlay): Panel {
  const style = h('style', null, PANEL_CSS);
  const summary = h('p', { class: 'sum', 'aria-live': 'polite' });
  const close = h('button', { type: 'button', class: 'x', 'data-testid': 'concord-close' }, 'Close');
  close.setAttribute('aria-label', 'Close the Concord panel');
  const tabs = VIEWS.map((v, i) =>
    h(
      'button',
      {
        type: 'button',
        role: 'tab',
        id: `concord-tab-${v.id}`,
        'aria-controls': 'concord-view',
        'aria-selected': i === 0 ? 'true' : 'false',
        tabindex: i === 0 ? 0 : -1,
        'data-testid': `concord-tab-${v.id}`,
      },
      v.title,
    ),
  );
  const tablist = h('div', { role: 'tablist', 'aria-label': 'Concord views' }, tabs);
  const view = h('div', {
    id: 'concord-view',
    class: 'v',
    role: 'tabpanel',
    tabindex: 0,
    'aria-labelledby': 'concord-tab-findings',
    'data-testid': 'concord-view',
  });
  const dialog = h(
    'section',
    {
      class: `p ${o.options.position}`,
      id: 'concord-panel',
      role: 'dialog',
      'aria-labelledby': 'concord-title',
      'data-testid': 'concord-panel',
      hidden: true,
    },
    // A div, not <header>: axe counts a header there as the page's second banner landmark.
    h('div', { class: 'hd' }, h('h2', { id: 'concord-title' }, 'Concord'), summary, close),
    tablist,
    view,
  );
  o.root.append(style, dialog);
  o.badge.setAttribute('aria-controls', 'concord-panel');

  let current = 0;
  let shown = '';
  let back: Element | null = null;
  const render = (force = false) => {
    const { apps, errors, warnings, split } = o.summary;
    summary.textContent = [
      plural(apps.length, 'app'),
      plural(errors, 'error'),
      plural(warnings, 'warning'),
      `${plural(split.length, 'package')} in 2+ copies`,
    ].join(' · ');
    const { key, node } = VIEWS[current]!.render(o);
    // Re-rendering only what changed keeps the reader's scroll position and focus.
    if (!force && key === shown) return;
    shown = key;
    const top = view.scrollTop;
    view.replaceChildren(node);
    view.scrollTop = force ? 0 : top;
  };
  const select = (i: number, focus: boolean) => {
    current = (i + VIEWS.length) % VIEWS.length;
    tabs.forEach((t, j) => {
      t.setAttribute('aria-selected', j === current ? 'true' : 'false');
      t.tabIndex = j === current ? 0 : -1;
    });
    view.setAttribute('aria-labelledby', tabs[current]!.id);
    if (focus) tabs[current]!.focus();
    render(true);
  };
  tabs.forEach((t, i) => {
    t.addEventListener('click', () => select(i, true));
  });
  tablist.addEventListener('keydown', (e) => {
    const to = { ArrowRight: current + 1, ArrowLeft: current - 1, Home: 0, End: VIEWS.length - 1 }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    select(to, true);
  });
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && panel.open) {
      e.preventDefault();
      panel.hide();
    }
  };
  close.addEventListener('click', () => panel.hide());

  const panel: Panel = {
    open: false,
    show(focus) {
      if (!panel.open) {
        (panel as { open: boolean }).open = true;
        dialog.hidden = false;
        o.badge.setAttribute('aria-expanded', 'true');
        document.addEventListener('keydown', onKey);
        render(true);
      }
      if (focus) {
        // The badge's shadow root hides the focused element from `document.activeElement`.
        back = document.activeElement === o.root.host ? o.badge : document.activeElement;
        tabs[current]!.focus();
      }
    },
    hide() {
      if (!panel.open) return;
      (panel as { open: boolean }).open = false;
      const inside = o.root.activeElement !== null && o.root.activeElement !== o.badge;
      dialog.hidden = true;
      o.badge.setAttribute('aria-expanded', 'false');
      document.removeEventListener('keydown', onKey);
      // Focus returns only when the panel had it (an auto-opened panel never took it).
      if (inside) ((back as HTMLElement | null)?.focus ? (back as HTMLElement) : o.badge).focus();
      back = null;
    },
    update: () => render(),
  };
  return panel;
}
