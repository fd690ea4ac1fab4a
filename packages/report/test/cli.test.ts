// The real bin: `node dist/cli.js`, spawned as CI would, with files on disk and a local HTTP server.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, concordCli, ensureBuilt, PKG_DIR, SPAWNS } from './helpers/cli';
import { concord, contract, rspackManifest, SAMPLES, viteManifest } from './helpers/manifests';
import { everyFindingFiles, type PageFile } from './helpers/scenarios';

const pkgDir = PKG_DIR;
const bin = BIN;
const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as {
  version: string;
  bin: Record<string, string>;
};

beforeAll(ensureBuilt, 180_000);

let dir: string;
const writePage = (name: string, files: PageFile[]): string[] =>
  files.map((f) => {
    const path = join(dir, name, f.file);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, f.content);
    return path;
  });

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'concord-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('concord --help / --version / usage errors (exit 2)', SPAWNS, () => {
  it('the package bin is dist/cli.js and starts with a shebang', () => {
    // Exactly one bin: npm exec runs a package's only bin, so `npx @concord/report report …` and
    // `npx -p @concord/report concord report …` both run this file, never the unrelated npm package
    // `concord` that a bare `npx concord` resolves to where @concord/report is not a direct dependency.
    expect(pkg.bin).toEqual({ concord: './dist/cli.js' });
    expect(readFileSync(bin, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });

  it('--help documents usage and exit codes', async () => {
    const r = await concordCli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('concord report <input...> [options]');
    expect(r.stdout).toMatch(/--fail-on <level> +error \| warning \| never/);
    expect(r.stdout).toMatch(/0 +no finding at or above --fail-on/);
    expect(r.stdout).toMatch(/2 +usage error/);
  });

  it('--version prints the package version', async () => {
    expect(await concordCli(['--version'])).toMatchObject({ code: 0, stdout: `${pkg.version}\n` });
    expect((await concordCli(['-v'])).stdout).toBe(`${pkg.version}\n`);
  });

  it.each([
    [[], 'missing command'],
    [['inspect', 'x.json'], 'unknown command "inspect"'],
    [['report'], 'needs at least one manifest'],
    [['report', 'x.json', '--fail-on', 'fatal'], '--fail-on must be error, warning or never, got "fatal"'],
    [['report', 'x.json', '--nope'], "Unknown option '--nope'"],
    [['report', 'x.json', '--timeout', 'soon'], '--timeout must be an integer from 1 to 600000, got "soon"'],
    [['report', 'x.json', '--json'], "Option '--json <value>' argument missing"],
  ])('%j → exit 2', async (args, message) => {
    const r = await concordCli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).toContain('concord --help');
    expect(r.stdout).toBe('');
  });
});

