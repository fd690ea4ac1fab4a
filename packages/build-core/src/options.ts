import { REPORT_OPTION_MAXIMA } from '@concord/report';
import { invalidOption, invalidWatchName, unknownOption } from './diagnostics';

/** What the runtime plugin does when it finds a problem at load time. */
export type ConcordMode = 'warn' | 'throw' | 'off';

/** When the build report fails the build. */
export type FailOn = 'error' | 'warning' | 'never';

/** The bundlers the build plugins run on (the runtime plugin and beacons are told which one built them). */
export type Bundler = 'vite' | 'rspack' | 'webpack';

/** The contract package, with the export that holds the contract when it is not found by itself. */
export interface ContractSpec {
  /** npm name of the contract package, e.g. `@acme/contract`. */
  package: string;
  /**
   * Name of the export that holds the contract.
   * @default the default export, else the only export that looks like a contract
   */
  export?: string;
}

/** The build report (`@concord/report`) run after every build. */
export interface ConcordReportOptions {
  /**
   * Manifests of the other apps to check this app against: paths (relative to the app root) or URLs of
   * their `mf-manifest.json` / `mf-stats.json`.
   * @default []
   */
  manifests?: string[];
  /**
   * Fail the build when the report has a finding of this severity or worse.
   * @default 'error'
   */
  failOn?: FailOn;
  /**
   * Write `concord-report.json` and `concord-report.html` next to the build output.
   * @default true
   */
  write?: boolean;
  /**
   * Timeout for each manifest fetched by URL, in milliseconds (at most 600,000).
   * @default 5000
   */
  timeoutMs?: number;
  /**
   * Overall deadline of the report, in milliseconds (at most 3,600,000). A report that cannot finish in
   * time fails the build (CONCORD-117) unless `failOn` is `'never'`.
   * @default 120000
   */
  deadlineMs?: number;
  /**
   * The app that hosts the page (its manifest `name`), or `false` when none of the report's apps is the host.
   * A name that is none of the report's apps fails the build (CONCORD-407, then CONCORD-117).
   * @default undefined (the app whose manifest lists the others as remotes, else this app)
   */
  host?: string | false;
}

/**
 * Concord's options, under the `concord` key of the federation options.
 *
 * @example
 * concord({ name: 'cart', exposes: { './Cart': './src/Cart.tsx' },
 *   concord: { contract: '@acme/contract', reads: ['theme', 'session.user'] } })
 */
export interface ConcordOptions {
  /**
   * The shared-state contract package. It is shared as a singleton with `@concord/shared-state`, and its
   * name, version and slices are written into the federation manifest for the report.
   * @default undefined (no contract: beacons, runtime checks and the report still run)
   */
  contract?: string | ContractSpec;
  /**
   * This app's name as the contract's `owner` fields and the diagnostics spell it.
   * @default the federation `name`
   */
  app?: string;
  /**
   * What the runtime plugin does with a problem it finds at load time.
   * @default 'warn'
   */
  mode?: ConcordMode;
  /**
   * Per-package runtime modes, e.g. `{ react: { mode: 'throw' } }`.
   * @default {}
   */
  packages?: Record<string, { mode?: ConcordMode }>;
  /**
   * Store libraries to watch in addition to the default list (react, react-dom, zustand, redux, …):
   * shared as singletons when the app depends on them, given an instance beacon, checked at load time.
   * @default []
   */
  watch?: string[];
  /**
   * Slices (`theme`) or fields (`session.user`) of the contract that this app reads, so the report can
   * fail when the owner renames or removes one.
   * @default []
   */
  reads?: string[];
  /**
   * Slices this app writes besides those the contract names it the owner of. Only the contract's owner may
   * write a slice on the page (another app's write is rejected, CONCORD-303), so the report flags a slice
   * listed here whose owner is another app, or that two apps claim (CONCORD-424): declare what the code
   * writes, and a slice moved in the contract but not in the app fails CI instead of the page.
   * @default [] (the app owns exactly the slices whose `owner` is its name)
   */
  owns?: string[];
  /**
   * Share every watched library the app depends on as a singleton. With `false`, a watched library left
   * out of `shared` is only reported (CONCORD-106).
   * @default true
   */
  autoShare?: boolean;
  /**
   * Append an instance beacon to each watched library's entry module.
   * @default true
   */
  beacons?: boolean;
  /**
   * The report run after every build: `false` turns it off, an array lists the other apps' manifests.
   * @default { manifests: [], failOn: 'error', write: true, timeoutMs: 5000, deadlineMs: 120000 }
   */
  report?: boolean | string[] | ConcordReportOptions;
  /**
   * The Concord panel on the page (`@concord/runtime-plugin/overlay`): a badge with the page's apps,
   * findings and duplicated packages, opening the Findings, Share map and Shared state views.
   * `'development'` adds it to `vite dev`, `rspack serve` and development builds only, so a production
   * build carries none of it; `true` adds it to production builds too; `false` never. An object sets the
   * panel's options (`enabled` defaults to `'development'`).
   * @default 'development'
   * @example overlay: { enabled: true, openOnError: false } // a demo served from a production build
   */
  overlay?: boolean | 'development' | ConcordOverlayOptions;
  /**
   * Where the runtime plugin's messages link: an absolute http(s) URL of a copy of `docs/diagnostics.md`
   * (each message appends its anchor, e.g. `#concord-201`), for teams that host the docs themselves.
   * @default undefined (the runtime plugin's own default, the project's docs on GitHub)
   */
  docsUrl?: string;
  /**
   * Directory of the app's package.json, from which packages and versions are resolved. Vite plugins are
   * created before Vite resolves its `root`, so set this when `root` is not the working directory.
   * @default process.cwd()
   */
  root?: string;
}

