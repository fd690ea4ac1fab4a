// The report after every build: this app's manifest plus the other apps' manifests, analysed by
// @concord/report, printed through the bundler's logger and written next to the build output.
import { isAbsolute, join, resolve } from 'node:path';
import { analyze, loadManifest, renderHtml, renderJson, runReport } from '@concord/report';
import { type ConcordError, reportFailed, reportNotRun } from './diagnostics';
import type { DiagnosticLogger } from './logger';
import type { ResolvedReportOptions } from './options';

/** Names of the files written next to the build output. */
export const REPORT_FILES = Object.freeze({ json: 'concord-report.json', html: 'concord-report.html' });

const isUrl = (input: string): boolean => /^https?:\/\//i.test(input);

/** The report's inputs: this app's manifest first, then the configured ones (paths resolved from `root`). */
export function reportInputs(ownManifest: string, manifests: readonly string[], root: string): string[] {
  return [ownManifest, ...manifests.map((m) => (isUrl(m) || isAbsolute(m) ? m : resolve(root, m)))];
}

/** Input of {@link runBuildReport}. */
export interface BuildReportInput {
  app: string;
  root: string;
  /** Absolute path of this build's manifest on disk. */
  manifest: string;
  /** Directory the report files are written to (the build output). */
  outDir: string;
  options: ResolvedReportOptions;
  logger: DiagnosticLogger;
  color?: boolean;
}

/**
 * Runs the report, prints its table, writes its files. Returns the error that must fail the build per
 * `failOn` (CONCORD-112), or undefined. A report that cannot run is a CONCORD-113 warning, never a crash.
 */
export async function runBuildReport(input: BuildReportInput): Promise<ConcordError | undefined> {
  const { options, logger } = input;
  const json = options.write ? join(input.outDir, REPORT_FILES.json) : undefined;
  const html = options.write ? join(input.outDir, REPORT_FILES.html) : undefined;
  let result: Awaited<ReturnType<typeof runReport>>;
  try {
    result = await runReport({
      inputs: reportInputs(input.manifest, options.manifests, input.root),
      failOn: options.failOn,
      timeoutMs: options.timeoutMs,
      color: input.color,
      ...(json ? { json } : {}),
      ...(html ? { html } : {}),
    });
  } catch (error) {
    logger.report(reportNotRun(input.app, error instanceof Error ? error.message : String(error)));
    return undefined;
  }
  logger.info(result.text);
  if (result.exitCode === 0) return undefined;
  const { errors, warnings } = result.report.summary;
  const counts = [
    errors ? `${errors} error${errors === 1 ? '' : 's'}` : '',
    warnings ? `${warnings} warning${warnings === 1 ? '' : 's'}` : '',
  ]
    .filter(Boolean)
    .join(' and ');
  return reportFailed(input.app, counts || 'problems', options.failOn, html ?? 'the table above');
}

/**
 * The report as a page and as JSON, for dev servers (`/__concord`): the same analysis as after a build,
 * on the manifests as they are served now.
 */
export async function renderReport(
  inputs: readonly string[],
  options: { timeoutMs: number },
): Promise<{ html: string; json: string }> {
  const loaded = await Promise.all(
    inputs.map((input) => loadManifest(input, { timeoutMs: options.timeoutMs })),
  );
  const report = analyze(loaded);
  return { html: renderHtml(report), json: renderJson(report) };
}
