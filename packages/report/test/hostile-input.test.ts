// Hostile and huge input, table-driven: every case ends with a finding naming the input and the field, a report
// that finished and shows the hostile string safely, or a usage error — never an exception, a stack trace or a
// hang. The CLI half of the table lives in hostile-cli.test.ts.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type Finding,
  fromManifestObject,
  loadManifest,
  parseManifest,
  type Report,
  type ReportInput,
  type RunReportResult,
  renderGithub,
  renderHtml,
  renderJson,
  renderMarkdown,
  renderTerminal,
  runReport,
} from '@concord/report';
import schema from '@concord/report/report.schema.json' with { type: 'json' };
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HIDDEN_SAMPLES, mkfifo, PROTO_NAMES, syntheticReport } from './helpers/hostile';
import { concord, contract, type SharedSpec, viteManifest } from './helpers/manifests';

/** Heavy cases (100,000 entries, 10 MB strings, 2,000 apps) on a shared 2-core machine: no tight timeouts. */
const HEAVY = { timeout: 300_000 };

// Any raw C0/C1 control (bar the newlines the renderers put between lines) or bidi control in terminal text.
const RAW_HIDDEN =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/;

const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);

/** What every report must satisfy, whatever went in: the JSON schema, and every renderer safe and whole. */
function expectSafe(result: RunReportResult): void {
  const { report, text } = result;
  expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
  expect(RAW_HIDDEN.test(text), 'raw control character in terminal text').toBe(false);
  expect(JSON.parse(renderJson(report))).toEqual(report);
  for (const render of [renderMarkdown, renderGithub]) expect(RAW_HIDDEN.test(render(report))).toBe(false);
  expect(renderHtml(report)).toMatch(/^<!doctype html>/);
  for (const f of report.findings) expect(f.message).not.toMatch(/\n\s+at /);
}

/** A rejected input: one error finding with that code, naming the input and the field. */
function expectFieldFinding(report: Report, code: string, input: string, field: string): Finding {
  const f = report.findings.find((x) => x.code === code && x.input === input);
  expect(f, `${code} for ${input}: ${JSON.stringify(report.findings.map((x) => x.message))}`).toBeDefined();
  expect(f!.field).toBe(field);
  expect(f!.message).toContain(`\`${field}\``);
  expect(f!.message).toContain(JSON.stringify(input));
  return f!;
}

const host = (
  name = 'host',
  shared: SharedSpec[] = [{ name: 'react', version: '19.3.1', singleton: true }],
  meta?: object,
) => viteManifest(name, shared, meta);

// ---------------------------------------------------------------------------------------------------------------
// 1. Prototype-member names in every position a manifest has a name (12 names × 12 positions).
// ---------------------------------------------------------------------------------------------------------------

type Seen = 'app' | 'package' | 'finding' | 'json';

/** Builds a two-app page with `p` in one position, and says where `p` must show up. */
const POSITIONS: Record<string, (p: string) => { inputs: ReportInput[]; seen: Seen }> = {
  'app name': (p) => ({
    inputs: [
      { input: 'host.json', manifest: host() },
      { input: 'remote.json', manifest: host(p, [{ name: 'react', version: '18.3.1', singleton: true }]) },
    ],
    seen: 'app',
  }),
  'concord.app': (p) => ({
    inputs: [{ input: 'a.json', manifest: host('a', undefined, concord({ app: p, bundler: 'vite' })) }],
    seen: 'app',
  }),
  'shared package name': (p) => ({
    inputs: [
      { input: 'host.json', manifest: host('host', [{ name: p, version: '2.0.0', singleton: true }]) },
      {
        input: 'remote.json',
        manifest: host('remote', [{ name: p, version: '1.0.0', requiredVersion: '^1.0.0', singleton: true }]),
      },
    ],
    seen: 'package',
  }),
  'concord.shared key': (p) => ({
    inputs: [
      {
        input: 'a.json',
        manifest: host(
          'a',
          [{ name: p, version: '1.0.0' }],
          concord({
            app: 'a',
            bundler: 'vite',
            shared: { [p]: { singleton: true, requiredVersion: '^1.0.0' } },
          }),
        ),
      },
    ],
    seen: 'package',
  }),
  'concord.dependencies key': (p) => ({
    inputs: [
      {
        input: 'a.json',
        manifest: host(
          'a',
          undefined,
          concord({ app: 'a', bundler: 'vite', dependencies: { [p]: '1.0.0' } }),
        ),
      },
    ],
    seen: 'json',
  }),
  'concord.watched entry': (p) => ({
    inputs: [
      {
        input: 'a.json',
        manifest: host(
          'a',
          [{ name: p, version: '1.0.0' }],
          concord({ app: 'a', bundler: 'vite', watched: [p] }),
        ),
      },
      { input: 'b.json', manifest: host('b', [{ name: p, version: '2.0.0', requiredVersion: '^2.0.0' }]) },
    ],
    seen: 'package',
  }),
  'contract name': (p) => contractPage({ name: p }),
  'slice name': (p) => contractPage({ slice: p }),
  'field name': (p) => contractPage({ field: p }),
  'slice owner': (p) => contractPage({ owner: p }),
  'event name': (p) => contractPage({ event: p }),
  'reads entry': (p) => contractPage({ read: p }),
};

