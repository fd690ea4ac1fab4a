// The CI formats, golden: `--format markdown` (a PR comment / job summary) and `--format github` (workflow
// annotations). They render a fixed report (not an analysis, which has its own goldens), whose names carry
// everything the formats must neutralise: Markdown and HTML syntax, a team mention, `%`, CR, LF, `:` and `,`
// in properties, an escape sequence and a bidi override.
import { type Report, renderGithub, renderMarkdown } from '@concord/report';
import { describe, expect, it } from 'vitest';

const HOSTILE_APP = 'cart|<img src=x>*\u001b[8m';
const HOSTILE_PKG = '@acme/ui`x`\u202Egnp';

const report: Report = {
  schema: 1,
  tool: { name: '@concord/report', version: '0.0.0-golden' },
  apps: [
    {
      name: 'host',
      bundler: 'vite',
      input: 'apps/host/dist/mf-manifest.json',
      kind: 'manifest',
      concord: true,
      contract: null,
    },
    {
      name: HOSTILE_APP,
      bundler: 'rspack',
      input: 'apps/cart,v2:dist/mf-manifest.json',
      kind: 'manifest',
      concord: true,
      contract: null,
    },
    {
      name: 'catalog',
      bundler: 'vite',
      input: 'https://cdn.example/catalog/mf-manifest.json',
      kind: 'manifest',
      concord: false,
      contract: null,
    },
  ],
  rejected: [{ input: 'apps/broken/mf-manifest.json', code: 'CONCORD-402' }],
  matrix: [
    {
      package: HOSTILE_PKG,
      watched: true,
      versions: ['5.1.0', '4.5.0'],
      selected: { app: 'host', version: '5.1.0' },
      cells: [
        {
          app: 'host',
          version: '5.1.0',
          requiredVersion: '^5.1.0',
          singleton: true,
          singletonSource: 'concord',
          strictVersion: null,
          provider: { app: 'host', version: '5.1.0' },
          verdict: 'ok',
        },
        {
          app: HOSTILE_APP,
          version: '4.5.0',
          requiredVersion: '^4.5.0 || 100%',
          singleton: true,
          singletonSource: 'concord',
          strictVersion: null,
          provider: { app: 'host', version: '5.1.0' },
          verdict: 'mismatch',
        },
        {
          app: 'catalog',
          version: null,
          requiredVersion: null,
          singleton: null,
          singletonSource: null,
          strictVersion: null,
          provider: null,
          verdict: 'absent',
        },
      ],
    },
  ],
  findings: [
    {
      code: 'CONCORD-410',
      severity: 'error',
      message: `${HOSTILE_PKG}: "${HOSTILE_APP}" (rspack) requires ^4.5.0 || 100% but the runtime picks 5.1.0 from "host" (vite).\r\nforged line: ::error::pwned. Align it. See docs/diagnostics.md#concord-410`,
      fix: 'Align it.',
      docs: 'docs/diagnostics.md#concord-410',
      package: HOSTILE_PKG,
      apps: [HOSTILE_APP, 'host'],
    },
    {
      code: 'CONCORD-402',
      severity: 'error',
      message:
        '"apps/broken/mf-manifest.json" has a string of 300001 characters at `shared[0].requiredVersion` where a range of at most 256 characters was expected. See docs/diagnostics.md#concord-402',
      fix: 'Rebuild the app.',
      docs: 'docs/diagnostics.md#concord-402',
      input: 'apps/broken/mf-manifest.json',
      field: 'shared[0].requiredVersion',
    },
    {
      code: 'CONCORD-411',
      severity: 'warning',
      message: `${HOSTILE_PKG} runs in 2 versions. See docs/diagnostics.md#concord-411`,
      fix: 'Align.',
      docs: 'docs/diagnostics.md#concord-411',
      package: HOSTILE_PKG,
      apps: ['catalog'],
    },
    {
      code: 'CONCORD-405',
      severity: 'info',
      message: '"host" (vite) note. See docs/diagnostics.md#concord-405',
      fix: 'Nothing to do.',
      docs: 'docs/diagnostics.md#concord-405',
      apps: ['host'],
    },
  ],
  summary: { errors: 2, warnings: 1, infos: 1 },
};

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('--format github', () => {
  const out = renderGithub(report);

  it('matches the golden file', async () => {
    await expect(out).toMatchFileSnapshot('__snapshots__/formats.github.snap');
  });

  it('one command per finding, each on its own line: nothing a name holds can start another', () => {
    const lines = out.trimEnd().split('\n');
    expect(lines).toHaveLength(report.findings.length + 1);
    expect(lines.slice(0, -1).every((l) => /^::(error|warning|notice) /.test(l))).toBe(true);
    expect(lines.filter((l) => l.startsWith('::'))).toHaveLength(4);
    expect(out).not.toMatch(RAW);
  });

  it('encodes %, CR and LF in messages, and also : and , in properties', () => {
    const [first] = out.split('\n');
    expect(first).toContain('100%25 but');
    expect(first).toContain('(vite).%0D%0Aforged line: ::error::pwned');
    const second = out.split('\n')[1]!;
    expect(second).toMatch(/^::error file=apps\/broken\/mf-manifest.json,title=CONCORD-402 /);
    // The finding without an input points at its first app's input, encoded as a property.
    expect(first).toMatch(/^::error file=apps\/cart%2Cv2%3Adist\/mf-manifest.json,title=CONCORD-410 /);
    // A URL input is no file in the repository: no file= property.
    expect(out.split('\n')[2]).toMatch(/^::warning title=CONCORD-411 /);
    expect(out.split('\n')[3]).toMatch(
      /^::notice file=apps\/host\/dist\/mf-manifest.json,title=CONCORD-405 /,
    );
  });

  it('absolute inputs inside the checkout become relative, so the annotation attaches to the file', () => {
    const absolute: Report = {
      ...report,
      findings: [{ ...report.findings[1]!, input: '/home/runner/work/shop/apps/broken/mf-manifest.json' }],
    };
    expect(renderGithub(absolute, { root: '/home/runner/work/shop' })).toMatch(
      /^::error file=apps\/broken\/mf-manifest.json,title=/,
    );
    expect(renderGithub(absolute, { root: '/elsewhere' })).toMatch(
      /^::error file=\/home\/runner\/work\/shop\/apps\/broken\/mf-manifest.json,/,
    );
  });

  it('other control characters are shown as escape text', () => {
    expect(out).toContain('\\x1b[8m');
    expect(out).toContain('\\u202egnp');
  });
});

