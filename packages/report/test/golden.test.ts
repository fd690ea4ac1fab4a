// Golden JSON: the real samples plus a synthetic page that triggers every CONCORD-4xx code, rendered with
// renderJson, compared with a committed file, and validated against the shipped JSON Schema.
// The golden files end in .snap so the workspace formatter leaves renderJson's exact bytes alone.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, parseManifest, type Report, renderJson } from '@concord/report';
// Through the package's own subpath export, as users import it.
import schema from '@concord/report/report.schema.json' with { type: 'json' };
import { Ajv2020 } from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { everyFinding } from './helpers/scenarios';

const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);

const samples = join(import.meta.dirname, 'fixtures/samples');
const sample = (file: string) => parseManifest(readFileSync(join(samples, file), 'utf8'), `samples/${file}`);

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
    expect([...all].sort()).toEqual(Object.keys(CODES).sort());
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
