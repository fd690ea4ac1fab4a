import type { Finding, MatrixCell, Report } from '../types';
import { html, SafeHtml } from './escape';
import { CSS, SCRIPT, SCRIPT_HASH } from './html-assets';
import { type Outcome, outcomes } from './outcomes';
import { summaryLine } from './terminal';
import { VERDICT_WORDS } from './verdicts';

// No network, no inline handlers, only the page's own script (by hash): even a string that escaped escaping
// could not run or load anything.
const CSP = `default-src 'none'; style-src 'unsafe-inline'; script-src '${SCRIPT_HASH}'; img-src data:; base-uri 'none'; form-action 'none'`;

/** One self-contained HTML page: summary, filters (severity, package, app), findings and the matrix. */
export function renderHtml(report: Report): string {
  const apps = report.apps.map((a) => a.name);
  const packages = [
    ...new Set([...report.matrix.map((r) => r.package), ...findingPackages(report.findings)]),
  ];
  const appIndex = new Map(apps.map((a, i) => [a, String(i)]));
  const pkgIndex = new Map(packages.map((p, i) => [p, String(i)]));
  const page = html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="generator" content="${report.tool.name} ${report.tool.version}">
<link rel="icon" href="data:,">
<title>Concord report</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>Concord report</h1>
<p id="summary">${summaryLine(report)}</p>
</header>
<form class="filters" aria-label="Filters">
<label>Severity <select id="filter-severity">
<option value="">all</option><option value="error">errors</option><option value="warning">warnings</option><option value="info">info</option>
</select></label>
<label>Package <select id="filter-package">
<option value="">all</option>${packages.map((p, i) => html`<option value="${i}">${p}</option>`)}
</select></label>
<label>App <select id="filter-app">
<option value="">all</option>${apps.map((a, i) => html`<option value="${i}">${a}</option>`)}
</select></label>
</form>
<section>
<h2>Findings (<span id="findings-shown">${report.findings.length}</span> of ${report.findings.length})</h2>
<p id="no-findings"${report.findings.length ? html` hidden` : ''}>No findings.</p>
<ol id="findings">
${report.findings.map((f) => findingItem(f, pkgIndex, appIndex))}
</ol>
</section>
<section>
<h2>Shared packages × apps</h2>
${report.apps.length > APP_COLUMNS ? outcomeTable(report, pkgIndex) : appTable(report, pkgIndex)}
</section>
<section>
<h2>Inputs</h2>
<ul>
${report.apps.map((a) => html`<li><span class="name">${a.name}</span>: <code>${a.input}</code> (${a.kind}${a.contract ? html`, contract ${a.contract.name} ${a.contract.version}` : ''})</li>`)}
${report.rejected.map((r) => html`<li class="error"><code>${r.input}</code>: not used (${r.code})</li>`)}
</ul>
</section>
<script>${SCRIPT_TAG_BODY}</script>
</body>
</html>
`;
  return page.value;
}

// Our own constant stylesheet and script: the only markup not built through `html`.
const STYLE = new SafeHtml(CSS);
const SCRIPT_TAG_BODY = new SafeHtml(SCRIPT);

/**
 * Up to this many apps the matrix has one column per app; a larger fleet gets one row per package and outcome
 * (the apps that provide, require and get the same thing), which stays readable — and quick to filter in a
 * browser — at thousands of apps.
 */
export const APP_COLUMNS = 24;

/** One column per app: each cell what that app provides, requires and gets. */
function appTable(report: Report, pkgIndex: Map<string, string>): SafeHtml {
  return html`<p><small>Each cell: the version the app provides, its requiredVersion, whether it is a singleton, and what the
runtime's default <code>version-first</code> strategy hands it.</small></p>
<div class="wrap">
<table id="matrix">
<thead><tr><th>package</th>${report.apps.map((a, i) => html`<th data-app="${i}" class="name">${a.name}<br><small>${a.bundler}${a.concord ? '' : ', no Concord metadata'}</small></th>`)}</tr></thead>
<tbody>
${report.matrix.map(
  (row) =>
    html`<tr data-package="${pkgIndex.get(row.package)}">${packageHeader(row)}${row.cells.map(
      (cell, i) => html`<td data-app="${i}">${cellBody(cell)}</td>`,
    )}</tr>
`,
)}</tbody>
</table>
</div>
`;
}

/** One row per package and outcome, with the apps of that outcome: the fleet layout. */
function outcomeTable(report: Report, pkgIndex: Map<string, string>): SafeHtml {
  const names = report.apps.map((a) => a.name);
  return html`<p><small>${report.apps.length} apps are too many for one column each: every row is one outcome of a package —
the apps that provide the same version, require the same range and get the same copy from the runtime's default
<code>version-first</code> strategy. Pick an app above to see its own row for each package.</small></p>
<div class="wrap">
<table id="matrix" class="outcomes">
<thead><tr><th>package</th><th>apps</th><th>provides</th><th>requires</th><th>gets</th><th>verdict</th></tr></thead>
<tbody>
${report.matrix.map((row) =>
  outcomes(row).map(
    (o) =>
      html`<tr data-package="${pkgIndex.get(row.package)}" data-apps="${o.apps.join(' ')}">${packageHeader(row)}<td>${appList(o, names)}</td>${outcomeBody(o)}</tr>
`,
  ),
)}</tbody>
</table>
</div>
`;
}

function packageHeader(row: Report['matrix'][number]): SafeHtml {
  return html`<th scope="row" class="name">${row.package}${row.watched ? html`<br><small>store library</small>` : ''}</th>`;
}

/** A few names inline; more folded behind their count, so a 2,000-app group does not fill the page. */
function appList(o: Outcome, names: string[]): SafeHtml {
  const list = o.apps.map((i, n) => html`${n ? ', ' : ''}<span class="name">${names[i]}</span>`);
  const count = `${o.apps.length} app${o.apps.length === 1 ? '' : 's'}`;
  return o.apps.length <= INLINE_APPS
    ? html`${list}`
    : html`<details><summary>${count}</summary>${list}</details>`;
}
const INLINE_APPS = 6;

function outcomeBody(o: Outcome): SafeHtml {
  if (o.verdict === 'absent') return html`<td></td><td></td><td></td><td>${VERDICT_WORDS.absent}</td>`;
  const gets = o.provider ? gotFrom(o.provider.version, o.provider.app) : '';
  return html`<td class="name">${o.version ?? '—'}</td><td><span class="name">${o.requiredVersion ?? 'any'}</span>${o.singleton ? ' · singleton' : ''}</td><td>${gets}</td><td class="v-${o.verdict}">${VERDICT_WORDS[o.verdict]}</td>`;
}

/** `5.1.0 from host`, or `from itself` for an app's own copy (`app` null). */
const gotFrom = (version: string, app: string | null): SafeHtml =>
  html`${version} from ${app === null ? 'itself' : html`<span class="name">${app}</span>`}`;

function findingPackages(findings: Finding[]): string[] {
  return findings.flatMap((f) => (f.package !== undefined ? [f.package] : []));
}

function findingItem(f: Finding, pkgs: Map<string, string>, apps: Map<string, string>): SafeHtml {
  const appIds = (f.apps ?? []).map((a) => apps.get(a)).filter((a) => a !== undefined);
  return html`<li class="${f.severity}" data-severity="${f.severity}" data-package="${f.package !== undefined ? pkgs.get(f.package) : ''}" data-apps="${appIds.join(' ')}">
<span class="sev">${f.severity}</span> <code>${f.code}</code>${f.package !== undefined ? html` <span class="name">${f.package}</span>` : ''}
<p>${f.message}</p>${f.field !== undefined ? html`<p><small>field <code>${f.field}</code> in <code>${f.input}</code></small></p>` : ''}
</li>
`;
}

function cellBody(cell: MatrixCell): SafeHtml {
  if (cell.verdict === 'absent') return html``;
  const gets = cell.provider
    ? html`gets ${gotFrom(cell.provider.version, cell.provider.app === cell.app ? null : cell.provider.app)}`
    : '';
  return html`<span class="name">${cell.version ?? '—'}</span> <small>${cell.requiredVersion ?? 'any'}${cell.singleton ? ' · singleton' : ''}</small><br><span class="v-${cell.verdict}">${VERDICT_WORDS[cell.verdict]}</span>${gets ? html`<br><small class="name">${gets}</small>` : ''}`;
}