describe('--format markdown', () => {
  const out = renderMarkdown(report);

  it('matches the golden file', async () => {
    await expect(out).toMatchFileSnapshot('__snapshots__/formats.markdown.snap');
  });

  it('names stay literal: no HTML, no emphasis, no table break, no mention, no raw control', () => {
    // Outside code spans (whose content Markdown shows as typed), no raw markup and no mention.
    // (A backslash-escaped backtick opens no span.)
    const prose = out.replace(/(?<!\\)(`+)[\s\S]*?\1(?!`)/g, '');
    expect(prose).not.toMatch(/(?<!\\)<(?!\/?(details|summary)>)/);
    expect(prose).toContain('\\<img src=x\\>');
    expect(prose).not.toMatch(/@acme/);
    expect(out).not.toMatch(RAW);
    // Every table row has exactly the columns of its header (a `|` in a name is escaped).
    for (const line of out.split('\n').filter((l) => l.startsWith('| '))) {
      const cells = line.split(/(?<!\\)\|/).length - 2;
      expect([4, 7]).toContain(cells);
    }
    expect(out).toContain('**2 apps'.replace('2', String(report.apps.length)));
  });

  it('links every code to its docs entry', () => {
    for (const f of report.findings) expect(out).toContain(`[${f.code}](${f.docs})`);
  });
});
