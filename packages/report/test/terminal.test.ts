import { analyze, parseManifest, type Report, renderTerminal, shouldColor } from '@concord/report';
import { beforeAll, describe, expect, it } from 'vitest';
import { load, rspackManifest, viteManifest } from './helpers/manifests';
import { everyFinding, XSS, xssFiles } from './helpers/scenarios';

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching ANSI escapes is the point
const ANSI = /\u001b\[[0-9;]*m/g;
const plain = (s: string) => s.replace(ANSI, '');
const squash = (s: string) => s.replace(/\s+/g, '');

const LONG_PKG = '@a-rather-long-scope-name/and-an-even-longer-package-name-that-cannot-fit-one-column';
const LONG_APP = 'checkout-and-payments-remote-with-a-very-long-container-name';

let reports: [string, Report][];
beforeAll(async () => {
  reports = [
    ['every finding', analyze(await everyFinding())],
    ['injection strings', analyze(xssFiles().map((f) => parseManifest(f.content, f.file)))],
    [
      'long names',
      analyze([
        load(viteManifest('host', [{ name: LONG_PKG, version: '1.0.0-alpha.1234567890', singleton: true }])),
        load(
          rspackManifest(LONG_APP, [
            {
              name: LONG_PKG,
              version: '2.0.0',
              requiredVersion: '>=1.0.0-alpha.1234567890 <2.0.0 || ^3.0.0',
            },
          ]),
        ),
      ]),
    ],
  ];
});

/**
 * Reads the table back: each column's fragments, concatenated over every line, and the span (package) lines.
 * Columns start where the header's words start on its first line.
 */
function readTable(text: string): { spans: string; columns: string[] } {
  const lines = plain(text).split('\n');
  const first = lines.findIndex((l) => l.startsWith('  app'));
  const starts = [...lines[first]!.matchAll(/\S+/g)].map((m) => m.index);
  const columns = starts.map(() => '');
  let spans = '';
  for (let i = first; i < lines.length && lines[i] !== ''; i++) {
    const line = lines[i]!;
    if (!line.startsWith('  ')) {
      spans += `${line} `;
      continue;
    }
    starts.forEach((start, c) => {
      columns[c] += line.slice(start, starts[c + 1]).trim();
    });
  }
  return { spans, columns };
}

/** What each of the first three columns must hold, in order, header first. */
function expectedColumns(r: Report): string[] {
  const cells = r.matrix.flatMap((row) => row.cells.filter((c) => c.verdict !== 'absent'));
  return [
    'app' + cells.map((c) => c.app).join(''),
    'version' + cells.map((c) => c.version ?? '').join(''),
    'required' + cells.map((c) => c.requiredVersion ?? '-').join(''),
  ].map(squash);
}

describe('renderTerminal', () => {
  it.each([40, 80, 120])('fits %i columns by wrapping, never truncating a name', (width) => {
    for (const [which, report] of reports) {
      const text = plain(renderTerminal(report, { color: true, width }));
      for (const line of text.split('\n'))
        expect(line.length, `${which}: ${JSON.stringify(line)}`).toBeLessThanOrEqual(width);
      const all = squash(text);
      const { spans, columns } = readTable(text);
      expect(columns.slice(0, 3).map(squash), which).toEqual(expectedColumns(report));
      for (const row of report.matrix) expect(squash(spans), which).toContain(squash(row.package));
      for (const app of report.apps) expect(all, which).toContain(squash(app.name));
      for (const f of report.findings) expect(all, which).toContain(squash(f.message));
    }
  });

  it('defaults to 80 columns', () => {
    for (const [, report] of reports)
      for (const line of renderTerminal(report, { color: false }).split('\n'))
        expect(line.length).toBeLessThanOrEqual(80);
  });

  it('colours only when asked', () => {
    const [, report] = reports[0]!;
    expect(renderTerminal(report, { color: true })).toMatch(ANSI);
    expect(renderTerminal(report, { color: false })).not.toMatch(ANSI);
    expect(plain(renderTerminal(report, { color: true }))).toBe(renderTerminal(report, { color: false }));
  });

  it('prints one verdict per app and the summary', () => {
    const [, report] = reports[0]!;
    const text = renderTerminal(report, { color: false });
    expect(text).toContain('zustand · store library · runtime picks 5.1.0 from host');
    expect(text).toMatch(/catalog +4\.5\.0 +\^4\.5\.0 +yes +MISMATCH: gets 5\.1\.0 from host/);
    expect(text).toContain(`${report.summary.errors} errors, ${report.summary.warnings} warnings`);
    expect(text.endsWith('\n')).toBe(true);
  });

  it('keeps injection strings verbatim (a terminal has no markup to escape)', () => {
    const [, report] = reports[1]!;
    expect(squash(renderTerminal(report, { color: false }))).toContain(squash(XSS));
  });
});

describe('shouldColor', () => {
  it.each([
    [{ isTTY: true }, {}, true],
    [{ isTTY: false }, {}, false],
    [{}, {}, false],
    [{ isTTY: true }, { NO_COLOR: '1' }, false],
    [{ isTTY: true }, { TERM: 'dumb' }, false],
    [{ isTTY: false }, { FORCE_COLOR: '1' }, true],
    [{ isTTY: true }, { FORCE_COLOR: '1', NO_COLOR: '1' }, false],
    [{ isTTY: true }, { FORCE_COLOR: '0' }, true],
  ])('%o with %o → %s', (stream, env, expected) => {
    expect(shouldColor(stream, env)).toBe(expected);
  });
});
