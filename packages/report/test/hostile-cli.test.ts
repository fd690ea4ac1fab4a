// The CLI half of the hostile-input table (hostile-input.test.ts holds the API half), plus the CI formats and
// `concord explain` through the real bin. Each row ends in a finding naming the input (and the field), or a
// usage error (exit 2) — never a stack trace, never a hang.
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { concordCli, ensureBuilt, PKG_DIR, type Run, SPAWNS } from './helpers/cli';
import { mkfifo, PROTO_NAMES } from './helpers/hostile';
import { SAMPLES, viteManifest } from './helpers/manifests';

beforeAll(ensureBuilt, 180_000);

let dir: string;
let server: Server;
let base: string;
const file = (name: string, content: string | object): string => {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'concord-hostile-cli-'));
  mkfifo(join(dir, 'fifo.json'));
  mkdirSync(join(dir, 'empty'));
  server = createServer(() => {}); // never answers
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((done) => server.close(done));
  rmSync(dir, { recursive: true, force: true });
});

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const RAW = /[\u001b\u009b\u202e]/;

/** No stack trace on either stream, whatever happened. */
function expectNoStack(r: Run): void {
  expect(r.stdout).not.toMatch(/\n\s+at .+:\d+:\d+/);
  expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
}

const react = (version: string, requiredVersion?: string) => ({
  name: 'react',
  version,
  singleton: true,
  ...(requiredVersion !== undefined && { requiredVersion }),
});

// [label, args (paths are made in beforeAll / by the row), exit code, text on stdout (1) or stderr (2)]
type Row = [string, () => string[], number, string[]];

const ROWS: Row[] = [
  ['a FIFO', () => ['report', join(dir, 'fifo.json')], 1, ['error CONCORD-401', 'named pipe (FIFO)']],
  [
    '/dev/zero with --max-bytes 1000',
    () => ['report', '/dev/zero', '--max-bytes', '1000'],
    1,
    ['CONCORD-401', 'character device'],
  ],
  [
    'a directory without a manifest',
    () => ['report', join(dir, 'empty')],
    1,
    ['CONCORD-401', 'does not exist'],
  ],
  [
    'a requiredVersion of ^ and 300,000 spaces',
    () => ['report', file('range.json', viteManifest('a', [react('19.3.1', `^${' '.repeat(300_000)}`)]))],
    1,
    ['CONCORD-402', '`shared[0].requiredVersion`', 'a range of at most 256 characters'],
  ],
  [
    'a 10 MB app name over the default --max-bytes',
    () => [
      'report',
      file('huge-name.json', {
        name: 'x'.repeat(10 * 1024 * 1024),
        metaData: { remoteEntry: { type: 'module' } },
        shared: [],
      }),
    ],
    1,
    ['CONCORD-401', 'is 10.0 MB, over the 8.0 MB limit'],
  ],
  [
    'a 10 MB app name under a raised --max-bytes',
    () => ['report', join(dir, 'huge-name.json'), '--max-bytes', String(20 * 1024 * 1024)],
    1,
    ['CONCORD-402', '`name`', 'a string of 10485760 characters'],
  ],
  [
    '100,000 shared entries',
    () => [
      'report',
      file(
        'many.json',
        viteManifest(
          'a',
          Array.from({ length: 100_000 }, (_, i) => ({ name: `p${i}`, version: '1.0.0' })),
        ),
      ),
      '--max-bytes',
      String(64 * 1024 * 1024),
    ],
    1,
    ['CONCORD-402', '`shared`', 'at most 20000 entries'],
  ],
  [
    'escape sequences in names: shown, not obeyed',
    () => [
      'report',
      file('esc.json', viteManifest('cart\u001b[8m\u001b[2J\u202e', [react('19.3.1')])),
      file('esc2.json', viteManifest('other', [react('18.3.1', '^18.0.0')])),
    ],
    1,
    ['cart\\x1b[8m\\x1b[2J\\u202e'],
  ],
  [
    `prototype-member names (${PROTO_NAMES.length} apps, each sharing react and a package of its own name)`,
    () =>
      PROTO_NAMES.map((p, i) =>
        file(
          `proto-${i}.json`,
          viteManifest(p, [react(`${i + 1}.0.0`, `^${i + 1}.0.0`), { name: p, version: '1.0.0' }]),
        ),
      ).flatMap((path, i) => (i === 0 ? ['report', path] : [path])),
    1,
    ['CONCORD-410', '"toString" (vite)', '12 apps'],
  ],
  [
    'a URL that never answers, past --deadline',
    () => ['report', `${base}/mf-manifest.json`, '--deadline', '500', '--timeout', '600000'],
    1,
    ['error CONCORD-406', 'still loading after 500 ms'],
  ],
  [
    '--timeout 3000000000',
    () => ['report', 'x.json', '--timeout', '3000000000'],
    2,
    ['--timeout must be an integer from 1 to 600000, got "3000000000"'],
  ],
  ['--timeout 1e3', () => ['report', 'x.json', '--timeout', '1e3'], 2, ['--timeout must be an integer']],
  ['--timeout -5', () => ['report', 'x.json', '--timeout=-5'], 2, ['--timeout must be an integer']],
  [
    '--max-bytes 99999999999',
    () => ['report', 'x.json', '--max-bytes', '99999999999'],
    2,
    ['--max-bytes must be an integer from 1 to 268435456'],
  ],
  [
    '--width 5',
    () => ['report', 'x.json', '--width', '5'],
    2,
    ['--width must be an integer from 40 to 1000'],
  ],
  [
    '--deadline 0',
    () => ['report', 'x.json', '--deadline', '0'],
    2,
    ['--deadline must be an integer from 1 to 3600000'],
  ],
  [
    '--format xml',
    () => ['report', 'x.json', '--format', 'xml'],
    2,
    ['--format must be terminal, json, markdown, github, html'],
  ],
  [
    '--json - with --format markdown',
    () => ['report', 'x.json', '--json', '-', '--format', 'markdown'],
    2,
    ['contradicts --format markdown'],
  ],
  ['explain with no code', () => ['explain'], 2, ['`explain` takes one code']],
  ['explain an unknown code', () => ['explain', 'CONCORD-999'], 2, ['no diagnostic "CONCORD-999"']],
  ['explain a non-code', () => ['explain', '$(rm -rf /)'], 2, ['no diagnostic']],
];