/** host owns a slice; remote reads a field of it the owner's contract no longer has (CONCORD-422). */
function contractPage(at: Partial<Record<'name' | 'slice' | 'field' | 'owner' | 'event' | 'read', string>>): {
  inputs: ReportInput[];
  seen: Seen;
} {
  const slice = at.slice ?? 'cart';
  const owner = at.owner ?? 'host';
  const c = (version: string, fields: string[]) => ({
    ...(contract(version, { [slice]: { owner, fields } }, at.name ?? 'acme') as Record<string, unknown>),
    events: [at.event ?? 'cart/add'],
  });
  return {
    inputs: [
      {
        input: 'host.json',
        manifest: viteManifest(
          owner,
          [],
          concord({ app: owner, bundler: 'vite', contract: c('1.3.0', ['count']), owns: [slice] }),
        ),
      },
      {
        input: 'remote.json',
        manifest: viteManifest(
          'remote',
          [],
          concord({
            app: 'remote',
            bundler: 'vite',
            contract: c('1.2.0', ['count', at.field ?? 'total']),
            reads: [at.read ?? `${slice}.${at.field ?? 'total'}`],
          }),
        ),
      },
    ],
    seen: at.event !== undefined || at.read !== undefined ? 'json' : 'finding',
  };
}

const seenIn = (r: RunReportResult, p: string, seen: Seen): boolean => {
  switch (seen) {
    case 'app':
      return r.report.apps.some((a) => a.name === p);
    case 'package':
      return r.report.matrix.some((row) => row.package === p);
    case 'finding':
      return r.report.findings.some((f) => f.message.includes(p) || f.package?.includes(p));
    case 'json':
      // Present or not, the run finished; names the report had no reason to repeat are not required.
      return true;
  }
};

const protoCases = PROTO_NAMES.flatMap((p) =>
  Object.keys(POSITIONS).map((position) => [position, p] as const),
);

