import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDiagnosticLogger, REPORT_DEFAULTS, reportInputs, runBuildReport } from '@concord/build-core';
import { afterAll, describe, expect, it } from 'vitest';
import { makeApp, removeApps } from './helpers/app';

afterAll(removeApps);

const manifest = (app: string, zustand: { version: string; requiredVersion: string }) =>
  JSON.stringify({
    id: app,
    name: app,
    metaData: {
      name: app,
      remoteEntry: { name: 'remoteEntry.js', path: '', type: 'module' },
      pluginVersion: '1.23.8',
    },
    shared: [{ id: `${app}:zustand`, name: 'zustand', singleton: true, ...zustand, assets: {} }],
    remotes: [],
    exposes: [],
  });

function setup() {
  const root = makeApp({});
  const lines: { level: string; text: string }[] = [];
  const logger = createDiagnosticLogger(
    {
      info: (text) => lines.push({ level: 'info', text }),
      warn: (text) => lines.push({ level: 'warn', text }),
      error: (text) => lines.push({ level: 'error', text }),
    },
    { color: false },
  );
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

  it('turns a report that cannot run into a CONCORD-113 warning, not a crash', async () => {
    const { root, lines, logger } = setup();
    const blocked = join(root, 'cart.json', 'out'); // a directory under a file: cannot be created
    const error = await runBuildReport({
      app: 'cart',
      root,
      manifest: join(root, 'cart.json'),
      outDir: blocked,
      options: REPORT_DEFAULTS,
      logger,
    });
    expect(error).toBeUndefined();
    expect(lines.map((l) => l.level)).toEqual(['warn']);
    expect(lines[0]!.text).toMatch(
      /^\[concord\] CONCORD-113 the Concord report for app "cart" did not run \(/,
    );
  });
});
