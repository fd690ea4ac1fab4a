// The build report's `host` option, and one line per sibling app not built yet (issue #11): through the
// public runBuildReport, with real manifests on disk.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDiagnosticLogger, REPORT_DEFAULTS, runBuildReport } from '@concord/build-core';
import { afterAll, describe, expect, it } from 'vitest';
import { makeApp, removeApps } from './helpers/app';
import { recordingLogger } from './helpers/logger';
import { zustandManifest as manifest } from './helpers/manifest';

afterAll(removeApps);

/** The build of "shell" (which loads cart, catalog and billing) before any remote is built. */
async function shellBuiltFirst(manifests: string[]) {
  const root = makeApp({});
  const { lines, logger } = recordingLogger();
  writeFileSync(
    join(root, 'shell.json'),
    manifest('shell', { version: '5.1.0', requiredVersion: '^5.1.0' }, ['cart', 'catalog', 'billing']),
  );
  const error = await runBuildReport({
    app: 'shell',
    root,
    manifest: join(root, 'shell.json'),
    outDir: root,
    options: { ...REPORT_DEFAULTS, write: false, failOn: 'warning', manifests },
    logger,
    color: false,
  });
  return { error, lines };
}

describe('concord.report.host', () => {
  it('names the host among sibling manifests, and fails closed on a host that is none of them', async () => {
    const root = makeApp({});
    // The same version in both: the host's copy keeps its slot, so the host decides who provides it.
    writeFileSync(join(root, 'host.json'), manifest('host', { version: '5.1.0', requiredVersion: '^5.1.0' }));
    writeFileSync(join(root, 'cart.json'), manifest('cart', { version: '5.1.0', requiredVersion: '^5.1.0' }));
    const lines: string[] = [];
    const logger = createDiagnosticLogger(
      { info: (t) => lines.push(t), warn: (t) => lines.push(t), error: (t) => lines.push(t) },
      { color: false },
    );
    const build = (host: string | false | undefined, failOn: 'never' | 'error' = 'never') =>
      runBuildReport({
        app: 'cart',
        root,
        manifest: join(root, 'cart.json'),
        outDir: root,
        options: { ...REPORT_DEFAULTS, write: false, failOn, manifests: ['host.json'], host },
        logger,
        color: false,
      });
    await build(undefined);
    expect(lines.pop()).toMatch(/runtime picks 5\.1\.0 from cart/);
    await build('host');
    expect(lines.pop()).toMatch(/runtime picks 5\.1\.0 from host/);
    const error = await build('shell', 'error');
    expect(error?.code).toBe('CONCORD-117');
    expect(error?.message).toContain('CONCORD-407 `host` names "shell"');
  });
});

describe('a host built before its remotes', () => {
  it('explains each missing remote once: CONCORD-118 for a sibling not built, CONCORD-429 only for a remote not listed', async () => {
    const { error, lines } = await shellBuiltFirst([
      '../cart/dist/mf-manifest.json',
      '../apps/catalog/dist/mf-manifest.json',
    ]);
    const said = lines.map((l) => l.text).join('\n');
    expect(said.match(/CONCORD-118/g)).toHaveLength(2);
    expect(said).toMatch(/CONCORD-118 the manifest ".*cart\/dist\/mf-manifest\.json"/);
    expect(said).toMatch(/CONCORD-118 the manifest ".*catalog\/dist\/mf-manifest\.json"/);
    // billing's manifest is not configured at all: that one is the report's to name.
    expect(said.match(/CONCORD-429/g)).toHaveLength(1);
    expect(said).toMatch(/CONCORD-429 "shell" \(vite\) loads the remote "billing"/);
    // The one remaining warning (billing) reaches failOn 'warning'; the not-yet-built siblings do not.
    expect(error?.code).toBe('CONCORD-112');
  });

  it('builds clean with failOn "warning" when every unchecked remote is a sibling not built yet', async () => {
    const { error, lines } = await shellBuiltFirst([
      '../cart/dist/mf-manifest.json',
      '../catalog/dist/mf-manifest.json',
      '../billing/dist/mf-manifest.json',
    ]);
    const said = lines.map((l) => l.text).join('\n');
    expect(said.match(/CONCORD-118/g)).toHaveLength(3);
    expect(said).not.toContain('CONCORD-429');
    expect(error).toBeUndefined();
  });
});