describe('prototype-member names anywhere', () => {
  it.each(protoCases)('%s = %j: the report finishes and names it', async (position, p) => {
    const { inputs, seen } = POSITIONS[position]!(p);
    const r = await runReport({ inputs, color: false, failOn: 'never' });
    expect(r.finished).toBe(true);
    expect(r.report.rejected).toEqual([]);
    expectSafe(r);
    expect(seenIn(r, p, seen), `${p} in ${seen}`).toBe(true);
    // The string survives as itself, not as Object.prototype's member.
    expect(JSON.stringify(r.report)).not.toContain('[native code]');
  });

  it('`__proto__` keys in the JSON text stay data and pollute nothing', () => {
    const text = `{"name":"a","metaData":{"remoteEntry":{"type":"module"}},"shared":[],"__proto__":{"polluted":1},
      "concord":{"schema":1,"app":"a","bundler":"vite","owns":[],"reads":[],"shared":{"__proto__":{"singleton":true}},
      "dependencies":{"__proto__":"1.0.0","constructor":"2.0.0"}}}`;
    const loaded = parseManifest(text, 'a.json');
    expect(loaded.ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).singleton).toBeUndefined();
    // The records are null-prototype: a package named like an Object.prototype member is only ever data.
    const concord = loaded.ok ? loaded.manifest.concord! : undefined;
    expect(Object.getPrototypeOf(concord!.shared)).toBeNull();
    expect(Object.getPrototypeOf(concord!.dependencies)).toBeNull();
    expect(concord!.dependencies.constructor).toBe('2.0.0');
    expect(Object.getOwnPropertyDescriptor(concord!.dependencies, '__proto__')?.value).toBe('1.0.0');
    expect(concord!.shared.toString).toBeUndefined();
  });

  it("a caller's manifest object keeps its prototypes; the records the report reads have none", () => {
    const raw = JSON.parse(
      '{"name":"a","metaData":{},"shared":[],"concord":{"schema":1,"app":"a","bundler":"vite","shared":{"constructor":{"singleton":true}},"dependencies":{"toString":"1.0.0"}}}',
    );
    const loaded = fromManifestObject(raw, 'a.json');
    expect(Object.getPrototypeOf(raw.concord.shared)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(raw.concord.dependencies)).toBe(Object.prototype);
    const concord = loaded.ok ? loaded.manifest.concord! : undefined;
    expect(Object.getPrototypeOf(concord!.shared)).toBeNull();
    expect(concord!.shared.constructor).toEqual({ singleton: true });
    expect(concord!.dependencies.toString).toBe('1.0.0');
  });
});

// ---------------------------------------------------------------------------------------------------------------
// 2. Escape sequences and bidi controls: visible on the terminal (and in Markdown / annotations), real in JSON
//    and HTML (escaped as markup).
// ---------------------------------------------------------------------------------------------------------------

const HIDDEN_POSITIONS: Record<string, (s: string) => ReportInput[]> = {
  'app name': (s) => [
    { input: 'host.json', manifest: host() },
    {
      input: 'remote.json',
      manifest: host(`cart${s}`, [{ name: 'react', version: '18.3.1', singleton: true }]),
    },
  ],
  'package name': (s) => [
    { input: 'a.json', manifest: host('a', [{ name: `zustand${s}`, version: '5.1.0', singleton: true }]) },
    {
      input: 'b.json',
      manifest: host('b', [
        { name: `zustand${s}`, version: '4.5.0', requiredVersion: '^4.5.0', singleton: true },
      ]),
    },
  ],
  requiredVersion: (s) => [
    { input: 'a.json', manifest: host('a', [{ name: 'zustand', version: '5.1.0', singleton: true }]) },
    {
      input: 'b.json',
      manifest: host('b', [
        { name: 'zustand', version: '4.5.0', requiredVersion: `^4.5.0${s}`, singleton: true },
      ]),
    },
  ],
};

const hiddenCases = HIDDEN_SAMPLES.flatMap(([label, s, shown]) =>
  Object.keys(HIDDEN_POSITIONS).map((position) => [position, label, s, shown] as const),
);

describe('escape sequences and bidi controls', () => {
  it.each(hiddenCases)('%s with %s', async (position, _label, s, shown) => {
    const r = await runReport({ inputs: HIDDEN_POSITIONS[position]!(s), color: false, failOn: 'never' });
    expect(r.finished).toBe(true);
    expectSafe(r);
    expect(r.text).toContain(shown);
    expect(renderMarkdown(r.report)).toContain(shown);
    // JSON keeps the real string.
    expect(JSON.stringify(r.report)).toContain(JSON.stringify(s).slice(1, -1));
    // HTML keeps it too (markup-escaped only): the hostile string is in the page as itself.
    expect(renderHtml(r.report)).toContain(s);
  });

  it('colour stays ours: with colour on, every escape in the text is an SGR code picocolors wrote', async () => {
    const r = await runReport({ inputs: HIDDEN_POSITIONS['app name']!('\u001b[2J\u001b[8m'), color: true });
    // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
    const stripped = r.text.replace(/\u001b\[\d+m/g, '');
    expect(stripped).not.toContain('\u001b');
    expect(stripped).toContain('\\x1b[2J\\x1b[8m');
  });
});

// ---------------------------------------------------------------------------------------------------------------
// 3. Values over the fixed caps: one finding naming the input and the field, before any range is matched.
// ---------------------------------------------------------------------------------------------------------------

const TEN_MB = 'x'.repeat(10 * 1024 * 1024);
const manySharedEntries = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ name: `pkg-${i}`, version: '1.0.0' }));
const withConcord = (extra: object) => host('a', [], concord({ app: 'a', bundler: 'vite', ...extra }));

