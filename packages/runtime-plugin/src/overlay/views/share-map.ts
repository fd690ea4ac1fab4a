// Share map: packages × apps. Each cell says what the app offers, which copy it runs and from whom, and its
// live and dormant copies; a duplicate, an unsatisfied range or a private copy is marked in the cell.
import type { Overlay } from '../badge';
import { h } from '../h';
import { type Cell, shareMap } from '../share-map';

const MARKS: Record<string, string> = {
  duplicate: 'duplicate',
  unsatisfied: 'out of range',
  private: 'private copy',
};

function cell(pkg: string, c: Cell): HTMLTableCellElement {
  const { offered, runs, live, dormant, marks } = c;
  return h(
    'td',
    {
      class: ['cell', ...marks.map((m) => (m === 'duplicate' ? 'dup' : m))].join(' '),
      'data-testid': 'concord-cell',
      'data-package': pkg,
      'data-app': c.app,
      'data-marks': marks.join(' '),
      'data-live': live.join(' '),
    },
    offered
      ? h(
          'div',
          null,
          `offers ${offered.version ?? '?'}`,
          h(
            'span',
            { class: 'muted' },
            ` ${offered.singleton ? 'singleton' : 'multi'}${offered.requiredVersion ? ` ${offered.requiredVersion}` : ''}`,
          ),
        )
      : h('div', { class: 'muted' }, 'not shared'),
    runs && h('div', null, `runs ${runs.version} ← ${runs.from}`),
    live.length > 0 && h('div', { class: 'live' }, `live: ${live.join(', ')}`),
    dormant.length > 0 && h('div', { class: 'muted' }, `dormant: ${dormant.join(', ')}`),
    marks.map((m) => h('span', { class: `mark ${m}` }, MARKS[m])),
  );
}

export function shareMapView(_: Overlay): { key: string; node: Node } {
  const map = shareMap();
  const key = JSON.stringify(map);
  if (!map.rows.length)
    return { key, node: h('p', { class: 'empty' }, 'No shared package on the page yet.') };
  return {
    key,
    node: h(
      'div',
      null,
      h(
        'p',
        { class: 'legend' },
        'offers: the version, singleton or not, and range an app declares · runs X ← app: the copy it really uses and who provided it · live: its own copies in use · dormant: evaluated but unused',
      ),
      h(
        'table',
        { 'data-testid': 'concord-share-map' },
        h('caption', { class: 'muted' }, 'Shared packages by app'),
        h(
          'thead',
          null,
          h(
            'tr',
            null,
            h('th', { scope: 'col' }, 'Package'),
            map.apps.map((a) => h('th', { scope: 'col' }, a)),
          ),
        ),
        h(
          'tbody',
          null,
          map.rows.map((r) =>
            h(
              'tr',
              { 'data-package': r.package },
              h('th', { scope: 'row' }, r.package),
              r.cells.map((c) => cell(r.package, c)),
            ),
          ),
        ),
      ),
    ),
  };
}