/** The object form of `concord.overlay`. */
export interface ConcordOverlayOptions {
  /**
   * When the panel is added: `'development'` (not in production builds), `true` (always) or `false`.
   * @default 'development'
   */
  enabled?: boolean | 'development';
  /**
   * Open the panel by itself when a new error finding appears.
   * @default true
   */
  openOnError?: boolean;
}

/** {@link ConcordOverlayOptions} with every default applied. */
export interface ResolvedOverlayOptions {
  enabled: boolean | 'development';
  openOnError: boolean;
}

/** {@link ConcordReportOptions} with every default applied; `false` when the report is off. */
export interface ResolvedReportOptions {
  manifests: readonly string[];
  failOn: FailOn;
  write: boolean;
  timeoutMs: number;
  deadlineMs: number;
  host: string | false | undefined;
}

/** {@link ConcordOptions} with every default applied. */
export interface ResolvedConcordOptions {
  contract: Readonly<ContractSpec> | undefined;
  app: string | undefined;
  mode: ConcordMode;
  packages: Readonly<Record<string, { mode?: ConcordMode }>>;
  watch: readonly string[];
  reads: readonly string[];
  owns: readonly string[];
  autoShare: boolean;
  beacons: boolean;
  report: Readonly<ResolvedReportOptions> | false;
  overlay: Readonly<ResolvedOverlayOptions>;
  docsUrl: string | undefined;
  root: string | undefined;
}

export const REPORT_DEFAULTS = Object.freeze({
  manifests: Object.freeze([]) as readonly string[],
  failOn: 'error',
  write: true,
  timeoutMs: 5000,
  deadlineMs: 120_000,
  host: undefined,
} satisfies ResolvedReportOptions);

export const OVERLAY_DEFAULTS = Object.freeze({
  enabled: 'development',
  openOnError: true,
} satisfies ResolvedOverlayOptions);

export const OPTION_DEFAULTS = Object.freeze({
  contract: undefined,
  app: undefined,
  mode: 'warn',
  packages: Object.freeze({}),
  watch: Object.freeze([]) as readonly string[],
  reads: Object.freeze([]) as readonly string[],
  owns: Object.freeze([]) as readonly string[],
  autoShare: true,
  beacons: true,
  report: REPORT_DEFAULTS,
  overlay: OVERLAY_DEFAULTS,
  docsUrl: undefined,
  root: undefined,
} satisfies ResolvedConcordOptions);

