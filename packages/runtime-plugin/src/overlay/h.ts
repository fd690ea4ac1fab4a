// The panel's one DOM helper: an element with attributes and children, so views read like markup.
type Child = Node | string | number | false | null | undefined;

/**
 * `h('td', { class: 'dup', title: '2 copies' }, '5.1.0')`. Attributes set to `false`/`undefined` are left
 * out; `true` sets an empty attribute. Text children are text nodes: nothing is parsed as HTML.
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs?: Record<string, string | number | boolean | undefined> | null,
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const name in attrs) {
    const v = attrs[name];
    if (v !== undefined && v !== false) el.setAttribute(name, v === true ? '' : String(v));
  }
  for (const c of children.flat())
    if (c !== false && c != null) el.append(typeof c === 'object' ? c : String(c));
  return el;
}