const CAP_CASES: [string, () => unknown, string, string][] = [
  ['a 10 MB app name', () => host(TEN_MB), 'CONCORD-402', 'name'],
  [
    'a 10 MB package name',
    () => host('a', [{ name: TEN_MB, version: '1.0.0' }]),
    'CONCORD-402',
    'shared[0].name',
  ],
  [
    'a 300-character version',
    () => host('a', [{ name: 'react', version: `1.0.0-${'a'.repeat(300)}` }]),
    'CONCORD-402',
    'shared[0].version',
  ],
  [
    'a requiredVersion of ^ and 300,000 spaces',
    () => host('a', [{ name: 'react', version: '1.0.0', requiredVersion: `^${' '.repeat(300_000)}` }]),
    'CONCORD-402',
    'shared[0].requiredVersion',
  ],
  [
    'a requiredVersion of 10,000 alternatives',
    () =>
      host('a', [
        { name: 'react', version: '1.0.0', requiredVersion: Array(10_000).fill('^1.0.0').join(' || ') },
      ]),
    'CONCORD-402',
    'shared[0].requiredVersion',
  ],
  ['100,000 shared entries', () => host('a', manySharedEntries(100_000)), 'CONCORD-402', 'shared'],
  [
    'a 10 MB pluginVersion',
    () => ({ ...host('a'), metaData: { pluginVersion: TEN_MB } }),
    'CONCORD-402',
    'metaData.pluginVersion',
  ],
  ['a 10 MB concord.app', () => withConcord({ app: TEN_MB }), 'CONCORD-403', 'concord.app'],
  [
    'a 10 MB concord.shared requiredVersion',
    () => withConcord({ shared: { react: { requiredVersion: TEN_MB } } }),
    'CONCORD-403',
    'concord.shared.react.requiredVersion',
  ],
  [
    'a 10 MB concord.shared key',
    () => withConcord({ shared: { [TEN_MB]: {} } }),
    'CONCORD-403',
    'concord.shared',
  ],
  [
    '100,000 concord.dependencies',
    () =>
      withConcord({
        dependencies: Object.fromEntries(manySharedEntries(100_000).map((e) => [e.name, '1.0.0'])),
      }),
    'CONCORD-403',
    'concord.dependencies',
  ],
  [
    '100,000 concord.reads',
    () => withConcord({ reads: Array.from({ length: 100_000 }, (_, i) => `s.f${i}`) }),
    'CONCORD-403',
    'concord.reads',
  ],
  [
    'a 10 MB concord.watched entry',
    () => withConcord({ watched: [TEN_MB] }),
    'CONCORD-403',
    'concord.watched[0]',
  ],
  [
    'a 10 MB contract slice name',
    () => withConcord({ contract: contract('1.0.0', { [TEN_MB]: { owner: 'a', fields: [] } }) }),
    'CONCORD-403',
    'concord.contract.slices',
  ],
  [
    'a 10 MB contract version',
    () => withConcord({ contract: { ...(contract('1.0.0', {}) as object), version: TEN_MB } }),
    'CONCORD-403',
    'concord.contract.version',
  ],
  [
    '100,000 contract slices',
    () =>
      withConcord({
        contract: contract(
          '1.0.0',
          Object.fromEntries(
            Array.from({ length: 100_000 }, (_, i) => [`s${i}`, { owner: 'a', fields: [] }]),
          ),
        ),
      }),
    'CONCORD-403',
    'concord.contract.slices',
  ],
];

