// The report after every build: this app's manifest plus the other apps' manifests, analysed by
// @concord/report, printed through the bundler's logger and written next to the build output.
import { statSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import {
  analyze,
  fromManifestObject,
  loadManifest,
  renderHtml,
  renderJson,
  runReport,
} from '@concord/report';
import {
  type ConcordError,
  type Diagnostic,
  reportCrashed,
  reportFailed,
  reportNotRun,
  siblingNotBuilt,
} from './diagnostics';
import type { DiagnosticLogger } from './logger';
import type { ResolvedReportOptions } from './options';

/** Names of the files written next to the build output. */
export const REPORT_FILES = Object.freeze({ json: 'concord-report.json', html: 'concord-report.html' });

const isUrl = (input: string): boolean => /^https?:\/\//i.test(input);

/** This build's manifest: its path, or the stamped object already in memory (named by its path). */
export type OwnManifest = string | { input: string; manifest: unknown };

/** The report's inputs: this app's manifest first, then the configured ones (paths resolved from `root`). */
export function reportInputs(
  ownManifest: OwnManifest,
  manifests: readonly string[],
  root: string,
): (string | { input: string; manifest: unknown })[] {
  return [ownManifest, ...manifests.map((m) => (isUrl(m) || isAbsolute(m) ? m : resolve(root, m)))];
}

/** Input of {@link startBuildReport}. */
export interface BuildReportInput {
  app: string;
  root: string;
  /** This build's manifest (a path on disk, or the object in memory). */
  manifest: OwnManifest;
  /** Directory the report files are written to (the build output). */
  outDir: string;
  options: ResolvedReportOptions;
  color?: boolean;
}

/** What {@link startBuildReport} found, printed by {@link finishBuildReport}. */
export interface BuildReportOutcome {
  app: string;
  /** The terminal table, or undefined when the report did not run. */
  text: string | undefined;
  /**
   * The error that fails the build: CONCORD-112 when a finding reaches `failOn`, CONCORD-117 when the
   * report could not finish and `failOn` is not "never".
   */
  error: ConcordError | undefined;
  /** The CONCORD-113 warning when the report could not finish and `failOn` is "never". */
  notRun: Diagnostic | undefined;
  /** Notes printed before the table: CONCORD-118 for each sibling manifest not built yet. */
  notes: Diagnostic[];
}

const exists = (path: string): boolean => statSync(path, { throwIfNoEntry: false }) !== undefined;

/**
 * Splits the configured manifests: a local path that does not exist is a sibling app not built yet (apps
 * build in any order), left out with a CONCORD-118 note. URLs, and files that exist but cannot be read or
 * parsed, stay inputs: the report makes them findings that count against `failOn`.
 */
export function siblingInputs(
  app: string,
  inputs: ReturnType<typeof reportInputs>,
): { inputs: ReturnType<typeof reportInputs>; notes: Diagnostic[]; unbuilt: string[] } {
  const notes: Diagnostic[] = [];
  const unbuilt: string[] = [];
  const kept = inputs.filter((input, i) => {
    if (i === 0 || typeof input !== 'string' || isUrl(input) || exists(input)) return true;
    notes.push(siblingNotBuilt(app, input));
    unbuilt.push(input);
    return false;
  });
  return { inputs: kept, notes, unbuilt };
}

/**
 * Runs the report and writes its files, printing nothing: a plugin starts it as soon as the manifest
 * exists (so it overlaps the bundler writing files) and prints it with {@link finishBuildReport} at the
 * end. Never rejects. Fails closed: a report that cannot finish (a crash, its deadline, this build's own
 * manifest unreadable) is a CONCORD-117 error unless `failOn` is "never" (then a CONCORD-113 warning).
 */
export async function startBuildReport(input: BuildReportInput): Promise<BuildReportOutcome> {
  const { options, app } = input;
  const json = options.write ? join(input.outDir, REPORT_FILES.json) : undefined;
  const html = options.write ? join(input.outDir, REPORT_FILES.html) : undefined;
  const { inputs, notes, unbuilt } = siblingInputs(
    app,
    reportInputs(input.manifest, options.manifests, input.root),
  );
  const unfinished = (reason: string): BuildReportOutcome =>
    options.failOn === 'never'
      ? { app, text: undefined, error: undefined, notRun: reportNotRun(app, reason), notes }
      : { app, text: undefined, error: reportCrashed(app, reason, options.failOn), notRun: undefined, notes };
  const own = inputs[0];
  if (typeof own === 'string' && !isUrl(own) && !exists(own))
    return unfinished(`this build's own manifest ${JSON.stringify(own)} is missing`);
  let result: Awaited<ReturnType<typeof runReport>>;
  try {
    result = await runReport({
      inputs,
      failOn: options.failOn,
      timeoutMs: options.timeoutMs,
      deadlineMs: options.deadlineMs,
      ...(options.host !== undefined ? { host: options.host } : {}),
      // The siblings named by CONCORD-118 above: the report does not name them again (CONCORD-429).
      unbuilt,
      ...(input.color !== undefined ? { color: input.color } : {}),
      ...(json ? { json } : {}),
      ...(html ? { html } : {}),
    });
  } catch (error) {
    return unfinished(error instanceof Error ? error.message.split('\n')[0]! : String(error));
  }
  // `finished: false`: the report's deadline passed or an input broke the analysis (CONCORD-406 in the table).
  if (result.finished === false) {
    const outcome = unfinished('see CONCORD-406 in the table');
    return { ...outcome, text: result.text };
  }
  if (result.exitCode === 0) return { app, text: result.text, error: undefined, notRun: undefined, notes };
  const { errors, warnings } = result.report.summary;
  const counts = [
    errors ? `${errors} error${errors === 1 ? '' : 's'}` : '',
    warnings ? `${warnings} warning${warnings === 1 ? '' : 's'}` : '',
  ]
    .filter(Boolean)
    .join(' and ');
  const error = reportFailed(app, counts || 'problems', options.failOn, html ?? 'the table above');
  return { app, text: result.text, error, notRun: undefined, notes };
}

/** Prints the report table (or the CONCORD-113 warning); returns the error that must fail the build. */
export function finishBuildReport(
  outcome: BuildReportOutcome,
  logger: DiagnosticLogger,
): ConcordError | undefined {
  for (const note of outcome.notes) logger.report(note);
  if (outcome.notRun) logger.report(outcome.notRun);
  if (outcome.text !== undefined) logger.info(outcome.text);
  return outcome.error;
}

/**
 * Runs the report, prints its table, writes its files. Returns the error that must fail the build per
 * `failOn` (CONCORD-112, or CONCORD-117 when the report could not finish), or undefined.
 */
export async function runBuildReport(
  input: BuildReportInput & { logger: DiagnosticLogger },
): Promise<ConcordError | undefined> {
  return finishBuildReport(await startBuildReport(input), input.logger);
}

/**
 * The report as a page and as JSON, for dev servers (`/__concord`): the same analysis as after a build,
 * on the manifests as they are served now.
 */
export async function renderReport(
  inputs: readonly (string | { input: string; manifest: unknown })[],
  options: { timeoutMs: number },
): Promise<{ html: string; json: string }> {
  const loaded = await Promise.all(
    inputs.map((input) =>
      typeof input === 'string'
        ? loadManifest(input, { timeoutMs: options.timeoutMs })
        : fromManifestObject(input.manifest, input.input),
    ),
  );
  const report = analyze(loaded);
  return { html: renderHtml(report), json: renderJson(report) };
}
