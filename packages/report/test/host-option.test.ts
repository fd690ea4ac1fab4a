// The `host` option through the public entry points (issue #11.1): `runReport({ host })` and `concord report
// --host <app>`. The host's shares register first and keep their slot, so naming it changes which app the
// report says provides a version; a name that is none of the inputs is refused (CONCORD-407), never guessed.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runReport } from '@concord/report';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { concordCli, ensureBuilt, SPAWNS } from './helpers/cli';
import { rspackManifest, viteManifest } from './helpers/manifests';

// Two apps provide zustand 5.1.0; neither lists the other as a remote, so by default the first input is the
// host. "zed" sorts after "alpha": between remotes the runtime's name tie-break would pick zed.
const alpha = viteManifest('alpha', [{ name: 'zustand', version: '5.1.0', singleton: true }]);
const zed = rspackManifest('zed', [{ name: 'zustand', version: '5.1.0' }]);
const inputs = [
  { input: 'alpha/mf-manifest.json', manifest: alpha },
  { input: 'zed/mf-manifest.json', manifest: zed },
];
const provider = async (host?: string | false) =>
  (await runReport({ inputs, color: false, ...(host !== undefined && { host }) })).report.matrix[0]!.selected;

describe('runReport({ host })', () => {
  it('detects the first input by default, and takes the named host or `false` over it', async () => {
    expect(await provider()).toEqual({ app: 'alpha', version: '5.1.0' });
    expect(await provider('zed')).toEqual({ app: 'zed', version: '5.1.0' });
    expect(await provider(false)).toEqual({ app: 'zed', version: '5.1.0' });
  });

  it('refuses a host that is none of the inputs with CONCORD-407, naming it and the apps given', async () => {
    const error = await runReport({ inputs, host: 'shell' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toContain(
      '[concord] CONCORD-407 `host` names "shell", which is none of the apps of the inputs ("alpha", "zed")',
    );
    expect((error as Error).message).toContain('docs/diagnostics.md#concord-407');
  });

  it('says when the named host may be an input that could not be read', async () => {
    const error = await runReport({
      inputs: [...inputs, join(tmpdir(), 'concord-no-such-dir', 'mf-manifest.json')],
      host: 'shell',
    }).catch((e: unknown) => e);
    expect((error as Error).message).toContain('1 input was not readable (CONCORD-401/402)');
  });

  it.each([
    ['', '""'],
    [true, 'true'],
    [0, '0'],
  ])('refuses host %j with a TypeError naming `host`', async (host, shown) => {
    // biome-ignore lint/suspicious/noExplicitAny: an invalid value from untyped (JavaScript) callers
    const error = await runReport({ inputs, host: host as any }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toBe(`[concord] \`host\` must be an app's name or false, got ${shown}`);
  });
});

describe('concord report --host', SPAWNS, () => {
  let dir: string;
  let files: string[];
  beforeAll(() => {
    ensureBuilt();
    dir = mkdtempSync(join(tmpdir(), 'concord-host-'));
    files = [
      ['alpha.json', alpha],
      ['zed.json', zed],
    ].map(([file, manifest]) => {
      const path = join(dir, file as string);
      writeFileSync(path, JSON.stringify(manifest));
      return path;
    });
  }, 180_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('names the provider the host decides: the first input, --host zed, --host none', async () => {
    const json = async (...extra: string[]) => {
      const r = await concordCli(['report', ...files, '--format', 'json', ...extra]);
      expect(r.code).toBe(0);
      return JSON.parse(r.stdout).matrix[0].selected;
    };
    expect(await json()).toEqual({ app: 'alpha', version: '5.1.0' });
    expect(await json('--host', 'zed')).toEqual({ app: 'zed', version: '5.1.0' });
    expect(await json('--host', 'none')).toEqual({ app: 'zed', version: '5.1.0' });
  });

  it.each([
    [['--host', 'shell'], 'CONCORD-407 `host` names "shell", which is none of the apps of the inputs'],
    [['--host', ' '], '--host needs the name of an app among the inputs, or "none"'],
    [['--host'], "Option '--host <value>' argument missing"],
  ])('%j → exit 2', async (extra, message) => {
    const r = await concordCli(['report', ...files, ...extra]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stdout).toBe('');
  });
});

describe('runReport({ unbuilt })', () => {
  // A shell that loads cart and billing, reported before either remote is built.
  const shell = {
    ...viteManifest('shell', [{ name: 'zustand', version: '5.1.0', singleton: true }]),
    remotes: ['cart', 'billing'].map((name) => ({
      federationContainerName: name,
      moduleName: 'mount',
      alias: name,
      entry: `https://cdn.example/${name}/mf-manifest.json`,
    })),
  };
  const unchecked = async (unbuilt?: string[]) =>
    (
      await runReport({ inputs: [{ input: 'shell', manifest: shell }], ...(unbuilt && { unbuilt }) })
    ).report.findings
      .filter((f) => f.code === 'CONCORD-429')
      .map((f) => f.apps![1]);

  it('names every remote it was not given by default', async () => {
    expect(await unchecked()).toEqual(['billing', 'cart']);
  });

  it('leaves out a remote whose expected manifest is not built yet (the caller named it), and only that one', async () => {
    expect(await unchecked(['/work/shop/cart/dist/mf-manifest.json'])).toEqual(['billing']);
    expect(await unchecked(['..\\cart\\dist\\mf-manifest.json', '../billing/mf-manifest.json'])).toEqual([]);
    // A directory far above the file names the machine's layout, not an app.
    expect(await unchecked(['/billing/work/shop/x/dist/mf-manifest.json'])).toEqual(['billing', 'cart']);
  });
});