describe('hostile input through the CLI', SPAWNS, () => {
  it.each(ROWS)('%s', async (_label, args, code, texts) => {
    const r = await concordCli(args());
    expectNoStack(r);
    expect(r.code, r.stderr).toBe(code);
    // The terminal wraps at 80 columns: compare with runs of white space squashed.
    const out = (code === 2 ? r.stderr : r.stdout).replace(/\s+/g, ' ');
    for (const text of texts) expect(out).toContain(text);
    if (code === 2) expect(r.stdout).toBe('');
    // Nothing from a manifest reaches the terminal raw.
    expect(r.stdout).not.toMatch(RAW);
  });

  it('JSON keeps the real string the terminal escaped', async () => {
    const r = await concordCli(['report', join(dir, 'esc.json'), '--format', 'json']);
    expect(JSON.parse(r.stdout).apps[0].name).toBe('cart\u001b[8m\u001b[2J\u202e');
  });
});

describe('CI formats through the CLI', SPAWNS, () => {
  const samples = [
    'vite-host.mf-manifest.json',
    'vite-remote.mf-manifest.json',
    'rspack-remote.mf-manifest.json',
  ];

  it('--format markdown: the summary a job can append to $GITHUB_STEP_SUMMARY', async () => {
    const r = await concordCli(['report', ...samples.map((s) => join(SAMPLES, s)), '--format', 'markdown']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^## Concord report\n\n\*\*3 apps, 6 shared packages/);
    expect(r.stdout).toContain('<details><summary>Shared packages × apps (6)</summary>');
  });

  it('--format github: one annotation per finding, exit code per --fail-on', async () => {
    const a = file('gh-a.json', viteManifest('host', [react('19.3.1')]));
    const b = file('gh-b.json', viteManifest('remote', [react('18.3.1', '^18.0.0')]));
    const r = await concordCli(['report', a, b, '--format', 'github']);
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.at(-1)).toMatch(/^2 apps, 1 shared package: 1 error/);
    expect(lines.find((l) => l.startsWith('::error '))).toMatch(
      new RegExp(`^::error file=${b.replaceAll(',', '%2C').replaceAll(':', '%3A')},title=CONCORD-410 `),
    );
  });
});

describe('concord explain', SPAWNS, () => {
  it.each(['CONCORD-201', 'concord-406', '401'])(
    '%s prints the entry of docs/diagnostics.md',
    async (code) => {
      const r = await concordCli(['explain', code]);
      expect(r.code).toBe(0);
      const norm = `CONCORD-${code.slice(-3)}`;
      expect(r.stdout).toMatch(new RegExp(`^## ${norm} `));
      expect(r.stdout).toContain('**Fixes**');
      expect(r.stdout).toContain(`(docs/diagnostics.md#${norm.toLowerCase()})`);
      // One entry only: the next heading is not part of it.
      expect(r.stdout.match(/^## CONCORD-/gm)).toHaveLength(1);
      const docs = readFileSync(join(PKG_DIR, '../../docs/diagnostics.md'), 'utf8');
      expect(docs).toContain(r.stdout.split('\n\n')[1]!);
    },
  );

  it('works from an installed copy, far from the repository and its docs/', async () => {
    // The layout npm gives an installed package: node_modules/@concord/report/{package.json,dist}, with its
    // dependencies beside it. No docs/ anywhere above: the text must be inside dist/cli.js.
    const project = mkdtempSync(join(tmpdir(), 'concord-explain-'));
    try {
      const installed = join(project, 'node_modules/@concord/report');
      mkdirSync(installed, { recursive: true });
      cpSync(join(PKG_DIR, 'dist'), join(installed, 'dist'), { recursive: true });
      cpSync(join(PKG_DIR, 'package.json'), join(installed, 'package.json'));
      for (const dep of ['picocolors', '@module-federation/runtime-core', '@concord/runtime-plugin']) {
        mkdirSync(join(project, 'node_modules', dep, '..'), { recursive: true });
        symlinkSync(realpathSync(join(PKG_DIR, 'node_modules', dep)), join(project, 'node_modules', dep));
      }
      const r = await concordCli(['explain', 'CONCORD-201'], {}, project, join(installed, 'dist/cli.js'));
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^## CONCORD-201 /);
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  });
});
