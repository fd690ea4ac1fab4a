import pc from 'picocolors';
import type { Finding, MatrixCell, MatrixRow, Report, Severity } from '../types';
import { Lines, type Paint, type RowSink, table, wrap } from './layout';
import { visible as v } from './visible';

export interface TerminalOptions {
  /**
   * Colour the output with ANSI escapes.
   * @default true when stdout is a TTY and neither NO_COLOR nor TERM=dumb is set (FORCE_COLOR forces it)
   */
  color?: boolean;
  /**
   * Columns to fit; long names wrap, never truncated.
   * @default 80
   */
  width?: number;
}

type Colors = ReturnType<typeof pc.createColors>;

/** Whether a stream should get colour: NO_COLOR (no-color.org) and non-TTYs turn it off, FORCE_COLOR on. */
export function shouldColor(
  stream: { isTTY?: boolean } = process.stdout,
  env: Record<string, string | undefined> = process.env,
): boolean {
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR && env.FORCE_COLOR !== '0') return true;
  return Boolean(stream.isTTY) && env.TERM !== 'dumb';
}

const VERDICT_TEXT: Record<MatrixCell['verdict'], string> = {
  ok: 'ok',
  mismatch: 'MISMATCH',
  'own-copy': 'own copy',
  private: 'private copy',
  unprovided: 'MISSING',
  absent: '',
};

/**
 * The report as text: an apps line, a package × app table, then the findings and a summary line. Every string
 * from a manifest goes through `visible`, so escape sequences and bidi controls print as `\x1b`, `\u202e`.
 * Lines are appended in loops, never spread into a call, so 70,000 packages or 2,000 apps fit in any stack.
 */
export function renderTerminal(report: Report, options: TerminalOptions = {}): string {
  const c = pc.createColors(options.color ?? shouldColor());
  const width = Math.min(1000, Math.max(40, options.width ?? 80));
  const out = new Lines();
  out.push(c.bold('Concord report'));
  if (report.apps.length) {
    const apps = report.apps.map(
      (a) =>
        `${v(a.name)} (${a.bundler}${a.kind === 'stats' ? ', stats' : ''}${a.concord ? '' : ', no Concord metadata'})`,
    );
    out.pushAll(wrap(`Apps in load order: ${apps.join(', ')}`, width));
  }
  if (report.matrix.length) {
    out.push('');
    table(
      out,
      [
        { header: 'app', min: 16, paint: c.dim },
        { header: 'version', min: 12, paint: c.dim },
        { header: 'required', min: 12, paint: c.dim },
        { header: 'singleton', paint: c.dim },
        { header: 'verdict', min: 12, paint: c.dim },
      ],
      (rows) => {
        for (const row of report.matrix) matrixRows(rows, row, c);
      },
      width,
      '  ',
    );
  }
  if (report.findings.length) {
    out.push('');
    for (const f of report.findings) out.pushAll(findingLines(f, width, c));
  }
  out.push('');
  for (const l of wrap(summaryLine(report), width)) out.push(report.summary.errors ? c.red(l) : l);
  return out.toString();
}

/** The package's heading and a row per app that declares it or bundles it. */
function matrixRows(rows: RowSink, row: MatrixRow, c: Colors): void {
  const facts = [
    row.watched ? 'store library' : '',
    row.selected ? `runtime picks ${row.selected.version} from ${row.selected.app}` : 'nobody provides it',
  ];
  rows.span(v(`${row.package} · ${facts.filter(Boolean).join(' · ')}`), c.bold);
  const texts = ['', '', '', '', ''];
  const paints: (Paint | undefined)[] = [undefined, undefined, undefined, undefined, undefined];
  for (const cell of row.cells) {
    if (cell.verdict === 'absent') continue;
    texts[0] = v(cell.app);
    texts[1] = v(cell.version ?? '');
    texts[2] = v(cell.requiredVersion ?? '-');
    texts[3] = cell.singleton === null ? '' : cell.singleton ? 'yes' : 'no';
    paints[3] = cell.singletonSource === 'manifest' ? c.dim : undefined;
    texts[4] = v(verdictText(cell, row));
    paints[4] = verdictPaint(cell, row.watched, c);
    rows.row(texts, paints);
  }
}

function verdictText(cell: MatrixCell, row: MatrixRow): string {
  const p = cell.provider;
  const from = p ? `${p.version} from ${p.app === cell.app ? 'itself' : p.app}` : '';
  switch (cell.verdict) {
    case 'ok':
      return p && row.selected && p.app === row.selected.app && p.version === row.selected.version
        ? 'ok'
        : `ok: ${from}`;
    case 'mismatch':
      return `MISMATCH: gets ${from}`;
    default:
      return VERDICT_TEXT[cell.verdict];
  }
}

function verdictPaint(cell: MatrixCell, watched: boolean, c: Colors): (s: string) => string {
  switch (cell.verdict) {
    case 'ok':
      return c.green;
    case 'own-copy':
    case 'private':
      return watched ? c.red : c.yellow;
    default:
      return c.red;
  }
}

const SEVERITY_PAINT: Record<Severity, (c: Colors) => (s: string) => string> = {
  error: (c) => (s) => c.red(c.bold(s)),
  warning: (c) => c.yellow,
  info: (c) => c.cyan,
};

function findingLines(f: Finding, width: number, c: Colors): string[] {
  const head = `${f.severity} ${f.code}`;
  const lines = wrap(`${head} ${v(f.message)}`, width - 2).map((l, i) => (i === 0 ? l : `  ${l}`));
  const first = lines[0]!;
  lines[0] = SEVERITY_PAINT[f.severity](c)(head) + first.slice(head.length);
  return lines;
}

export function summaryLine(report: Report): string {
  const { errors, warnings, infos } = report.summary;
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  const rejected = report.rejected.length ? `, ${plural(report.rejected.length, 'input')} unreadable` : '';
  return `${plural(report.apps.length, 'app')}, ${plural(report.matrix.length, 'shared package')}${rejected}: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${plural(infos, 'info')}.`;
}
