import { mkdirSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type LoadedInput, loadManifest, parseManifest } from '@concord/report';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { concord, SAMPLES, viteManifest } from './helpers/manifests';

const hostText = readFileSync(join(SAMPLES, 'vite-host.mf-manifest.json'), 'utf8');
const host = JSON.parse(hostText) as Record<string, unknown>;

/** An input that failed: the finding names the input (and the field), and is a sentence, not a stack trace. */
function expectRejected(result: LoadedInput, code: string, text: string, field?: string) {
  expect(result.ok, JSON.stringify(result)).toBe(false);
  if (result.ok) return;
  const f = result.finding;
  expect(f.code).toBe(code);
  expect(f.severity).toBe('error');
  expect(f.input).toBe(result.input);
  expect(f.message).toContain(JSON.stringify(result.input));
  expect(f.message).toContain(text);
  expect(f.message).not.toMatch(/\n\s+at /);
  if (field !== undefined) {
    expect(f.field).toBe(field);
    expect(f.message).toContain(`\`${field}\``);
  }
}

describe('inputs by path', () => {
  let dir: string;
  const file = (name: string, content: string | object): string => {
    const path = join(dir, name);
    writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
    return path;
  };
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'concord-load-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    ['vite-host.mf-manifest.json', 'host', 'vite', 'manifest'],
    ['vite-remote.mf-stats.json', 'remoteVite', 'vite', 'stats'],
    ['rspack-remote.mf-manifest.json', 'remoteRspack', 'enhanced', 'manifest'],
    ['rspack-remote.mf-stats.json', 'remoteRspack', 'enhanced', 'stats'],
  ])('reads the real sample %s', async (name, app, bundler, kind) => {
    const result = await loadManifest(join(SAMPLES, name));
    expect(result).toMatchObject({ ok: true, app, bundler, manifest: { kind } });
  });

  it('resolves relative paths against `cwd` and directories to their mf-manifest.json', async () => {
    mkdirSync(join(dir, 'dist'));
    file('dist/mf-manifest.json', hostText);
    expect(await loadManifest('dist', { cwd: dir })).toMatchObject({ ok: true, app: 'host' });
    expect(await loadManifest(`file://${join(dir, 'dist/mf-manifest.json')}`)).toMatchObject({ ok: true });
  });

  it("reads a small file after a large one without the large one's bytes (the read buffer is reused)", async () => {
    const big = { ...host, name: 'big', padding: 'x'.repeat(200_000) };
    const small = { ...host, name: 'small' };
    const results = [];
    for (const [name, content] of [
      ['big.json', big],
      ['small.json', small],
      ['big2.json', big],
    ] as const)
      results.push(await loadManifest(file(name, content)));
    expect(results.map((r) => (r.ok ? r.app : r.finding.message))).toEqual(['big', 'small', 'big']);
  });

  it('a byte-order mark is not an error', async () => {
    expect(await loadManifest(file('bom.json', `\uFEFF${hostText}`))).toMatchObject({
      ok: true,
      app: 'host',
    });
  });

  it('a missing file', async () => {
    expectRejected(await loadManifest(join(dir, 'nope.json')), 'CONCORD-401', 'does not exist');
  });

  it('a 40 MB file is refused by its size', async () => {
    const path = file('huge.json', '');
    truncateSync(path, 40 * 1024 * 1024);
    expectRejected(await loadManifest(path), 'CONCORD-401', 'is 40.0 MB, over the 8.0 MB limit');
  });

  it('truncated JSON', async () => {
    const result = await loadManifest(file('cut.json', hostText.slice(0, hostText.length / 2)));
    expectRejected(result, 'CONCORD-402', 'is not valid JSON');
  });

  it('HTML instead of JSON', async () => {
    const result = await loadManifest(
      file('page.json', '\n<!doctype html><html><body>Sign in</body></html>'),
    );
    expectRejected(result, 'CONCORD-402', 'is HTML, not JSON');
  });

  it('an empty file', async () => {
    expectRejected(await loadManifest(file('empty.json', '')), 'CONCORD-402', 'is empty');
  });

  const shared = host.shared as Record<string, unknown>[];
  it.each([
    ['a JSON array', [], '(root)', 'an array'],
    ['no name', { ...host, name: undefined }, 'name', 'nothing'],
    ['no metaData', { ...host, metaData: 'x' }, 'metaData', '"x"'],
    ['no shared (disableAssetsAnalyze)', { ...host, shared: undefined }, 'shared', 'nothing'],
    [
      'a version that is a number',
      { ...host, shared: [shared[0], { ...shared[1], version: 5 }] },
      'shared[1].version',
      'number 5',
    ],
    [
      'a shared entry without a name',
      { ...host, shared: [{ ...shared[0], name: undefined }] },
      'shared[0].name',
      'nothing',
    ],
    [
      'singleton as a string',
      { ...host, shared: [{ ...shared[0], singleton: 'yes' }] },
      'shared[0].singleton',
      '"yes"',
    ],
    [
      'requiredVersion as a number',
      { ...host, shared: [{ ...shared[0], requiredVersion: 18 }] },
      'shared[0].requiredVersion',
      'number 18',
    ],
    [
      'remoteEntry.type as a number',
      { ...host, metaData: { ...(host.metaData as object), remoteEntry: { type: 1 } } },
      'metaData.remoteEntry.type',
      'number 1',
    ],
  ])('wrong shape: %s', async (_, content, field, got) => {
    const result = await loadManifest(file(`shape-${field}.json`, content as object));
    expectRejected(result, 'CONCORD-402', `has ${got} at`, field);
  });

  it('accepts Rspack’s `requiredVersion: null` and a missing `singleton`', async () => {
    const content = { ...host, shared: [{ ...shared[0], requiredVersion: null, singleton: undefined }] };
    const result = await loadManifest(file('nulls.json', content));
    expect(result).toMatchObject({
      ok: true,
      manifest: { shared: [{ requiredVersion: null, singleton: null }] },
    });
  });

  it('a malformed `concord` block is a warning and the manifest is still used', async () => {
    const bad = {
      ...host,
      concord: { schema: 1, app: 'host', bundler: 'vite', shared: { zustand: { singleton: 'yes' } } },
    };
    const result = await loadManifest(file('bad-concord.json', bad));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.manifest.concord).toBeNull();
    expect(result.findings).toMatchObject([
      { code: 'CONCORD-403', severity: 'warning', field: 'concord.shared.zustand.singleton' },
    ]);
    const newer = await loadManifest(file('newer.json', { ...host, concord: { schema: 2 } }));
    expect(newer.ok && newer.findings[0]?.message).toContain(
      'uses schema 2, newer than this report understands',
    );
  });

  it('never throws, whatever the bytes', async () => {
    for (const junk of [
      'null',
      '42',
      '"x"',
      '{"name":"a","metaData":{},"shared":[null]}',
      '\u0000\u0001',
      '[[[[[[',
      '{"__proto__":{}}',
    ]) {
      const result = await loadManifest(file('junk.json', junk));
      expect(result.ok).toBe(false);
    }
  });
});