const MODES: readonly ConcordMode[] = ['warn', 'throw', 'off'];
const FAIL_ON: readonly FailOn[] = ['error', 'warning', 'never'];
const KNOWN_KEYS = new Set(Object.keys(OPTION_DEFAULTS));
const REPORT_KEYS = new Set(Object.keys(REPORT_DEFAULTS));
// npm's rules for a package name (validate-npm-package-name, new packages): lower case, url-safe.
const PACKAGE_NAME = /^(?:@[a-z0-9-*~][a-z0-9-*._~]*\/)?[a-z0-9-~][a-z0-9-._~]*$/;
const READ_PATH = /^[A-Za-z_$][\w$-]*(?:\.[A-Za-z_$][\w$-]*)?$/;
const SLICE_NAME = /^[A-Za-z_$][\w$-]*$/;

/** Whether `name` is a valid npm package name. */
export const isPackageName = (name: unknown): name is string =>
  typeof name === 'string' && name.length <= 214 && PACKAGE_NAME.test(name);

const show = (value: unknown): string => {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
};

function oneOf<T extends string>(key: string, value: unknown, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw invalidOption(key, show(value), `one of ${allowed.map((a) => `"${a}"`).join(', ')}`);
}

function bool(key: string, value: unknown, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value === 'boolean') return value;
  throw invalidOption(key, show(value), 'true or false');
}

function strings(key: string, value: unknown): readonly string[] {
  if (value === undefined) return Object.freeze([]);
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string'))
    throw invalidOption(key, show(value), 'an array of strings');
  return Object.freeze([...new Set(value as string[])]);
}

function resolveContract(value: unknown): Readonly<ContractSpec> | undefined {
  if (value === undefined) return undefined;
  const spec = typeof value === 'string' ? { package: value } : value;
  if (typeof spec !== 'object' || spec === null || !isPackageName((spec as ContractSpec).package))
    throw invalidOption(
      'concord.contract',
      show(value),
      'a package name such as "@acme/contract", or { package, export? }',
    );
  const { package: pkg, export: exportName } = spec as ContractSpec;
  if (exportName !== undefined && (typeof exportName !== 'string' || exportName === ''))
    throw invalidOption('concord.contract.export', show(exportName), 'the name of an export');
  return Object.freeze(exportName === undefined ? { package: pkg } : { package: pkg, export: exportName });
}

function resolveReport(value: unknown): Readonly<ResolvedReportOptions> | false {
  if (value === undefined || value === true) return REPORT_DEFAULTS;
  if (value === false) return false;
  const user = Array.isArray(value) ? { manifests: value } : value;
  if (typeof user !== 'object' || user === null)
    throw invalidOption('concord.report', show(value), 'a boolean, an array of manifests or an object');
  for (const key of Object.keys(user))
    if (!REPORT_KEYS.has(key)) throw unknownOption(`concord.report.${key}`, [...REPORT_KEYS]);
  const r = user as ConcordReportOptions;
  return Object.freeze({
    manifests: strings('concord.report.manifests', r.manifests),
    failOn: oneOf('concord.report.failOn', r.failOn, FAIL_ON, REPORT_DEFAULTS.failOn),
    write: bool('concord.report.write', r.write, REPORT_DEFAULTS.write),
    timeoutMs: milliseconds('timeoutMs', r.timeoutMs),
    deadlineMs: milliseconds('deadlineMs', r.deadlineMs),
    host: reportHost(r.host),
  });
}

function reportHost(value: unknown): string | false | undefined {
  if (value === undefined || value === false || (typeof value === 'string' && value.trim() !== ''))
    return value;
  throw invalidOption('concord.report.host', show(value), "an app's name, or false");
}

// The same bounds as the report's own options: a timer fires after ~1 ms past 2^31-1 ms, so a larger value
// is a mistake, refused here rather than turned into a report that cannot finish.
function milliseconds(key: 'timeoutMs' | 'deadlineMs', value: unknown): number {
  if (value === undefined) return REPORT_DEFAULTS[key];
  const max = REPORT_OPTION_MAXIMA[key];
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > max)
    throw invalidOption(
      `concord.report.${key}`,
      show(value),
      `a whole number of milliseconds from 1 to ${max.toLocaleString('en-US')}`,
    );
  return value;
}

