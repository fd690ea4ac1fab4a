// Golden JSON: the real samples plus a synthetic page that triggers every CONCORD-4xx code, rendered with
// renderJson, compared with a committed file, and validated against the shipped JSON Schema.
// The golden files end in .snap so the workspace formatter leaves renderJson's exact bytes alone.
import { analyze, type Report, renderJson } from '@concord/report';
// Through the package's own subpath export, as users import it.
import schema from '@concord/report/report.schema.json' with { type: 'json' };
import { Ajv2020 } from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { sample } from './helpers/manifests';
import { everyFinding } from './helpers/scenarios';

const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);

/** The tool version changes with every release; the golden files should not. */
const golden = (report: Report): string =>
  renderJson({ ...report, tool: { ...report.tool, version: '0.0.0-golden' } });

describe('JSON report', () => {
  const samplesReport = analyze([
    sample('vite-host.mf-manifest.json'),
    sample('vite-remote.mf-stats.json'),
    sample('rspack-remote.mf-manifest.json'),
    sample('rspack-remote.mf-stats.json'),
  ]);
  let syntheticReport: Report;
  beforeAll(async () => {
    syntheticReport = analyze(await everyFinding());
  });

  it('matches the golden file for the real samples', async () => {
    await expect(golden(samplesReport)).toMatchFileSnapshot('__snapshots__/samples.report.json.snap');
  });

  it('matches the golden file for a page with every finding', async () => {
    await expect(golden(syntheticReport)).toMatchFileSnapshot('__snapshots__/every-finding.report.json.snap');
    const all = new Set(syntheticReport.findings.map((f) => f.code));
    const { CODES } = await import('@concord/report');
    // Every analysis code (410 and up) is on the page; the input codes below 410 that analyze() can emit are
    // there too, and none is unknown (the others, e.g. 406, come from runReport: run-report.test.ts).
    const analysis = Object.keys(CODES).filter((c) => c >= 'CONCORD-410');
    expect(analysis.filter((c) => !all.has(c))).toEqual([]);
    for (const code of ['CONCORD-401', 'CONCORD-402', 'CONCORD-403', 'CONCORD-404', 'CONCORD-405'])
      expect(all).toContain(code);
    expect([...all].filter((c) => !(c in CODES))).toEqual([]);
  });

  it('every shared-package and contract finding names its package, its apps, a version and a fix', () => {
    const about = syntheticReport.findings.filter((f) => f.code >= 'CONCORD-410');
    expect(about.length).toBeGreaterThan(15);
    for (const f of about) {
      const context = `${f.code}: ${f.message}`;
      // 420-424 name the contract by its name; `package` is its npm package.
      // 426, 427 and 429 are about apps (their runtimes, a missing manifest), not one package.
      if (/^CONCORD-42[0-4]$/.test(f.code)) expect(f.message, context).toMatch(/contract "acme"/i);
      else if (!/^CONCORD-42[679]$/.test(f.code)) expect(f.message, context).toContain(f.package);
      for (const app of f.apps ?? []) expect(f.message, context).toContain(`"${app}"`);
      // A remote the report has no manifest for (429) has no version to name.
      if (f.code !== 'CONCORD-429') expect(f.message, context).toMatch(/\d+\.\d+(\.\d+)?/);
      expect(f.fix.length, context).toBeGreaterThan(20);
    }
  });

  it.each(['samples', 'every finding'])('validates against schema/report.schema.json (%s)', (which) => {
    const report = which === 'samples' ? samplesReport : syntheticReport;
    const ok = validate(JSON.parse(renderJson(report)));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('the schema rejects what it should (it is not vacuous)', () => {
    const json = JSON.parse(renderJson(syntheticReport)) as Record<string, unknown> & { findings: object[] };
    expect(validate({ ...json, schema: 2 })).toBe(false);
    expect(validate({ ...json, extra: true })).toBe(false);
    expect(validate({ ...json, findings: [{ ...json.findings[0], code: 'CONCORD-201' }] })).toBe(false);
    expect(validate({ ...json, matrix: [{ package: 'x' }] })).toBe(false);
  });
});