describe('inputs by URL (a real HTTP server on 127.0.0.1)', () => {
  let server: Server;
  let base: string;
  let closedPort: number;

  beforeAll(async () => {
    server = createServer((req, res) => {
      const json = { 'content-type': 'application/json' };
      switch (req.url) {
        case '/host/mf-manifest.json':
          return res.writeHead(200, json).end(hostText);
        case '/redirect':
          return res.writeHead(302, { location: '/host/mf-manifest.json' }).end();
        case '/html':
          return res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>App</title>');
        case '/truncated':
          return res.writeHead(200, json).end(hostText.slice(0, 300));
        case '/never':
          return; // accepts the connection, never answers
        case '/stalls':
          res.writeHead(200, json);
          return res.write(hostText.slice(0, 100)); // headers and a bit of body, then nothing
        case '/huge-declared':
          res.writeHead(200, { ...json, 'content-length': String(40 * 1024 * 1024) });
          return res.write('{');
        case '/huge': {
          // 40 MB, chunked, no content-length: only the byte cap stops it.
          res.writeHead(200, json);
          const chunk = Buffer.alloc(64 * 1024, 0x20);
          let sent = 0;
          const pump = () => {
            while (sent < 40 * 1024 * 1024) {
              sent += chunk.length;
              if (!res.write(chunk)) return void res.once('drain', pump);
            }
            res.end();
          };
          res.on('close', () => (sent = Number.POSITIVE_INFINITY));
          return pump();
        }
        default:
          return res.writeHead(404, { 'content-type': 'text/plain' }).end('Not Found');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    closedPort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('reads a manifest, following redirects', async () => {
    expect(await loadManifest(`${base}/host/mf-manifest.json`)).toMatchObject({
      ok: true,
      app: 'host',
      bundler: 'vite',
    });
    expect(await loadManifest(`${base}/redirect`)).toMatchObject({ ok: true, app: 'host' });
  });

  it('a 404', async () => {
    expectRejected(
      await loadManifest(`${base}/cart/mf-manifest.json`),
      'CONCORD-401',
      'answered HTTP 404 Not Found',
    );
  });

  it('HTML instead of JSON', async () => {
    expectRejected(await loadManifest(`${base}/html`), 'CONCORD-402', 'is HTML, not JSON');
  });

  it('truncated JSON', async () => {
    expectRejected(await loadManifest(`${base}/truncated`), 'CONCORD-402', 'is not valid JSON');
  });

  it('a server that never answers, and one that stalls mid-body, time out', async () => {
    expectRejected(
      await loadManifest(`${base}/never`, { timeoutMs: 300 }),
      'CONCORD-401',
      'did not answer within 300 ms',
    );
    expectRejected(
      await loadManifest(`${base}/stalls`, { timeoutMs: 300 }),
      'CONCORD-401',
      'did not answer within 300 ms',
    );
  });

  it('a 40 MB response is cut off at the byte cap', async () => {
    expectRejected(
      await loadManifest(`${base}/huge`),
      'CONCORD-401',
      'sent more than 8.0 MB, over the 8.0 MB limit',
    );
    expectRejected(await loadManifest(`${base}/huge-declared`), 'CONCORD-401', 'declares 40.0 MB');
    expectRejected(
      await loadManifest(`${base}/host/mf-manifest.json`, { maxBytes: 1000 }),
      'CONCORD-401',
      'over the 1000 B limit',
    );
  });

  it('an unreachable host', async () => {
    const result = await loadManifest(`http://127.0.0.1:${closedPort}/mf-manifest.json`, { timeoutMs: 2000 });
    expectRejected(result, 'CONCORD-401', 'is unreachable (ECONNREFUSED)');
  });

  it('an unsupported scheme', async () => {
    expectRejected(
      await loadManifest('ftp://example.com/mf-manifest.json'),
      'CONCORD-401',
      'unsupported scheme ftp:',
    );
  });
});

describe('validated entries are shared between manifests', () => {
  const parse = (name: string, requiredVersion: string, singleton: boolean) =>
    parseManifest(
      JSON.stringify(
        viteManifest(
          name,
          [{ name: '@tanstack/query-core/build', version: '5.62.1', requiredVersion, singleton }],
          concord({
            app: name,
            bundler: 'vite',
            shared: {
              'react-dom/client': {
                version: '19.3.1',
                requiredVersion: '^19.0.0 || ^18.3.1',
                singleton: true,
              },
            },
          }),
        ),
      ),
      `${name}/mf-manifest.json`,
    );

  it('one frozen object per distinct entry and configuration, whatever manifest it came from', () => {
    const a = parse('cart', '^5.62.1', true);
    const b = parse('checkout', '^5.62.1', true);
    const c = parse('search', '~5.62.1', true);
    if (!a.ok || !b.ok || !c.ok) throw new Error('a sample was rejected');
    expect(a.manifest.shared[0]).toEqual({
      name: '@tanstack/query-core/build',
      version: '5.62.1',
      requiredVersion: '^5.62.1',
      singleton: true,
    });
    expect(b.manifest.shared[0]).toBe(a.manifest.shared[0]);
    // Another range is another entry.
    expect(c.manifest.shared[0]).not.toBe(a.manifest.shared[0]);
    expect(c.manifest.shared[0]!.requiredVersion).toBe('~5.62.1');
    expect(Object.isFrozen(a.manifest.shared[0])).toBe(true);
    // A shared object must not be changed through one manifest: it is frozen, so the change throws.
    expect(() => {
      (a.manifest.shared[0] as { singleton: boolean | null }).singleton = false;
    }).toThrow(TypeError);
    expect(b.manifest.shared[0]!.singleton).toBe(true);
    const configured = (r: LoadedInput) =>
      r.ok ? r.manifest.concord?.shared['react-dom/client'] : undefined;
    expect(configured(a)).toEqual({
      version: '19.3.1',
      requiredVersion: '^19.0.0 || ^18.3.1',
      singleton: true,
      strictVersion: undefined,
      import: undefined,
      eager: undefined,
    });
    expect(configured(b)).toBe(configured(a));
    expect(Object.isFrozen(configured(a))).toBe(true);
  });
});
