// `--format markdown`: a pull-request comment or a job summary (`>> "$GITHUB_STEP_SUMMARY"`). Names from
// manifests are untrusted here too: in text every Markdown/HTML character is backslash-escaped (a package
// named `<img src=x>` or `**x**` stays literal), and `@scope/name` is put in a code span so GitHub does not
// read it as a team mention. Control characters are shown as escape text, as on the terminal.
import type { Finding, MatrixCell, MatrixRow, Report, Severity } from '../types';
import { Lines } from './layout';
import { summaryLine } from './terminal';
import { VERDICT_WORDS } from './verdicts';
import { visible } from './visible';

const ICON: Record<Severity, string> = { error: '🛑 error', warning: '⚠️ warning', info: 'ℹ️ info' };

// The two verdicts that fail a page in bold; an absent cell is not listed.
const VERDICT = (v: MatrixCell['verdict']): string =>
  v === 'mismatch' || v === 'unprovided' ? `**${VERDICT_WORDS[v]}**` : VERDICT_WORDS[v];

// Inline syntax only: the text always sits inside a table cell or after other text, never at a line start.
const SPECIAL = /[\\`*_[\]|<>~&]/g;
const MENTION = /@[\w.-]+(?:\/[\w.-]+)?/g;

/** Untrusted text as literal Markdown: escaped punctuation, `@scope/name` as code, controls visible. */
export function mdText(s: string): string {
  const text = visible(s);
  let out = '';
  let last = 0;
  for (const m of text.matchAll(MENTION)) {
    out += escapePlain(text.slice(last, m.index)) + code(m[0]);
    last = m.index + m[0].length;
  }
  return out + escapePlain(text.slice(last));
}

const escapePlain = (s: string): string => s.replace(SPECIAL, (ch) => `\\${ch}`);

/** A code span whose fence is longer than any backtick run inside; `|` escaped for tables. */
export function code(s: string): string {
  const text = visible(s);
  let fence = '`';
  while (text.includes(fence)) fence += '`';
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text.replaceAll('|', '\\|')}${pad}${fence}`;
}

/** The report as GitHub-flavoured Markdown: summary, findings table, then the matrix folded in `<details>`. */
export function renderMarkdown(report: Report): string {
  // Joined a few thousand lines at a time: a 2,000-app matrix is 120,000 rows (see layout.ts `Lines`).
  const out = new Lines();
  out.pushAll(['## Concord report', '', `**${mdText(summaryLine(report))}**`, '']);
  if (report.apps.length)
    out.pushAll([
      `Apps in load order: ${report.apps.map((a) => `${code(a.name)} (${a.bundler})`).join(', ')}`,
      '',
    ]);
  if (report.findings.length) {
    out.pushAll(['| severity | code | package | finding |', '| --- | --- | --- | --- |']);
    for (const f of report.findings) out.push(findingRow(f));
    out.push('');
  } else out.pushAll(['No findings.', '']);
  if (report.matrix.length) {
    out.pushAll([
      `<details><summary>Shared packages × apps (${report.matrix.length})</summary>`,
      '',
      '| package | app | version | required | singleton | gets | verdict |',
      '| --- | --- | --- | --- | --- | --- | --- |',
    ]);
    for (const row of report.matrix) matrixRows(row, out);
    out.pushAll(['', '</details>', '']);
  }
  return out.toString();
}

function findingRow(f: Finding): string {
  const anchor = `[${f.code}](${f.docs})`;
  return `| ${ICON[f.severity]} | ${anchor} | ${f.package !== undefined ? code(f.package) : ''} | ${mdText(f.message)} |`;
}

function matrixRows(row: MatrixRow, out: Lines): void {
  let first = true;
  for (const cell of row.cells) {
    if (cell.verdict === 'absent') continue;
    const gets = cell.provider
      ? `${code(cell.provider.version)} from ${cell.provider.app === cell.app ? 'itself' : code(cell.provider.app)}`
      : '';
    out.push(
      `| ${first ? code(row.package) : ''} | ${code(cell.app)} | ${cell.version !== null ? code(cell.version) : ''} | ${cell.requiredVersion !== null ? code(cell.requiredVersion) : 'any'} | ${cell.singleton === null ? '' : cell.singleton ? 'yes' : 'no'} | ${gets} | ${VERDICT(cell.verdict)} |`,
    );
    first = false;
  }
}
