// Shared state: per contract bus — each slice with its owner, current value (a `sensitive` slice shows
// only whether it is set), version, writes and last writer; listeners per app; the latest writes. From the
// bus's own `inspect()` and `getSnapshot()`, the panel's `onTrace` timeline with the rejected writes and
// their codes (rejections.ts; never a value), and the contract for owners.
import type { Overlay } from '../badge';
import { PANEL_APP, type WatchedBus } from '../buses';
import { contractSlices, type SliceInfo } from '../contracts';
import { h } from '../h';

// biome-ignore lint/suspicious/noExplicitAny: values of any slice
type Any = any;

const isSet = (v: Any) =>
  v != null && (typeof v !== 'object' || Object.values(v).some((x) => x != null && x !== ''));

function show(v: Any): string {
  let s: string;
  try {
    s = JSON.stringify(v) ?? String(v);
  } catch {
    s = String(v);
  }
  return s.length > 120 ? `${s.slice(0, 119)}…` : s;
}

const time = (at: number) => new Date(at).toISOString().slice(11, 23);

function value(info: SliceInfo | undefined, v: Any): Node {
  // Without the contract the panel cannot know which slices are sensitive: it shows none.
  if (!info) return h('span', { class: 'secret' }, 'hidden (contract not found on the page)');
  if (info.sensitive)
    return h(
      'span',
      { class: 'secret', 'data-sensitive': 'true' },
      `sensitive: ${isSet(v) ? 'set' : 'not set'}`,
    );
  return h('code', null, show(v));
}

function bus(b: WatchedBus): { key: string; node: Node } {
  const ins = b.handle.inspect();
  const snapshot = b.handle.getSnapshot();
  const slices = contractSlices(b.name);
  const listeners: Record<string, number> = { ...ins.listeners };
  delete listeners[PANEL_APP];
  const peak = b.peaks;
  for (const app in listeners) peak[app] = Math.max(peak[app] ?? 0, listeners[app]!);
  const last: Record<string, string> = {};
  for (const w of b.writes) if (!('code' in w)) last[w.slice] = w.app;
  const names = Object.keys(snapshot);
  const key = JSON.stringify([
    ins,
    names.map((n) => [n, slices?.[n]?.sensitive ? isSet(snapshot[n]) : snapshot[n]]),
    peak,
    b.writes.length,
    b.writes.at(-1),
  ]);
  const node = h(
    'section',
    { 'data-testid': 'concord-bus', 'data-contract': b.name },
    h(
      'h3',
      { class: 'bus' },
      `Contract "${b.name}" ${ins.contract.version}`,
      h(
        'span',
        { class: 'muted' },
        ` · versions connected: ${ins.contracts.join(', ')} · @concord/shared-state copies: ${ins.copies.map((c: Any) => c.version).join(', ')}`,
      ),
    ),
    h(
      'table',
      { 'data-testid': 'concord-slices' },
      h('caption', { class: 'muted' }, 'Slices'),
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          ['Slice', 'Owner', 'Value', 'Version', 'Writes', 'Last writer'].map((t) =>
            h('th', { scope: 'col' }, t),
          ),
        ),
      ),
      h(
        'tbody',
        null,
        names.map((n) =>
          h(
            'tr',
            { 'data-slice': n },
            h('th', { scope: 'row' }, n),
            h('td', null, slices?.[n]?.owner ?? '?'),
            h('td', null, value(slices?.[n], snapshot[n])),
            h('td', { 'data-testid': 'concord-slice-version' }, ins.versions[n] ?? 0),
            h('td', null, ins.writes[n] ?? 0),
            h(
              'td',
              null,
              last[n] ??
                ((b.before[n] ?? 0) > 0
                  ? h('span', { class: 'muted' }, 'before the panel attached')
                  : h('span', { class: 'muted' }, 'none')),
            ),
          ),
        ),
      ),
    ),
    h(
      'table',
      { 'data-testid': 'concord-listeners' },
      h(
        'caption',
        { class: 'muted' },
        'Listeners and handlers per app (an app that unmounted should show 0)',
      ),
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          ['App', 'Now', 'Peak'].map((t) => h('th', { scope: 'col' }, t)),
        ),
      ),
      h(
        'tbody',
        null,
        Object.keys(peak)
          .sort()
          .map((app) =>
            h(
              'tr',
              { 'data-app': app, 'data-listeners': listeners[app] ?? 0 },
              h('th', { scope: 'row' }, app),
              h('td', null, listeners[app] ?? 0),
              h('td', null, peak[app]),
            ),
          ),
      ),
    ),
    h('h4', null, 'Latest writes and rejected writes (newest first)'),
    b.writes.length
      ? h(
          'ol',
          { 'data-testid': 'concord-timeline' },
          [...b.writes]
            .reverse()
            .map((w) =>
              h(
                'li',
                { 'data-slice': w.slice, 'data-app': w.app, 'data-code': 'code' in w ? w.code : undefined },
                h('code', null, time(w.at)),
                ` ${w.app} → ${w.slice} `,
                'code' in w
                  ? h('span', { class: 'rej' }, 'rejected ', h('code', null, w.code))
                  : `v${w.version}${w.changed ? '' : ' (unchanged)'}`,
              ),
            ),
        )
      : h('p', { class: 'muted' }, 'No write since the panel attached.'),
  );
  return { key, node };
}

export function sharedStateView(o: Overlay): { key: string; node: Node } {
  const parts = [...o.buses.values()].map(bus);
  if (!parts.length)
    return {
      key: '',
      node: h('p', { class: 'empty' }, 'No shared-state contract connected on this page yet.'),
    };
  return {
    key: parts.map((p) => p.key).join('\n'),
    node: h(
      'div',
      null,
      parts.map((p) => p.node),
    ),
  };
}
