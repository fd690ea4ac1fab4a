// The drifting fleet of the report bench (bench/drift-fleet.mjs) at 100 apps: its findings and matrix are
// pinned, so a speed-up of the analysis cannot change what it says. The findings are listed one per line
// (severity, code, package, apps) for a readable diff; the digest covers every byte of the JSON report.
import { createHash } from 'node:crypto';
import { analyze, fromManifestObject, type Report, renderJson } from '@concord/report';
import { describe, expect, it } from 'vitest';
import { driftFleet } from '../bench/drift-fleet.mjs';

const report = (): Report =>
  analyze(driftFleet(100).map((m) => fromManifestObject(m, `${m.name}/mf-manifest.json`)));

describe('drifting fleet of 100 apps', () => {
  const r = report();

  it('has 10-20 version findings per app, of several codes', () => {
    // As the issue counts them: findings about shared packages, over the number of apps.
    const version = r.findings.filter((f) => f.package && !f.package.startsWith('contract:'));
    const mean = version.length / r.apps.length;
    expect(mean).toBeGreaterThanOrEqual(10);
    expect(mean).toBeLessThanOrEqual(20);
    expect(new Set(r.findings.map((f) => f.code)).size).toBeGreaterThan(5);
  });

  it('says exactly what it said when the golden file was written', async () => {
    const lines = r.findings.map(
      (f) => `${f.severity} ${f.code} ${f.package ?? '-'} ${(f.apps ?? []).join(',')}`,
    );
    const json = renderJson({ ...r, tool: { ...r.tool, version: '0.0.0-golden' } });
    const digest = createHash('sha256').update(json).digest('hex');
    await expect(`${digest}\n${lines.join('\n')}\n`).toMatchFileSnapshot(
      '__snapshots__/drift-fleet-100.findings.snap',
    );
  });

  it('is the same on a second run (pure and deterministic)', () => {
    expect(renderJson(report())).toBe(renderJson(r));
  });
});
