import { ConcordError } from './error';
import type { Bundler, ConcordDiagnostic, Mode } from './types';
import { DEFAULT_WATCHED } from './watched';

/**
 * Options of `concordRuntimePlugin(options)`. Plain JSON except `onDiagnostic`, so the build plugins
 * can serialise them into `runtimePlugins: [[path, options]]`.
 *
 * @example
 * // rspack.config.js / vite.config.ts, inside the federation options
 * runtimePlugins: [['@concord/runtime-plugin', { app: 'catalog', bundler: 'rspack', mode: 'warn' }]]
 */
export interface ConcordRuntimeOptions {
  /**
   * The app this container belongs to, as diagnostics name it.
   * @default the container's federation `name`
   */
  app?: string;
  /**
   * The bundler that built this container.
   * @default 'unknown'
   */
  bundler?: Bundler;
  /**
   * `warn` prints one grouped console message per finding; `throw` makes the offending load fail with a
   * `ConcordError` (on Vite and Rspack containers alike); `off` records nothing.
   * @default 'warn'
   */
  mode?: Mode;
  /**
   * Per-package overrides of `mode`.
   * @default {}
   * @example { zustand: { mode: 'throw' }, react: { mode: 'off' } }
   */
  packages?: Record<string, { mode?: Mode }>;
  /**
   * The packages checked for second copies, private copies and silent fallbacks. Replaces the default
   * list; extend it with `[...DEFAULT_WATCHED, '@acme/contract']`.
   * @default DEFAULT_WATCHED
   */
  watch?: readonly string[];
  /**
   * Called once for every new finding on the page, whichever container saw it. Only when the plugin is
   * registered from code (functions cannot be serialised into a build).
   * @default undefined
   */
  onDiagnostic?: (diagnostic: ConcordDiagnostic) => void;
  /**
   * Where every message links to: the page of docs/diagnostics.md, to which each message appends its
   * anchor (`#concord-201`). Point it at a copy you host, or at the docs of the version you run.
   * @default DOCS_URL, the page on GitHub's main branch
   */
  docsUrl?: string;
}

/** The default `docsUrl` (the one place it is written). */
export const DOCS_URL = 'https://github.com/concord-mf/concord/blob/main/docs/diagnostics.md';

/** The absolute docs link of a code: `<docsUrl>#concord-201`. */
export const docsOf = (code: string, url: string = DOCS_URL) => `${url}#${code.toLowerCase()}`;

export interface ResolvedOptions {
  app?: string;
  bundler: string;
  mode: Mode;
  packages: Readonly<Record<string, { mode?: Mode }>>;
  watch: readonly string[];
  onDiagnostic?: (diagnostic: ConcordDiagnostic) => void;
  docsUrl: string;
}

/** The defaults (`app` defaults to the container's name, `onDiagnostic` to none). */
export const DEFAULTS = Object.freeze({
  bundler: 'unknown',
  mode: 'warn',
  packages: Object.freeze({}),
  watch: DEFAULT_WATCHED,
  docsUrl: DOCS_URL,
}) satisfies ResolvedOptions;

/** The option names: only these are read, so a JSON `__proto__` key (an own property) is never copied. */
const KEYS = ['app', 'bundler', 'mode', 'packages', 'watch', 'onDiagnostic', 'docsUrl'] as const;

const MODES = ['warn', 'throw', 'off'];
const isMode = (m: unknown) => m === undefined || MODES.includes(m as string);

const invalid = (name: string, value: unknown, expected: string) =>
  new ConcordError(
    'CONCORD-208',
    `[concord] CONCORD-208 invalid option \`${name}\`: ${JSON.stringify(value) ?? String(value)}. Expected ${expected}. See ${docsOf('CONCORD-208')}`,
  );

/**
 * Completes the options; in development builds it validates them first (production builds trust the
 * build plugins, which serialise validated options). Pure: never mutates `user`, never caches the result.
 */
export function resolveOptions(user: ConcordRuntimeOptions = {}): ResolvedOptions {
  if (process.env.NODE_ENV !== 'production') validate(user);
  const out: Record<string, unknown> = { ...DEFAULTS };
  for (const k of KEYS) out[k] = user?.[k] ?? out[k];
  return out as unknown as ResolvedOptions;
}

function validate(user: ConcordRuntimeOptions) {
  if (typeof user !== 'object' || user === null) throw invalid('options', user, 'an object');
  const { app, bundler, mode, packages, watch, onDiagnostic, docsUrl } = user;
  if (app !== undefined && (typeof app !== 'string' || !app)) throw invalid('app', app, 'a non-empty string');
  if (bundler !== undefined && !['vite', 'rspack', 'webpack'].includes(bundler))
    throw invalid('bundler', bundler, "'vite', 'rspack' or 'webpack'");
  if (!isMode(mode)) throw invalid('mode', mode, "'warn', 'throw' or 'off'");
  if (packages !== undefined) {
    if (typeof packages !== 'object' || packages === null || Array.isArray(packages))
      throw invalid('packages', packages, 'an object');
    for (const [name, entry] of Object.entries(packages))
      if (typeof entry !== 'object' || entry === null || !isMode(entry.mode))
        throw invalid(`packages.${name}`, entry, "{ mode?: 'warn' | 'throw' | 'off' }");
  }
  if (watch !== undefined && (!Array.isArray(watch) || watch.some((w) => typeof w !== 'string')))
    throw invalid('watch', watch, 'an array of package names');
  if (onDiagnostic !== undefined && typeof onDiagnostic !== 'function')
    throw invalid('onDiagnostic', onDiagnostic, 'a function');
  if (docsUrl !== undefined && !/^https?:\/\/\S+$/.test(docsUrl as string))
    throw invalid('docsUrl', docsUrl, 'an absolute http(s) URL');
}

/** The mode for `pkg` under these options. */
export const modeFor = (options: ResolvedOptions, pkg: string): Mode =>
  (Object.hasOwn(options.packages, pkg) && options.packages[pkg]?.mode) || options.mode;
