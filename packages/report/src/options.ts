import type { FailOn } from './types';

export interface LoadOptions {
  /**
   * How long an http(s) input may take, headers and body together, in milliseconds.
   * @default 10000
   */
  timeoutMs?: number;
  /**
   * Largest input accepted, in bytes; larger files and responses are refused without being read whole.
   * @default 8388608 (8 MiB)
   */
  maxBytes?: number;
  /**
   * Directory relative input and output paths are resolved against.
   * @default process.cwd()
   */
  cwd?: string;
}

export interface AnalyzeOptions {
  /**
   * Packages to treat as store libraries on top of each app's watched list (`concord.watched`, or the default
   * list for manifests without Concord metadata): a second copy of one is an error, not a warning.
   * @default []
   */
  watched?: string[];
}

/**
 * An input: a path (file, or a directory holding mf-manifest.json), an http(s) URL, or a manifest object a
 * build plugin already has in memory, with the name findings should use for it.
 * @example runReport({ inputs: [{ input: 'dist/mf-manifest.json', manifest }, 'https://cdn.example/cart/mf-manifest.json'] })
 */
export type ReportInput = string | { input: string; manifest: unknown };

export interface RunReportOptions extends LoadOptions, AnalyzeOptions {
  /** The apps to analyse, host first (containers initialise in that order). */
  inputs: ReportInput[];
  /**
   * Findings at or above this severity make `exitCode` 1; `never` always gives 0.
   * @default 'error'
   */
  failOn?: FailOn;
  /**
   * Writes the JSON report (schema/report.schema.json) to this path, creating directories.
   * @default undefined (not written)
   */
  json?: string;
  /**
   * Writes the self-contained HTML page to this path, creating directories.
   * @default undefined (not written)
   */
  html?: string;
  /**
   * Colour in the returned `text`.
   * @default shouldColor(process.stdout)
   */
  color?: boolean;
  /**
   * Width the returned `text` fits in.
   * @default 80
   */
  width?: number;
}

export const DEFAULTS = Object.freeze({
  timeoutMs: 10_000,
  maxBytes: 8 * 1024 * 1024,
  failOn: 'error',
  width: 80,
}) satisfies Partial<RunReportOptions>;

export const FAIL_ON: readonly FailOn[] = ['error', 'warning', 'never'];

export interface ResolvedLoadOptions {
  timeoutMs: number;
  maxBytes: number;
  cwd: string;
}

export function resolveLoadOptions(options: LoadOptions = {}): ResolvedLoadOptions {
  const timeoutMs = options.timeoutMs ?? DEFAULTS.timeoutMs;
  const maxBytes = options.maxBytes ?? DEFAULTS.maxBytes;
  positive('timeoutMs', timeoutMs);
  positive('maxBytes', maxBytes);
  return { timeoutMs, maxBytes, cwd: options.cwd ?? process.cwd() };
}

export interface ResolvedRunOptions extends ResolvedLoadOptions {
  inputs: ReportInput[];
  failOn: FailOn;
  json: string | undefined;
  html: string | undefined;
  color: boolean | undefined;
  width: number;
  watched: string[];
}

/** Validates and completes `runReport` options; never mutates `user`. Throws a TypeError naming the option. */
export function resolveOptions(user: RunReportOptions): ResolvedRunOptions {
  if (!Array.isArray(user.inputs))
    throw new TypeError(`[concord] \`inputs\` must be an array of paths or URLs, got ${typeof user.inputs}`);
  const failOn = user.failOn ?? DEFAULTS.failOn;
  if (!FAIL_ON.includes(failOn))
    throw new TypeError(
      `[concord] \`failOn\` must be "error", "warning" or "never", got ${JSON.stringify(failOn)}`,
    );
  const width = user.width ?? DEFAULTS.width;
  positive('width', width);
  return {
    ...resolveLoadOptions(user),
    inputs: [...user.inputs],
    failOn,
    json: user.json,
    html: user.html,
    color: user.color,
    width,
    watched: [...(user.watched ?? [])],
  };
}

function positive(name: string, value: number): void {
  if (!Number.isFinite(value) || value <= 0)
    throw new TypeError(`[concord] \`${name}\` must be a positive number, got ${JSON.stringify(value)}`);
}
