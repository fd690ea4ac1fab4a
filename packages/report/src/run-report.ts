import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { analyze } from './analyze/analyze';
import { createDebugger } from './debug';
import { reachesFailOn } from './finding';
import { fromManifestObject, loadManifest } from './load/load-manifest';
import { type RunReportOptions, resolveOptions } from './options';
import { renderHtml } from './render/html';
import { renderJson } from './render/json';
import { renderTerminal } from './render/terminal';
import type { LoadedInput, Report } from './types';

const debug = createDebugger('concord:report');

export interface RunReportResult {
  report: Report;
  /** 1 when a finding reaches `failOn`, else 0. */
  exitCode: 0 | 1;
  /** The terminal rendering (`renderTerminal`), with the `color` and `width` asked for. */
  text: string;
  /** Absolute paths of the files written (`json`, `html`). */
  written: string[];
}

/**
 * Loads every input (in parallel, kept in order), analyses them, renders the terminal text, writes the JSON and
 * HTML files asked for, and says whether the findings reach `failOn`. Unreadable or malformed inputs are
 * findings, not exceptions; it throws only for invalid options or an output file that cannot be written.
 *
 * @example
 * const { text, exitCode } = await runReport({ inputs: ['dist/mf-manifest.json', 'https://cdn.example/cart/mf-manifest.json'], failOn: 'error', html: 'dist/concord-report.html' });
 */
export async function runReport(options: RunReportOptions): Promise<RunReportResult> {
  const o = resolveOptions(options);
  const started = debug ? performance.now() : 0;
  const loaded = await Promise.all(
    o.inputs.map(
      (input): Promise<LoadedInput> =>
        typeof input === 'string'
          ? loadManifest(input, o)
          : Promise.resolve(fromManifestObject(input.manifest, input.input)),
    ),
  );
  debug?.(`loaded ${loaded.length} inputs in ${(performance.now() - started).toFixed(1)} ms`);
  const report = analyze(loaded, { watched: o.watched });
  const written: string[] = [];
  if (o.json) written.push(await write(resolve(o.cwd, o.json), renderJson(report)));
  if (o.html) written.push(await write(resolve(o.cwd, o.html), renderHtml(report)));
  const failing = report.findings.some((f) => reachesFailOn(f.severity, o.failOn));
  const text = renderTerminal(report, { width: o.width, ...(o.color !== undefined && { color: o.color }) });
  return { report, exitCode: failing ? 1 : 0, text, written };
}

async function write(path: string, content: string): Promise<string> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, content);
  return path;
}
