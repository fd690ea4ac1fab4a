import type { FailOn } from './types';

export interface LoadOptions {
  /**
   * How long an http(s) input may take, headers and body together, in milliseconds (at most 600000).
   * @default 10000
   */
  timeoutMs?: number;
  /**
   * Largest input accepted, in bytes (at most 268435456, 256 MiB); larger files and responses are refused
   * without being read whole, and reading stops at the cap whatever the file's size claimed.
   * @default 8388608 (8 MiB)
   */
  maxBytes?: number;
  /**
   * Stops loading when aborted: inputs still loading become CONCORD-401 findings (`runReport` passes its
   * `deadlineMs` here).
   * @default undefined
   */
  signal?: AbortSignal;
  /**
   * Directory relative input and output paths are resolved against.
   * @default process.cwd()
   */
  cwd?: string;
}

/** Which input is the page's host (its shares register first and keep their slot, so its copies run). */
export interface HostOption {
  /**
   * The app that hosts the page (its name, as the report and its manifest's `name` call it), or `false` when
   * no input is the host (a page of remotes only, whose host is not among the inputs). By default the one app
   * whose manifest lists other inputs as remotes and that no input lists, else the first input. A name that
   * is none of the inputs' apps is refused (CONCORD-407).
   * @example runReport({ inputs: ['cart/dist', 'shell/dist'], host: 'shell' })
   * @default undefined (detected)
   */
  host?: string | false;
}

export interface AnalyzeOptions extends HostOption {
  /**
   * Packages to treat as store libraries on top of each app's watched list (`concord.watched`, or the default
   * list for manifests without Concord metadata): a second copy of one is an error, not a warning.
   * @default []
   */
  watched?: string[];
  /**
   * Paths of inputs the caller expected but could not give because they do not exist yet (a build plugin's
   * sibling apps not built, each already named by its own CONCORD-118 line). A remote whose name is a
   * directory of one of these paths (`../cart/dist/mf-manifest.json` → `cart`) gets no CONCORD-429, so each
   * missing app is explained once; a remote no path names still gets its CONCORD-429.
   * @default []
   */
  unbuilt?: string[];
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
   * Width the returned `text` fits in (40 to 1000 columns).
   * @default 80
   */
  width?: number;
  /**
   * The whole report's time budget in milliseconds (at most 3600000). Inputs still loading when it passes
   * are abandoned and the report comes back unfinished (`finished: false`, CONCORD-406), never hanging.
   * @default 120000
   */
  deadlineMs?: number;
}

export const DEFAULTS = Object.freeze({
  timeoutMs: 10_000,
  maxBytes: 8 * 1024 * 1024,
  failOn: 'error',
  width: 80,
  deadlineMs: 120_000,
}) satisfies Partial<RunReportOptions>;

/**
 * Upper bounds of the numeric options. Timers take at most 2^31-1 ms (a larger value fires after ~1 ms), and a
 * string can hold at most ~512 MB: past these a value is a mistake, refused with a message naming the option.
 */
export const MAXIMA = Object.freeze({
  timeoutMs: 600_000,
  maxBytes: 256 * 1024 * 1024,
  width: 1000,
  deadlineMs: 3_600_000,
}) satisfies Partial<Record<keyof RunReportOptions, number>>;

/** The smallest accepted `width` (narrower tables cannot hold a word). */
export const MIN_WIDTH = 40;

export const FAIL_ON: readonly FailOn[] = ['error', 'warning', 'never'];

export interface ResolvedLoadOptions {
  timeoutMs: number;
  maxBytes: number;
  cwd: string;
  signal: AbortSignal | undefined;
}

export function resolveLoadOptions(options: LoadOptions = {}): ResolvedLoadOptions {
  const timeoutMs = bounded('timeoutMs', options.timeoutMs ?? DEFAULTS.timeoutMs, 1, MAXIMA.timeoutMs);
  const maxBytes = bounded('maxBytes', options.maxBytes ?? DEFAULTS.maxBytes, 1, MAXIMA.maxBytes);
  return { timeoutMs, maxBytes, cwd: options.cwd ?? process.cwd(), signal: options.signal };
}

export interface ResolvedRunOptions extends ResolvedLoadOptions {
  inputs: ReportInput[];
  failOn: FailOn;
  json: string | undefined;
  html: string | undefined;
  color: boolean | undefined;
  width: number;
  deadlineMs: number;
  watched: string[];
  unbuilt: string[];
  host: string | false | undefined;
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
  const width = bounded('width', user.width ?? DEFAULTS.width, MIN_WIDTH, MAXIMA.width);
  const deadlineMs = bounded('deadlineMs', user.deadlineMs ?? DEFAULTS.deadlineMs, 1, MAXIMA.deadlineMs);
  const host = user.host;
  if (host !== undefined && host !== false && (typeof host !== 'string' || host === ''))
    throw new TypeError(
      `[concord] \`host\` must be an app's name or false, got ${typeof host === 'string' ? '""' : String(host)}`,
    );
  return {
    ...resolveLoadOptions(user),
    inputs: [...user.inputs],
    failOn,
    json: user.json,
    html: user.html,
    color: user.color,
    width,
    deadlineMs,
    watched: [...(user.watched ?? [])],
    unbuilt: [...(user.unbuilt ?? [])],
    host,
  };
}

/** An integer within [min, max], or a TypeError naming the option, the bounds and the bad value. */
function bounded(name: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max)
    throw new TypeError(
      `[concord] \`${name}\` must be an integer from ${min} to ${max}, got ${typeof value === 'number' ? String(value) : JSON.stringify(value)}`,
    );
  return value;
}
