import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPORT_DEFAULTS, reportInputs, runBuildReport } from '@concord/build-core';
import { afterAll, describe, expect, it } from 'vitest';
import { makeApp, removeApps } from './helpers/app';
import { recordingLogger } from './helpers/logger';
import { zustandManifest as manifest } from './helpers/manifest';

afterAll(removeApps);

function setup() {
  const root = makeApp({});
  const { lines, logger } = recordingLogger();
  writeFileSync(join(root, 'cart.json'), manifest('cart', { version: '5.1.0', requiredVersion: '^5.1.0' }));
  writeFileSync(join(root, 'host.json'), manifest('host', { version: '4.5.7', requiredVersion: '^4.5.0' }));
  return { root, lines, logger };
}

describe('runBuildReport', () => {
  it('resolves relative manifests from the app root and keeps URLs', () => {
    expect(
      reportInputs('/out/mf-manifest.json', ['../host/mf.json', 'https://cdn.test/mf.json'], '/apps/cart'),
    ).toEqual(['/out/mf-manifest.json', '/apps/host/mf.json', 'https://cdn.test/mf.json']);
  });

  it('prints the table, and returns CONCORD-112 when a finding reaches failOn', async () => {
    const { root, lines, logger } = setup();
    const options = { ...REPORT_DEFAULTS, manifests: ['host.json'], write: false };
    const error = await runBuildReport({
      app: 'cart',
      root,
      manifest: join(root, 'cart.json'),
      outDir: root,
      options,
      logger,
      color: false,
    });
    expect(lines[0]!.level).toBe('info');
    expect(lines[0]!.text).toMatch(/zustand/);
    expect(error?.code).toBe('CONCORD-112');
    expect(error?.message).toMatch(
      /the Concord report for app "cart" found \d+ errors? .*`concord\.report\.failOn` is "error"/,
    );
    const never = await runBuildReport({
      app: 'cart',
      root,
      manifest: join(root, 'cart.json'),
      outDir: root,
      options: { ...options, failOn: 'never' },
      logger,
    });
    expect(never).toBeUndefined();
  });

  it('fails closed: a report that cannot finish is CONCORD-117 unless failOn is "never" (then CONCORD-113)', async () => {
    const { root, lines, logger } = setup();
    const blocked = join(root, 'cart.json', 'out'); // a directory under a file: cannot be created
    const run = (failOn: 'error' | 'warning' | 'never') =>
      runBuildReport({
        app: 'cart',
        root,
        manifest: join(root, 'cart.json'),
        outDir: blocked,
        options: { ...REPORT_DEFAULTS, failOn },
        logger,
      });
    for (const failOn of ['error', 'warning'] as const) {
      const error = await run(failOn);
      expect(error?.code).toBe('CONCORD-117');
      expect(error?.message).toMatch(
        new RegExp(
          `the Concord report for app "cart" could not finish \\(.+\\) and \`concord\\.report\\.failOn\` is "${failOn}", so the build fails`,
        ),
      );
    }
    // Nothing printed beside the error: never a CONCORD-113 warning next to a real error.
    expect(lines).toEqual([]);
    expect(await run('never')).toBeUndefined();
    expect(lines.map((l) => l.level)).toEqual(['warn']);
    expect(lines[0]!.text).toMatch(
      /^\[concord\] CONCORD-113 the Concord report for app "cart" did not run \(/,
    );
  });

  it("fails closed when this build's own manifest is missing", async () => {
    const { root, logger } = setup();
    const error = await runBuildReport({
      app: 'cart',
      root,
      manifest: join(root, 'missing.json'),
      outDir: root,
      options: { ...REPORT_DEFAULTS, write: false },
      logger,
    });
    expect(error?.code).toBe('CONCORD-117');
    expect(error?.message).toContain("this build's own manifest");
  });

  it('checks without a sibling manifest not built yet (CONCORD-118 info), but a malformed one stays a finding', async () => {
    const { root, lines, logger } = setup();
    const run = (manifests: string[]) =>
      runBuildReport({
        app: 'cart',
        root,
        manifest: join(root, 'cart.json'),
        outDir: root,
        options: { ...REPORT_DEFAULTS, write: false, manifests },
        logger,
      });
    expect(await run(['../host/dist/mf-manifest.json'])).toBeUndefined();
    expect(lines[0]).toEqual({
      level: 'info',
      text: expect.stringMatching(
        /^\[concord\] CONCORD-118 the manifest ".*host\/dist\/mf-manifest\.json" that app "cart" checks against does not exist yet/,
      ),
    });
    writeFileSync(join(root, 'broken.json'), '{"name":');
    const error = await run(['broken.json']);
    expect(error?.code).toBe('CONCORD-112');
  });

  // Hostile sibling manifests through the build plugins' path: each ends in a coded failure per failOn
  // (a finding, CONCORD-112, or a report that could not finish, CONCORD-117), never a pass or a stack trace.
  const sibling = (shared: unknown[], concord?: unknown) =>
    JSON.stringify({
      id: 'evil',
      name: 'evil',
      metaData: { name: 'evil', remoteEntry: { name: 'r.js', path: '', type: 'module' } },
      shared,
      remotes: [],
      exposes: [],
      ...(concord ? { concord } : {}),
    });
  const zustand = (requiredVersion: string) => ({
    id: 'evil:zustand',
    name: 'zustand',
    version: '5.1.0',
    singleton: true,
    requiredVersion,
    assets: {},
  });
  it.each([
    [
      'a contract slice named like Object.prototype members',
      sibling([zustand('^5.1.0')], {
        schema: 1,
        app: 'evil',
        bundler: 'vite',
        owns: ['toString'],
        reads: ['constructor.name', '__proto__'],
        shared: {},
        dependencies: {},
        contract: {
          name: 'fixture',
          version: '9.0.0',
          slices: { toString: { owner: 'evil', broadcast: false, sensitive: false, fields: ['valueOf'] } },
          events: [],
        },
      }),
    ],
    ['a requiredVersion of ^ and 300,000 spaces', sibling([zustand(`^${' '.repeat(300_000)}5`)])],
    [
      '30,000 shared entries',
      sibling(Array.from({ length: 30_000 }, (_, i) => ({ ...zustand('^5.1.0'), name: `p${i}` }))),
    ],
    ['a directory where a manifest file should be', undefined],
    ['a truncated file', '{"name":"evil","shared":['],
  ])(
    '%s',
    async (_label, text) => {
      const { root, logger } = setup();
      const file = join(root, 'evil.json');
      if (text === undefined) mkdirSync(file);
      else writeFileSync(file, text);
      const error = await runBuildReport({
        app: 'cart',
        root,
        manifest: join(root, 'cart.json'),
        outDir: root,
        options: { ...REPORT_DEFAULTS, write: false, manifests: ['evil.json'] },
        logger,
      });
      expect(['CONCORD-112', 'CONCORD-117']).toContain(error?.code);
      expect(error?.message).not.toMatch(/\n\s+at /);
    },
    60_000,
  );
});
