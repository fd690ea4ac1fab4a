// Findings: the page's `getDiagnostics()`, one card per finding — code, package, consumer app + bundler +
// range, provider app + version, live copies, the sentence, the fix and the docs link.
import type { AppRef, ConcordDiagnostic } from '../../types';
import type { Overlay } from '../badge';
import { h } from '../h';
import { diagnostics } from '../page';

const ref = (a: AppRef) => `${a.app} (${a.bundler})`;

function card(d: ConcordDiagnostic): HTMLElement {
  const rows: [string, Node | string][] = [];
  if (d.consumer)
    rows.push([
      'Consumer',
      `${ref(d.consumer)}${d.requiredVersion !== undefined ? ` requires ${d.requiredVersion ?? 'no range'}` : ''}`,
    ]);
  if (d.provider)
    rows.push(['Provider', `${ref(d.provider)}${d.versions[0] ? ` gives ${d.versions[0]}` : ''}`]);
  if (d.copies?.length)
    rows.push(['Live copies', d.copies.map((c) => `${c.version} from ${ref(c)}`).join(', ')]);
  if (d.versions.length) rows.push(['Versions', d.versions.join(', ')]);
  if (d.detail) rows.push(['Where', d.detail]);
  rows.push(['Mode', d.mode]);
  // Production builds of the runtime plugin carry the docs link in place of the sentences.
  const sentence = d.message !== d.docs;
  return h(
    'article',
    {
      class: `f ${d.severity}`,
      'data-testid': 'concord-finding',
      'data-code': d.code,
      'data-package': d.package,
      'data-severity': d.severity,
    },
    h(
      'h3',
      null,
      h('span', { class: 'sev' }, d.severity),
      h('code', null, d.code),
      d.package ? h('strong', null, d.package) : h('span', { class: 'muted' }, 'no package'),
    ),
    sentence && h('p', null, d.message),
    sentence && h('p', null, h('strong', null, 'Fix: '), d.fix),
    h(
      'dl',
      null,
      rows.flatMap(([k, v]) => [h('dt', null, k), h('dd', null, v)]),
    ),
    h(
      'p',
      { class: 'muted' },
      'Docs: ',
      /^https?:/.test(d.docs)
        ? h('a', { href: d.docs, target: '_blank', rel: 'noreferrer' }, d.docs)
        : h('code', null, d.docs),
    ),
  );
}

export function findingsView(_: Overlay): { key: string; node: Node } {
  const list = diagnostics();
  const key = JSON.stringify(
    list.map((d) => [d.code, d.package, d.consumer, d.provider, d.versions, d.copies]),
  );
  if (!list.length)
    return {
      key,
      node: h(
        'p',
        { class: 'empty', 'data-testid': 'concord-no-findings' },
        'No findings: every app runs the copies it declared, within its ranges.',
      ),
    };
  const order = [...list].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  return { key, node: h('div', null, order.map(card)) };
}
