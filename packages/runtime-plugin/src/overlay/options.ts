/**
 * Options of the Concord panel (`@concord/runtime-plugin/overlay`). Plain JSON, so the build plugins can
 * serialise them into `runtimePlugins: [[path, options]]`.
 *
 * @example
 * runtimePlugins: [['@concord/runtime-plugin/overlay', { openOnError: false }]]
 */
export interface OverlayOptions {
  /**
   * Open the panel by itself when a new finding of severity `error` appears, as Vite's error overlay does.
   * The page's URL overrides it for one load: `?concord-open-on-error=true` (or `false`).
   * @default true
   */
  openOnError?: boolean;
  /**
   * The corner of the page where the badge sits.
   * @default 'bottom-right'
   */
  position?: OverlayPosition;
}

export type OverlayPosition = 'bottom-right' | 'bottom-left' | 'top-right' | 'top-left';

export interface ResolvedOverlayOptions {
  openOnError: boolean;
  position: OverlayPosition;
}

export const OVERLAY_DEFAULTS = Object.freeze({
  openOnError: true,
  position: 'bottom-right',
}) satisfies ResolvedOverlayOptions;

const POSITIONS: readonly string[] = ['bottom-right', 'bottom-left', 'top-right', 'top-left'];

/**
 * Completes the options. A bad value is named in a warning and replaced by its default: a typo in a
 * build config must not break the page. Pure: never mutates `user`, never caches the result.
 */
export function resolveOverlayOptions(user: OverlayOptions = {}): ResolvedOverlayOptions {
  const out: ResolvedOverlayOptions = { ...OVERLAY_DEFAULTS };
  if (typeof user !== 'object' || user === null) return out;
  const { openOnError, position } = user;
  if (typeof openOnError === 'boolean') out.openOnError = openOnError;
  else if (openOnError !== undefined) bad('openOnError', openOnError, 'true or false');
  if (typeof position === 'string' && POSITIONS.includes(position)) out.position = position;
  else if (position !== undefined) bad('position', position, POSITIONS.map((p) => `'${p}'`).join(', '));
  return out;
}

/** The query parameter that overrides `openOnError` for one page load, without a rebuild. */
export const OPEN_ON_ERROR_PARAM = 'concord-open-on-error';

/** `openOnError` as a page URL's query asks (`true` or `false`), or undefined. Pure. */
export function openOnErrorFromQuery(search: string): boolean | undefined {
  const asked = new URLSearchParams(search).get(OPEN_ON_ERROR_PARAM);
  return asked === 'true' ? true : asked === 'false' ? false : undefined;
}

const bad = (name: string, value: unknown, expected: string) =>
  console.warn(
    `[concord] overlay option \`${name}\`: ${JSON.stringify(value)} is not ${expected}; the default is used.`,
  );
