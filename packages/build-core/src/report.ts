// The report after every build: this app's manifest plus the other apps' manifests, analysed by
// @concord/report, printed through the bundler's logger and written next to the build output.
import { isAbsolute, join, resolve } from 'node:path';
import {
  analyze,
  fromManifestObject,
  loadManifest,
  renderHtml,
  renderJson,
  runReport,
} from '@concord/report';
import { type ConcordError, type Diagnostic, reportFailed, reportNotRun } from './diagnostics';
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
  /** The CONCORD-112 error when a finding reaches `failOn`. */
  error: ConcordError | undefined;
  /** The CONCORD-113 warning when the report could not run. */
  notRun: Diagnostic | undefined;
}

/**
 * Runs the report and writes its files, printing nothing: a plugin starts it as soon as the manifest
 * exists (so it overlaps the bundler writing files) and prints it with {@link finishBuildReport} at the
 * end. Never rejects: a report that cannot run becomes a CONCORD-113 warning.
 */
export async function startBuildReport(input: BuildReportInput): Promise<BuildReportOutcome> {
  const { options, app } = input;
  const json = options.write ? join(input.outDir, REPORT_FILES.json) : undefined;
  const html = options.write ? join(input.outDir, REPORT_FILES.html) : undefined;
  let result: Awaited<ReturnType<typeof runReport>>;
  try {
    result = await runReport({
      inputs: reportInputs(input.manifest, options.manifests, input.root),
      failOn: options.failOn,
      timeoutMs: options.timeoutMs,
      ...(input.color !== undefined ? { color: input.color } : {}),
      ...(json ? { json } : {}),
      ...(html ? { html } : {}),
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { app, text: undefined, error: undefined, notRun: reportNotRun(app, reason) };
  }
  if (result.exitCode === 0) return { app, text: result.text, error: undefined, notRun: undefined };
  const { errors, warnings } = result.report.summary;
  const counts = [
    errors ? `${errors} error${errors === 1 ? '' : 's'}` : '',
    warnings ? `${warnings} warning${warnings === 1 ? '' : 's'}` : '',
  ]
    .filter(Boolean)
    .join(' and ');
  const error = reportFailed(app, counts || 'problems', options.failOn, html ?? 'the table above');
  return { app, text: result.text, error, notRun: undefined };
}

/** Prints the report table (or the CONCORD-113 warning); returns the error that must fail the build. */
export function finishBuildReport(
  outcome: BuildReportOutcome,
  logger: DiagnosticLogger,
): ConcordError | undefined {
  if (outcome.notRun) logger.report(outcome.notRun);
  if (outcome.text !== undefined) logger.info(outcome.text);
  return outcome.error;
}

/**
 * Runs the report, prints its table, writes its files. Returns the error that must fail the build per
 * `failOn` (CONCORD-112), or undefined. A report that cannot run is a CONCORD-113 warning, never a crash.
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