describe('values over the caps', HEAVY, () => {
  it.each(CAP_CASES)('%s → %s naming %s', async (_label, make, code, field) => {
    const r = await runReport({ inputs: [{ input: 'hostile.json', manifest: make() }], color: false });
    expect(r.finished).toBe(true);
    expectSafe(r);
    expectFieldFinding(r.report, code, 'hostile.json', field);
    expect(r.exitCode).toBe(code === 'CONCORD-402' ? 1 : 0);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// 4. Large pages that are legitimate: they finish, and no renderer recurses or spreads its way out of the stack.
// ---------------------------------------------------------------------------------------------------------------

describe('large pages finish', HEAVY, () => {
  it('2,000 apps sharing 5 packages', async () => {
    const inputs = Array.from({ length: 2_000 }, (_, a) => ({
      input: `apps/${a}/mf-manifest.json`,
      manifest: host(
        `app${a}`,
        ['react', 'react-dom', 'zustand', 'lodash', 'ms'].map((name) => ({
          name,
          version: `1.${a % 4}.0`,
          singleton: name !== 'lodash',
        })),
      ),
    }));
    const r = await runReport({ inputs, color: false, failOn: 'never' });
    expect(r.finished).toBe(true);
    expect(r.report.apps).toHaveLength(2_000);
    expectSafe(r);
  });

  it('19,999 shared entries in one manifest (just under the cap)', async () => {
    const r = await runReport({
      inputs: [{ input: 'big.json', manifest: host('big', manySharedEntries(19_999)) }],
      color: false,
    });
    expect(r.finished).toBe(true);
    expect(r.report.matrix).toHaveLength(19_999);
    expectSafe(r);
  });

  it.each([
    ['70,000 packages × 1 app', 70_000, 1],
    ['100 packages × 1,300 apps', 100, 1_300],
    ['1 package × 20,000 apps', 1, 20_000],
  ])('every renderer handles %s', (_label, packages, apps) => {
    const report = syntheticReport(packages, apps);
    const last = `pkg-${packages - 1}`;
    for (const render of [
      (r: Report) => renderTerminal(r, { color: false }),
      renderJson,
      renderHtml,
      renderMarkdown,
    ])
      expect(render(report)).toContain(last);
    // Annotations are per finding: this report has none, only the summary line.
    expect(renderGithub(report)).toContain(`${packages} shared package`);
  });

  it('a 7 MB name in an already built report (no cap applies) renders on the terminal', () => {
    const report = syntheticReport(1, 1);
    report.apps[0]!.name = 'x'.repeat(7 * 1024 * 1024);
    expect(renderTerminal(report, { color: false, width: 80 }).length).toBeGreaterThan(7 * 1024 * 1024);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// 5. Files that are not regular files, and byte caps enforced while reading.
// ---------------------------------------------------------------------------------------------------------------

describe('inputs that are not regular files are refused without reading', HEAVY, () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'concord-hostile-'));
    mkfifo(join(dir, 'fifo'));
    mkdirSync(join(dir, 'empty-dir'));
    mkdirSync(join(dir, 'dir-named-manifest/mf-manifest.json'), { recursive: true });
    mkdirSync(join(dir, 'dir-with-fifo-manifest'));
    mkfifo(join(dir, 'dir-with-fifo-manifest/mf-manifest.json'));
    symlinkSync('/dev/zero', join(dir, 'zero-link.json'));
    writeFileSync(join(dir, 'ok.json'), JSON.stringify(host()));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    ['a FIFO with no writer', 'fifo', 'a named pipe (FIFO), not a regular file', {}],
    ['/dev/zero', '/dev/zero', 'a character device, not a regular file', { maxBytes: 1000 }],
    ['/dev/zero with the default cap', '/dev/zero', 'a character device, not a regular file', {}],
    ['/dev/urandom', '/dev/urandom', 'a character device, not a regular file', {}],
    ['/dev/null', '/dev/null', 'a character device, not a regular file', {}],
    ['a symlink to /dev/zero', 'zero-link.json', 'a character device, not a regular file', {}],
    ['a directory without a manifest', 'empty-dir', 'does not exist (looked for', {}],
    [
      'a directory whose mf-manifest.json is a directory',
      'dir-named-manifest',
      'a directory, not a regular file',
      {},
    ],
    ['a directory whose mf-manifest.json is a FIFO', 'dir-with-fifo-manifest', 'a named pipe (FIFO)', {}],
    ['a file one byte over --max-bytes', 'ok.json', 'over the', { maxBytes: 10 }],
  ])('%s → CONCORD-401', async (_label, path, text, options) => {
    const input = path.startsWith('/') ? path : join(dir, path);
    const loaded = await loadManifest(input, options);
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    expect(loaded.finding).toMatchObject({ code: 'CONCORD-401', severity: 'error', input });
    expect(loaded.finding.message).toContain(text);
  });

  it('a file exactly at --max-bytes is read', async () => {
    const text = JSON.stringify(host());
    expect(await loadManifest(join(dir, 'ok.json'), { maxBytes: Buffer.byteLength(text) })).toMatchObject({
      ok: true,
    });
  });
});

// ---------------------------------------------------------------------------------------------------------------
// 6. Options out of bounds: a TypeError naming the option (the API's usage error), before any work.
// ---------------------------------------------------------------------------------------------------------------

describe('options out of bounds', () => {
  it.each([
    ['timeoutMs', 3_000_000_000],
    ['timeoutMs', 2 ** 31],
    ['timeoutMs', Number.POSITIVE_INFINITY],
    ['timeoutMs', Number.NaN],
    ['timeoutMs', 0],
    ['timeoutMs', 1.5],
    ['maxBytes', 1e12],
    ['maxBytes', -1],
    ['width', 10],
    ['width', 1e6],
    ['deadlineMs', 1e10],
    ['deadlineMs', 0],
  ])('%s = %s', async (option, value) => {
    await expect(runReport({ inputs: [], [option]: value })).rejects.toThrow(
      new RegExp(`^\\[concord\\] \`${option}\` must be an integer from \\d+ to \\d+, got `),
    );
    if (option === 'timeoutMs' || option === 'maxBytes')
      await expect(loadManifest('x.json', { [option]: value })).rejects.toThrow(TypeError);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// 7. The overall deadline: a report that cannot finish fails closed with CONCORD-406, distinguishable from a
//    report that finished with findings.
// ---------------------------------------------------------------------------------------------------------------

describe('the overall deadline', HEAVY, () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/drip') {
        // Headers at once, then one byte at a time, never finishing within any deadline used here.
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{');
        const timer = setInterval(() => res.write(' '), 50);
        res.on('close', () => clearInterval(timer));
        return;
      }
      // /silent: never answers.
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((done) => server.close(done));
  });

  it.each(['silent', 'drip'])(
    'a URL that is %s past the deadline → finished: false, CONCORD-406',
    async (path) => {
      const r = await runReport({
        inputs: [{ input: 'local.json', manifest: host() }, `${base}/${path}`],
        timeoutMs: 600_000,
        deadlineMs: 300,
        color: false,
      });
      expect(r.finished).toBe(false);
      expect(r.exitCode).toBe(1);
      expect(r.report.findings).toHaveLength(1);
      const f = r.report.findings[0]!;
      expect(f).toMatchObject({ code: 'CONCORD-406', severity: 'error' });
      expect(f.message).toContain(`${base}/${path}`);
      expect(f.message).toContain('still loading after 300 ms');
      expect(r.text).toContain('error CONCORD-406');
      expectSafe(r);
      // failOn never still says it did not finish: the build plugins fail closed on `finished`, not only exitCode.
      const lenient = await runReport({ inputs: [`${base}/${path}`], deadlineMs: 300, failOn: 'never' });
      expect(lenient).toMatchObject({ finished: false, exitCode: 0 });
    },
  );

  it('an input that breaks the analysis is CONCORD-406 too, with the error named and no stack', async () => {
    // A manifest whose getter throws when the report reads it: stands for any bug the caps do not catch.
    const trap = host();
    Object.defineProperty(trap, 'shared', {
      get() {
        throw new RangeError('Maximum call stack size exceeded');
      },
      enumerable: true,
    });
    const r = await runReport({ inputs: [{ input: 'trap.json', manifest: trap }], color: false });
    expect(r.finished).toBe(false);
    expect(r.report.findings[0]!.message).toContain('RangeError: Maximum call stack size exceeded');
    expect(r.report.findings[0]!.message).toContain('"trap.json"');
    expectSafe(r);
  });
});
