// The page's only script and stylesheet. The script reads no data: filters toggle `hidden` on what the server
// rendered (findings, matrix rows, the cells of an app's column or, in the fleet layout, rows of one outcome),
// using numeric indices in data-* attributes, so no manifest string ever reaches the DOM as markup. Only
// elements whose state changes are touched: a filter change re-styles what it shows or hides, not the page.
// Findings are blocks, not list items: Chromium renumbers an <ol>'s items one hidden item at a time (hiding
// 20,000 findings of a 2,000-app fleet took 25-90 s; as blocks, under a second), and `content-visibility`
// lays out only the findings on screen.
// Names keep their real characters (escaped as markup only); a bidi override inside one (U+202E) is isolated
// to that name by the stylesheet, so it cannot reorder the text around it.
import { createHash } from 'node:crypto';

export const SCRIPT = `(() => {
  const byId = (id) => document.getElementById(id);
  const severity = byId('filter-severity');
  const pkg = byId('filter-package');
  const app = byId('filter-app');
  const rows = [...document.querySelectorAll('#matrix tbody tr')];
  const cells = [...document.querySelectorAll('#matrix [data-app]')];
  // The fleet layout: a row stands for the apps in its data-apps (indices), read into a set once.
  const rowApps = new Map();
  const rowHas = (tr, a) => {
    if (tr.dataset.apps === undefined) return true;
    if (!rowApps.has(tr)) rowApps.set(tr, new Set(tr.dataset.apps.split(' ')));
    return rowApps.get(tr).has(a);
  };
  const findings = [...document.querySelectorAll('#findings > li')];
  const show = (el, visible) => {
    if (el.hidden === visible) el.hidden = !visible;
  };
  const apply = () => {
    const s = severity.value, p = pkg.value, a = app.value;
    let shown = 0;
    for (const li of findings) {
      const visible = (!s || li.dataset.severity === s) && (!p || li.dataset.package === p) &&
        (!a || li.dataset.apps.split(' ').includes(a));
      show(li, visible);
      if (visible) shown++;
    }
    byId('findings-shown').textContent = String(shown);
    byId('no-findings').hidden = shown > 0;
    for (const tr of rows) show(tr, (p === '' || tr.dataset.package === p) && (a === '' || rowHas(tr, a)));
    for (const cell of cells) show(cell, a === '' || cell.dataset.app === a);
  };
  for (const select of [severity, pkg, app]) select.addEventListener('change', apply);
  apply();
})();`;

export const SCRIPT_HASH = `sha256-${createHash('sha256').update(SCRIPT).digest('base64')}`;

export const CSS = `
:root{color-scheme:light dark;--ok:#1a7f37;--warn:#9a6700;--err:#cf222e;--info:#0969da;--line:#8884}
body{font:14px/1.45 system-ui,sans-serif;margin:1.5rem;max-width:80rem}
h1{font-size:1.4rem;margin:0 0 .25rem}h2{font-size:1.1rem;margin:1.5rem 0 .5rem}
.filters{display:flex;gap:1rem;flex-wrap:wrap;margin:1rem 0}
select{font:inherit;max-width:20rem}
table{border-collapse:collapse;font-variant-numeric:tabular-nums}
th,td{border:1px solid var(--line);padding:.25rem .5rem;text-align:left;vertical-align:top}
th{background:#8881}
.wrap{overflow-x:auto}
.name{overflow-wrap:anywhere;max-width:16rem}
.outcomes td:nth-child(2){max-width:32rem}summary{cursor:pointer}
#findings{padding:0;list-style:none}
#findings>li{display:block;content-visibility:auto;contain-intrinsic-size:auto 5rem}#findings>li[hidden]{display:none}
#findings li{border-left:4px solid var(--line);padding:.25rem .75rem;margin:.5rem 0}
#findings p{margin:.2rem 0;overflow-wrap:anywhere}
.error{border-color:var(--err)!important}.warning{border-color:var(--warn)!important}.info{border-color:var(--info)!important}
.sev{font-weight:600;text-transform:uppercase;font-size:.75rem}
.error .sev,.v-mismatch,.v-unprovided{color:var(--err)}.warning .sev,.v-own-copy,.v-private{color:var(--warn)}
.info .sev{color:var(--info)}.v-ok{color:var(--ok)}
code{font-size:.9em}small{opacity:.75}
.name,code,option{unicode-bidi:isolate}
`;