describe('concord report', SPAWNS, () => {
  it('the real samples: exit 0, plain text when not a TTY', async () => {
    const r = await concordCli([
      'report',
      join(SAMPLES, 'vite-host.mf-manifest.json'),
      join(SAMPLES, 'vite-remote.mf-manifest.json'),
      join(SAMPLES, 'rspack-remote.mf-manifest.json'),
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/zustand · store library · runtime picks 5\.1\.0 from \w+/);
    expect(r.stdout).toMatch(/3 apps, 6 shared packages: 0 errors, \d+ warnings?, \d+ infos?\./);
    expect(r.stdout).not.toContain('\u001b[');
    expect(r.stderr).toBe('');
  });

  it('FORCE_COLOR colours, NO_COLOR and --no-color do not', async () => {
    const input = join(SAMPLES, 'vite-host.mf-manifest.json');
    expect((await concordCli(['report', input], { FORCE_COLOR: '1' })).stdout).toContain('\u001b[');
    expect((await concordCli(['report', input], { FORCE_COLOR: '1', NO_COLOR: '1' })).stdout).not.toContain(
      '\u001b[',
    );
    expect((await concordCli(['report', input, '--no-color'], { FORCE_COLOR: '1' })).stdout).not.toContain(
      '\u001b[',
    );
  });

  it('exit codes follow --fail-on', async () => {
    // An error: a singleton whose requiredVersion the only provided version does not satisfy (CONCORD-410).
    const paths = writePage('errors', [
      {
        file: 'host.json',
        content: JSON.stringify(
          viteManifest('host', [
            { name: 'react', version: '19.3.1', requiredVersion: '^19.0.0', singleton: true },
          ]),
        ),
      },
      {
        file: 'remote.json',
        content: JSON.stringify(
          viteManifest('remote', [
            { name: 'react', version: '18.3.1', requiredVersion: '^18.0.0', singleton: true },
          ]),
        ),
      },
    ]);
    expect((await concordCli(['report', ...paths])).code).toBe(1);
    expect((await concordCli(['report', ...paths, '--fail-on', 'warning'])).code).toBe(1);
    expect((await concordCli(['report', ...paths, '--fail-on', 'never'])).code).toBe(0);
    // A clean page passes even at --fail-on warning (which warning a config gets is the analysis' business,
    // covered by its own tests; here only the mapping of severities to exit codes).
    const [clean] = writePage('clean', [
      {
        file: 'a.json',
        content: JSON.stringify(
          viteManifest('a', [
            { name: 'react', version: '19.3.1', requiredVersion: '^19.0.0', singleton: true },
          ]),
        ),
      },
    ]);
    expect((await concordCli(['report', clean!, '--fail-on', 'warning'])).code).toBe(0);
  });

  it('an unreadable input is a finding, not a crash: exit per --fail-on', async () => {
    const missing = join(dir, 'nope/mf-manifest.json');
    const r = await concordCli(['report', join(SAMPLES, 'vite-host.mf-manifest.json'), missing]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('error CONCORD-401');
    expect(r.stdout).toContain('does not exist');
    expect(r.stderr).toBe('');
    expect((await concordCli(['report', missing, '--fail-on', 'never'])).code).toBe(0);
  });

  it('the contract test: CI fails when the writer renames a field a reader uses', async () => {
    const slices = (fields: string[]) => ({ cart: { owner: 'cart', fields } });
    const page = (fields: string[]) =>
      writePage(`contract-${fields.join()}`, [
        {
          file: 'cart/mf-manifest.json',
          content: JSON.stringify(
            viteManifest(
              'cart',
              [],
              concord({
                app: 'cart',
                bundler: 'vite',
                contract: contract('1.3.0', slices(fields)),
                owns: ['cart'],
              }),
            ),
          ),
        },
        {
          file: 'catalog/mf-manifest.json',
          content: JSON.stringify(
            rspackManifest(
              'catalog',
              [],
              concord({
                app: 'catalog',
                bundler: 'rspack',
                contract: contract('1.2.0', slices(['count'])),
                reads: ['cart.count'],
              }),
            ),
          ),
        },
      ]);
    expect((await concordCli(['report', ...page(['count'])])).code).toBe(0);
    const broken = await concordCli(['report', ...page(['itemCount'])]);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain('error CONCORD-422');
  });

  it('--json and --html write files (relative to the working directory) and say so on stderr', async () => {
    const r = await concordCli(
      [
        'report',
        join(SAMPLES, 'vite-host.mf-manifest.json'),
        '--json',
        'out/report.json',
        '--html',
        'out/report.html',
      ],
      {},
      dir,
    );
    expect(r.code).toBe(0);
    const json = JSON.parse(readFileSync(join(dir, 'out/report.json'), 'utf8'));
    expect(json).toMatchObject({ schema: 1, tool: { name: '@concord/report', version: pkg.version } });
    expect(readFileSync(join(dir, 'out/report.html'), 'utf8')).toMatch(/^<!doctype html>/);
    expect(r.stderr).toContain(`concord: wrote ${join(dir, 'out/report.json')}`);
  });

  it('--json - prints the JSON instead of the table', async () => {
    const r = await concordCli(['report', join(SAMPLES, 'vite-host.mf-manifest.json'), '--json', '-']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).apps[0].name).toBe('host');
  });

  it('an output file that cannot be written is a usage error', async () => {
    const file = join(dir, 'a-file');
    writeFileSync(file, '');
    const r = await concordCli([
      'report',
      join(SAMPLES, 'vite-host.mf-manifest.json'),
      '--json',
      join(file, 'x.json'),
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/ENOTDIR|EEXIST/);
  });

  it('--width fits the table', async () => {
    const paths = writePage('width', everyFindingFiles());
    const r = await concordCli(['report', ...paths, '--width', '60']);
    for (const line of r.stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(60);
  });

  describe('URLs', () => {
    let server: Server;
    let base: string;
    beforeAll(async () => {
      const host = readFileSync(join(SAMPLES, 'vite-host.mf-manifest.json'));
      server = createServer((req, res) => {
        if (req.url === '/host/mf-manifest.json')
          return res.writeHead(200, { 'content-type': 'application/json' }).end(host);
        if (req.url === '/slow/mf-manifest.json') return; // never answers
        res.writeHead(404).end();
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    });

    it('reads URLs; a 404 and a timeout are findings', async () => {
      expect((await concordCli(['report', `${base}/host/mf-manifest.json`])).code).toBe(0);
      const r = await concordCli([
        'report',
        `${base}/host/mf-manifest.json`,
        `${base}/cart/mf-manifest.json`,
        `${base}/slow/mf-manifest.json`,
        '--timeout',
        '300',
      ]);
      expect(r.code).toBe(1);
      expect(r.stdout).toContain('answered HTTP 404');
      expect(r.stdout).toContain('did not answer within 300 ms');
    });
  });
});
