// What Module Federation registers for one share, per federation plugin: the values the runtime receives
// after the plugin applied its own defaults. Concord's manifest metadata records these, never a guess.
//   @module-federation/vite 1.23 (`resolveSharedVersion`): version from the installed package.json; an unset
//     requiredVersion is read from the app's package.json (dependencies, dev, peer, optional) and used when it
//     is a semver range, else `^version` (or `*` with `import: false` or an explicit `version`).
//   enhanced (Rspack, webpack; ConsumeSharedPlugin's `getRequiredVersionFromDescriptionFile`): an unset
//     requiredVersion is the app's package.json range as written (optional, dependencies, peer, dev), so
//     `workspace:*` and exact pins pass through; none found, or `*`: no range at all.
import type { SharedMetadata } from '@concord/report';
import type { Bundler } from './options';
import type { ProjectInfo } from './project';

/** One entry of federation `shared` in object form (the fields Concord reads or sets). */
export interface SharedConfig {
  import?: string | false;
  singleton?: boolean;
  requiredVersion?: string | false;
  strictVersion?: boolean;
  version?: string;
  eager?: boolean;
  shareScope?: string;
  [key: string]: unknown;
}

/** `react/jsx-runtime` → `react`, `@scope/pkg/x` → `@scope/pkg`. */
export const packageNameOf = (request: string): string => {
  const parts = request.split('/');
  return request.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
};

/** webpack's reading of a value in `shared: { key: value }` (a string is a range or an import request). */
export function toObject(key: string, value: unknown): SharedConfig {
  if (typeof value === 'object' && value !== null) return value as SharedConfig;
  if (typeof value === 'string' && value !== key && /^[\^~<>=\d*]|^\s*$/.test(value))
    return { requiredVersion: value };
  return typeof value === 'string' && value !== key ? { import: value } : {};
}

/** Federation `shared` (array or object) as an object keyed by share key; values keep their form. */
export function normalizeShared(shared: unknown): Record<string, unknown> {
  if (Array.isArray(shared)) {
    const out: Record<string, unknown> = {};
    for (const item of shared) {
      if (typeof item === 'string') out[item] = {};
      else if (typeof item === 'object' && item !== null) Object.assign(out, item);
    }
    return out;
  }
  return typeof shared === 'object' && shared !== null ? { ...(shared as Record<string, unknown>) } : {};
}

const SEMVER_COMPARATOR =
  /^(?:[<>=~^]*v?(?:\d+|[xX*])(?:\.(?:\d+|[xX*]))*(?:[-+][\w.-]+)?|[<>=~^]+|[xX*]|-)$/;
const PROTOCOL = /^[a-z][a-z\d+.-]*:/i;

// @module-federation/vite's isUsableRequiredVersion.
const viteUsable = (range: string): boolean =>
  range.trim() !== '' &&
  !PROTOCOL.test(range.trim()) &&
  range.split('||').every((alternative) => {
    const comparators = alternative.trim().split(/\s+/).filter(Boolean);
    return comparators.length > 0 && comparators.every((c) => SEMVER_COMPARATOR.test(c));
  });

const VITE_ORDER = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'] as const;
const ENHANCED_ORDER = [
  'optionalDependencies',
  'dependencies',
  'peerDependencies',
  'devDependencies',
] as const;

function declaredRange(project: ProjectInfo, name: string, order: readonly (typeof VITE_ORDER)[number][]) {
  for (const kind of order) {
    const range = project.packageJson?.[kind]?.[name];
    if (typeof range === 'string') return range;
  }
  return undefined;
}

// webpack's normalizeVersion: a git URL with `#semver:<range>` stands for that range.
function enhancedNormalize(range: string): string {
  const value = range.trim();
  const semver = /#semver:(.+)$/.exec(value);
  return semver && !/^[\d^=v<>~]|^[*xX]$/.test(value) ? semver[1]! : value;
}

/**
 * The share as the federation plugin of `bundler` registers it, from the config it is given (after
 * Concord's changes) and the app on disk.
 */
export function registeredShare(
  key: string,
  config: SharedConfig,
  project: ProjectInfo,
  bundler: Bundler,
  defaultScope = 'default',
): SharedMetadata {
  const source = typeof config.import === 'string' && !/^[./]/.test(config.import) ? config.import : key;
  const name = packageNameOf(source);
  const installed = project.find(name)?.version;
  const version = typeof config.version === 'string' ? config.version : installed;
  let requiredVersion: string | false | undefined = config.requiredVersion;
  if (bundler === 'vite') {
    if (requiredVersion === undefined && config.version === undefined)
      requiredVersion = declaredRange(project, name, VITE_ORDER);
    if (!(requiredVersion === false || (typeof requiredVersion === 'string' && viteUsable(requiredVersion))))
      requiredVersion =
        config.import === false || config.version !== undefined || !version ? '*' : `^${version}`;
  } else if (requiredVersion === undefined) {
    const declared = declaredRange(project, name, ENHANCED_ORDER);
    requiredVersion = declared === undefined ? undefined : enhancedNormalize(declared);
    // A declared `*` registers no range at all (the manifest writes `requiredVersion: null`).
    if (typeof requiredVersion === 'string' && /^\s*[*xX]?\s*$/.test(requiredVersion))
      requiredVersion = undefined;
  }
  return {
    ...(version !== undefined ? { version } : {}),
    ...(requiredVersion !== undefined ? { requiredVersion } : {}),
    singleton: config.singleton === true,
    strictVersion: config.strictVersion === true,
    eager: config.eager === true,
    import: config.import !== false,
    shareScope: typeof config.shareScope === 'string' ? config.shareScope : defaultScope,
  };
}