function resolveOverlay(value: unknown): Readonly<ResolvedOverlayOptions> {
  if (value === undefined) return OVERLAY_DEFAULTS;
  const user: ConcordOverlayOptions =
    typeof value === 'object' && value !== null
      ? (value as ConcordOverlayOptions)
      : { enabled: value as ConcordOverlayOptions['enabled'] };
  for (const key of Object.keys(user))
    if (!(key in OVERLAY_DEFAULTS))
      throw unknownOption(`concord.overlay.${key}`, Object.keys(OVERLAY_DEFAULTS));
  const enabled = user.enabled ?? OVERLAY_DEFAULTS.enabled;
  if (enabled !== true && enabled !== false && enabled !== 'development')
    throw invalidOption(
      'concord.overlay',
      show(value),
      'true, false, "development" or { enabled, openOnError }',
    );
  return Object.freeze({
    enabled,
    openOnError: bool('concord.overlay.openOnError', user.openOnError, OVERLAY_DEFAULTS.openOnError),
  });
}

function resolvePackages(value: unknown): Readonly<Record<string, { mode?: ConcordMode }>> {
  if (value === undefined) return OPTION_DEFAULTS.packages;
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw invalidOption('concord.packages', show(value), 'an object such as { react: { mode: "throw" } }');
  const out: Record<string, { mode?: ConcordMode }> = {};
  for (const [name, entry] of Object.entries(value)) {
    if (!isPackageName(name)) throw invalidWatchName('concord.packages', name);
    if (typeof entry !== 'object' || entry === null)
      throw invalidOption(`concord.packages["${name}"]`, show(entry), 'an object such as { mode: "throw" }');
    const mode = (entry as { mode?: unknown }).mode;
    out[name] = Object.freeze(
      mode === undefined ? {} : { mode: oneOf(`concord.packages["${name}"].mode`, mode, MODES, 'warn') },
    );
  }
  return Object.freeze(out);
}

/**
 * Applies the defaults to the user's `concord` options and validates them. Pure: never mutates its input,
 * keeps no state; throws a {@link ConcordError} (CONCORD-101/102) naming the option and the bad value.
 */
export function resolveOptions(user: ConcordOptions | undefined = {}): ResolvedConcordOptions {
  if (typeof user !== 'object' || user === null || Array.isArray(user))
    throw invalidOption('concord', show(user), 'an object');
  for (const key of Object.keys(user))
    if (!KNOWN_KEYS.has(key)) throw unknownOption(`concord.${key}`, [...KNOWN_KEYS]);
  const watch = strings('concord.watch', user.watch);
  for (const name of watch) if (!isPackageName(name)) throw invalidWatchName('concord.watch', name);
  const reads = strings('concord.reads', user.reads);
  for (const path of reads)
    if (!READ_PATH.test(path)) throw invalidOption('concord.reads', show(path), 'a slice or "slice.field"');
  const owns = strings('concord.owns', user.owns);
  for (const slice of owns)
    if (!SLICE_NAME.test(slice)) throw invalidOption('concord.owns', show(slice), 'the name of a slice');
  if (user.app !== undefined && (typeof user.app !== 'string' || user.app === ''))
    throw invalidOption('concord.app', show(user.app), 'a non-empty string');
  if (user.root !== undefined && (typeof user.root !== 'string' || user.root === ''))
    throw invalidOption('concord.root', show(user.root), 'a directory path');
  // The runtime plugin checks the same shape; checked here too so a typo fails the build, not the page.
  if (
    user.docsUrl !== undefined &&
    (typeof user.docsUrl !== 'string' || !/^https?:\/\/\S+$/.test(user.docsUrl))
  )
    throw invalidOption('concord.docsUrl', show(user.docsUrl), 'an absolute http(s) URL');
  return Object.freeze({
    contract: resolveContract(user.contract),
    app: user.app,
    mode: oneOf('concord.mode', user.mode, MODES, OPTION_DEFAULTS.mode),
    packages: resolvePackages(user.packages),
    watch,
    reads,
    owns,
    autoShare: bool('concord.autoShare', user.autoShare, OPTION_DEFAULTS.autoShare),
    beacons: bool('concord.beacons', user.beacons, OPTION_DEFAULTS.beacons),
    report: resolveReport(user.report),
    overlay: resolveOverlay(user.overlay),
    docsUrl: user.docsUrl,
    root: user.root,
  });
}
