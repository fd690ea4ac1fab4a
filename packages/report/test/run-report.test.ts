import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatFinding, reachesFailOn, runReport } from '@concord/report';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { concord, SAMPLES, viteManifest } from './helpers/manifests';

describe('runReport (what the build plugins call)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'concord-run-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('mixes an in-memory manifest with paths, writes JSON and HTML, and computes the exit code', async () => {
    const own = viteManifest(
      'cart',
      [{ name: 'zustand', version: '4.5.0', singleton: true }],
      concord({
        app: 'cart',
        bundler: 'vite',
        shared: { zustand: { singleton: true, requiredVersion: '^4.5.0' } },
      }),
    );
    const result = await runReport({
      inputs: [
        join(SAMPLES, 'vite-host.mf-manifest.json'),
        { input: 'dist/mf-manifest.json', manifest: own },
      ],
      json: 'out/concord-report.json',
      html: 'out/concord-report.html',
      cwd: dir,
      color: false,
    });
    expect(result.exitCode).toBe(1);
    expect(result.report.apps.map((a) => a.name)).toEqual(['host', 'cart']);
    expect(result.written).toEqual([
      join(dir, 'out/concord-report.json'),
      join(dir, 'out/concord-report.html'),
    ]);
    expect(JSON.parse(readFileSync(result.written[0]!, 'utf8'))).toEqual(result.report);
    expect(readFileSync(result.written[1]!, 'utf8')).toContain('<table id="matrix">');
    expect(result.text).toContain('error CONCORD-410');
    const line = formatFinding(result.report.findings[0]!);
    expect(line).toMatch(/^\[concord\] CONCORD-410 zustand: "cart" \(vite\) requires \^4\.5\.0/);
    expect((await runReport({ inputs: [{ input: 'x', manifest: own }], failOn: 'never' })).exitCode).toBe(0);
  });

  it('validates its options with messages naming them', async () => {
    // @ts-expect-error testing a JavaScript caller's mistake
    await expect(runReport({ inputs: 'dist/mf-manifest.json' })).rejects.toThrow('`inputs` must be an array');
    // @ts-expect-error testing a JavaScript caller's mistake
    await expect(runReport({ inputs: [], failOn: 'fatal' })).rejects.toThrow(
      '`failOn` must be "error", "warning" or "never", got "fatal"',
    );
    await expect(runReport({ inputs: [], timeoutMs: -1 })).rejects.toThrow(
      '`timeoutMs` must be an integer from 1 to 600000, got -1',
    );
  });

  it('an empty report passes', async () => {
    const result = await runReport({ inputs: [], color: false });
    expect(result).toMatchObject({ exitCode: 0, written: [] });
    expect(result.text).toContain('0 apps, 0 shared packages: 0 errors');
  });

  it('reachesFailOn', () => {
    expect(reachesFailOn('error', 'error')).toBe(true);
    expect(reachesFailOn('warning', 'error')).toBe(false);
    expect(reachesFailOn('warning', 'warning')).toBe(true);
    expect(reachesFailOn('info', 'warning')).toBe(false);
    expect(reachesFailOn('error', 'never')).toBe(false);
  });
});
