import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { analyze, REPORT_SCHEMA } from './analyze/analyze';
import { createDebugger } from './debug';
import { finding, reachesFailOn } from './finding';
import { fromManifestObject, loadManifest } from './load/load-manifest';
import { type ResolvedRunOptions, type RunReportOptions, resolveOptions } from './options';
import { renderHtml } from './render/html';
import { renderJson } from './render/json';
import { renderTerminal } from './render/terminal';
import type { LoadedInput, Report } from './types';
import { VERSION } from './version';

const debug = createDebugger('concord:report');

export interface RunReportResult {
  report: Report;
  /** 1 when a finding reaches `failOn`, else 0. */
  exitCode: 0 | 1;
  /**
   * `false` when the report could not finish (its deadline passed, or an input broke the analysis): `report`
   * then holds one CONCORD-406 error finding and no verdicts. Callers that gate a build on the report fail
   * closed on it whenever `failOn` is not `never` (`exitCode` is then 1).
   */
  finished: boolean;
  /** The terminal rendering (`renderTerminal`), with the `color` and `width` asked for. */
  text: string;
  /** Absolute paths of the files written (`json`, `html`). */
  written: string[];
}

/**
 * Loads every input (in parallel, kept in order), analyses them, renders the terminal text, writes the JSON and
 * HTML files asked for, and says whether the findings reach `failOn`. Unreadable or malformed inputs are
 * findings, not exceptions; a report that cannot finish within `deadlineMs` (or that an input breaks) is a
 * CONCORD-406 finding with `finished: false`. It throws only for invalid options (a `host` that is none of
 * the inputs' apps among them: CONCORD-407) or an output file that cannot be written.
 *
 * @example
 * const { text, exitCode } = await runReport({ inputs: ['dist/mf-manifest.json', 'https://cdn.example/cart/mf-manifest.json'], failOn: 'error', html: 'dist/concord-report.html' });
 */
export async function runReport(options: RunReportOptions): Promise<RunReportResult> {
  const o = resolveOptions(options);
  const started = performance.now();
  const deadline = AbortSignal.timeout(o.deadlineMs);
  const signal = o.signal ? AbortSignal.any([o.signal, deadline]) : deadline;
  let report: Report;
  let text: string;
  let finished = true;
  try {
    const loaded = await loadAll(o, signal);
    debug?.(`loaded ${o.inputs.length} inputs in ${(performance.now() - started).toFixed(1)} ms`);
    if (!loaded.ok) throw new Unfinished(loaded.reason);
    checkHost(o.host, loaded.inputs);
    report = analyze(loaded.inputs, { watched: o.watched, unbuilt: o.unbuilt, host: o.host });
    text = renderTerminal(report, { width: o.width, ...(o.color !== undefined && { color: o.color }) });
  } catch (error) {
    if (error instanceof HostNotFound) throw error;
    // Fail closed: whatever stopped the report (the deadline, a stack overflow on an input the caps let
    // through, a bug) is one coded error naming the inputs, never a stack trace and never a pass.
    finished = false;
    report = unfinishedReport(o, error, performance.now() - started);
    text = renderTerminal(report, { width: o.width, ...(o.color !== undefined && { color: o.color }) });
  }
  const written: string[] = [];
  if (o.json) written.push(await write(resolve(o.cwd, o.json), renderJson(report)));
  if (o.html) written.push(await write(resolve(o.cwd, o.html), renderHtml(report)));
  const failing = report.findings.some((f) => reachesFailOn(f.severity, o.failOn));
  return { report, exitCode: failing ? 1 : 0, finished, text, written };
}

class Unfinished extends Error {}

/** A `host` that is none of the inputs: an invalid option (thrown), not a finding on a page it cannot judge. */
class HostNotFound extends TypeError {}

function checkHost(host: string | false | undefined, inputs: readonly LoadedInput[]): void {
  if (typeof host !== 'string') return;
  const names: string[] = [];
  for (const i of inputs)
    if (i.ok) {
      if (i.app === host || i.manifest.name === host) return;
      names.push(i.app);
    }
  const unread = inputs.length - names.length;
  const shown = names.slice(0, 10).map((n) => JSON.stringify(n));
  throw new HostNotFound(
    `[concord] CONCORD-407 \`host\` names ${JSON.stringify(host.length > 200 ? `${host.slice(0, 200)}…` : host)}, which is none of the apps of the inputs (${
      shown.join(', ') || 'none'
    }${names.length > 10 ? ', …' : ''})${unread ? `; ${unread} input${unread === 1 ? ' was' : 's were'} not readable (CONCORD-401/402)` : ''}: give the host's name as its manifest writes it, with its manifest among the inputs, or leave \`host\` out. See docs/diagnostics.md#concord-407`,
  );
}

type Loaded = { ok: true; inputs: LoadedInput[] } | { ok: false; reason: string };

/** Every input, or, when the deadline passes first, which inputs were still loading. */
async function loadAll(o: ResolvedRunOptions, signal: AbortSignal): Promise<Loaded> {
  const pending = new Set<string>();
  const loads = o.inputs.map((input): Promise<LoadedInput> => {
    if (typeof input !== 'string')
      return new Promise((done) => done(fromManifestObject(input.manifest, input.input)));
    pending.add(input);
    return loadManifest(input, { ...o, signal }).finally(() => pending.delete(input));
  });
  // A URL honours the signal by itself; this race also bounds anything else that could stall.
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<'aborted'>((done) => {
    onAbort = () => done('aborted');
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  });
  const outcome = await Promise.race([Promise.all(loads), aborted]);
  signal.removeEventListener('abort', onAbort!);
  if (outcome !== 'aborted') return { ok: true, inputs: outcome };
  const still = [...pending];
  return {
    ok: false,
    reason: `${still.length} of ${o.inputs.length} inputs were still loading after ${o.deadlineMs} ms (${still
      .slice(0, 3)
      .map((i) => JSON.stringify(i))
      .join(', ')}${still.length > 3 ? ', …' : ''})`,
  };
}

function unfinishedReport(o: ResolvedRunOptions, error: unknown, elapsed: number): Report {
  const inputs = o.inputs.map((i) => (typeof i === 'string' ? i : i.input));
  const why =
    error instanceof Unfinished
      ? error.message
      : `the analysis stopped after ${Math.round(elapsed)} ms with ${describeError(error)}`;
  const f = finding('CONCORD-406', {
    severity: 'error',
    what: `The report on ${inputs.length} inputs (${inputs
      .slice(0, 3)
      .map((i) => JSON.stringify(i.length > 200 ? `${i.slice(0, 200)}…` : i))
      .join(', ')}${inputs.length > 3 ? ', …' : ''}) could not finish: ${why}`,
    consequence:
      'No app on this page was checked, so a version split or a broken contract would go unnoticed',
    fix: 'Fix or remove the input named here, or raise `deadlineMs` / --deadline when the inputs are only slow; report an error message as a bug',
  });
  return {
    schema: REPORT_SCHEMA,
    tool: { name: '@concord/report', version: VERSION },
    apps: [],
    rejected: [],
    matrix: [],
    findings: [f],
    summary: { errors: 1, warnings: 0, infos: 0 },
  };
}

/** `RangeError: Maximum call stack size exceeded`: the name and the first line, never the stack. */
function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message.split('\n')[0]!.slice(0, 300)}`;
  return String(error).slice(0, 300);
}

async function write(path: string, content: string): Promise<string> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, content);
  return path;
}
