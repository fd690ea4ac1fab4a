// Hand-written shape checks for mf-manifest.json / mf-stats.json (Vite and enhanced) and Concord's `concord` key.
// They run on every input of a 500-app report, so they walk each value once and allocate only the result.
import type {
  Bundler,
  ConcordMetadata,
  ConcordSharedConfig,
  ContractDescription,
  FederationManifest,
  ManifestShared,
} from '../types';
import { sharedConfig, sharedEntry } from './canonical';
import { intern } from './intern';
import { LIMITS } from './limits';

/** A shape problem: the JSON path of the field, what was expected, and what was there. */
export interface Issue {
  field: string;
  expected: string;
  got: string;
}

export const describeValue = (v: unknown): string => {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string') return v.length > 40 ? `a string of ${v.length} characters` : JSON.stringify(v);
  if (typeof v === 'object') return 'an object';
  if (v === undefined) return 'nothing';
  return `${typeof v} ${String(v)}`;
};

const issue = (field: string, expected: string, v: unknown): Issue => ({
  field,
  expected,
  got: describeValue(v),
});

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const NAME = `a name of at most ${LIMITS.name} characters`;
const RANGE = `a range of at most ${LIMITS.range} characters`;

/** A non-empty name within the cap, or the issue. */
const checkName = (v: unknown, field: string, expected: string): Issue | null =>
  typeof v !== 'string' || v === ''
    ? issue(field, expected, v)
    : v.length > LIMITS.name
      ? issue(field, NAME, v)
      : null;

/** A version or range string within the cap (checked before anything matches it), or the issue. */
const checkRange = (v: string, field: string): Issue | null =>
  v.length > LIMITS.range ? issue(field, RANGE, v) : null;

const tooMany = (field: string, n: number, max: number): Issue => ({
  field,
  expected: `at most ${max} entries`,
  got: `${n} entries`,
});

/** `shared` entries: both bundlers write `{ id, name, version, singleton, requiredVersion, assets }`. */
function validateShared(list: unknown[], out: ManifestShared[]): Issue | null {
  if (list.length > LIMITS.entries) return tooMany('shared', list.length, LIMITS.entries);
  for (let i = 0; i < list.length; i++) {
    const e = list[i];
    if (!isObject(e)) return issue(`shared[${i}]`, 'an object', e);
    const { name, version, singleton, requiredVersion } = e;
    // One pass of plain tests per entry; field paths are built only for the entry that fails.
    if (
      typeof name !== 'string' ||
      name === '' ||
      name.length > LIMITS.name ||
      typeof version !== 'string' ||
      version.length > LIMITS.range ||
      (singleton !== undefined && typeof singleton !== 'boolean') ||
      (typeof requiredVersion === 'string'
        ? requiredVersion.length > LIMITS.range
        : requiredVersion !== undefined && requiredVersion !== null && requiredVersion !== false)
    )
      return sharedIssue(e, i);
    out.push(
      sharedEntry(
        name,
        version,
        requiredVersion === undefined ? null : (requiredVersion as string | false | null),
        singleton === undefined ? null : (singleton as boolean),
      ),
    );
  }
  return null;
}

/** The first problem of a `shared` entry that failed the plain tests of `validateShared`. */
function sharedIssue(e: Record<string, unknown>, i: number): Issue {
  const { name, version, singleton, requiredVersion } = e;
  const badName = checkName(name, `shared[${i}].name`, 'a package name');
  if (badName) return badName;
  if (typeof version !== 'string') return issue(`shared[${i}].version`, 'a version string', version);
  const longVersion = checkRange(version, `shared[${i}].version`);
  if (longVersion) return longVersion;
  if (singleton !== undefined && typeof singleton !== 'boolean')
    return issue(`shared[${i}].singleton`, 'true or false', singleton);
  if (typeof requiredVersion === 'string')
    return checkRange(requiredVersion, `shared[${i}].requiredVersion`)!;
  return issue(`shared[${i}].requiredVersion`, 'a range string, false or null', requiredVersion);
}

export type ManifestResult = { ok: true; manifest: FederationManifest } | { ok: false; issue: Issue };

/** Validates a parsed manifest or stats file; `concord` is validated separately (a bad one is not fatal). */
export function validateManifest(value: unknown, input: string): ManifestResult {
  if (!isObject(value)) return { ok: false, issue: issue('(root)', 'a JSON object', value) };
  const { name, metaData, shared } = value;
  const badName = checkName(name, 'name', 'the container name');
  if (badName) return { ok: false, issue: badName };
  if (!isObject(metaData)) return { ok: false, issue: issue('metaData', 'an object', metaData) };
  if (!Array.isArray(shared)) return { ok: false, issue: issue('shared', 'an array', shared) };
  const { pluginVersion, remoteEntry } = metaData;
  if (
    pluginVersion !== undefined &&
    (typeof pluginVersion !== 'string' || pluginVersion.length > LIMITS.range)
  )
    return {
      ok: false,
      issue: issue('metaData.pluginVersion', RANGE.replace('range', 'version'), pluginVersion),
    };
  if (remoteEntry !== undefined && !isObject(remoteEntry))
    return { ok: false, issue: issue('metaData.remoteEntry', 'an object', remoteEntry) };
  const entryType = remoteEntry?.type;
  if (entryType !== undefined && (typeof entryType !== 'string' || entryType.length > LIMITS.name))
    return { ok: false, issue: issue('metaData.remoteEntry.type', NAME, entryType) };
  const list: ManifestShared[] = [];
  const bad = validateShared(shared, list);
  if (bad) return { ok: false, issue: bad };
  const first = shared[0] as Record<string, unknown> | undefined;
  const stats =
    'buildOutput' in value ||
    'assetAnalysis' in value ||
    (first !== undefined && 'usedIn' in first) ||
    /-stats\.json(?:[?#]|$)/.test(input);
  return {
    ok: true,
    manifest: {
      name: intern(name as string),
      kind: stats ? 'stats' : 'manifest',
      pluginVersion: pluginVersion ?? null,
      remoteEntryType: entryType ?? null,
      shared: list,
      concord: null,
      remotes: remoteNames(value.remotes),
    },
  };
}

/**
 * The container names of `remotes[]` (both bundlers write `federationContainerName`): the report finds the host
 * and the remotes it was not given from them. Informative only, so a malformed list is read as empty.
 */
function remoteNames(remotes: unknown): string[] {
  const out: string[] = [];
  if (!Array.isArray(remotes)) return out;
  for (const r of remotes) {
    const name = isObject(r) ? r.federationContainerName : undefined;
    if (typeof name === 'string' && name !== '' && name.length <= 256 && out.length < 10_000) out.push(name);
  }
  return out;
}

const BUNDLERS: readonly Bundler[] = ['vite', 'rspack', 'webpack', 'enhanced'];

function stringList(v: unknown, field: string): Issue | null {
  if (!Array.isArray(v)) return issue(field, 'an array of strings', v);
  if (v.length > LIMITS.list) return tooMany(field, v.length, LIMITS.list);
  for (let i = 0; i < v.length; i++) {
    const item: unknown = v[i];
    if (typeof item !== 'string') return issue(`${field}[${i}]`, 'a string', item);
    // `reads` entries are `slice.field`: two names.
    if (item.length > 2 * LIMITS.name + 1) return issue(`${field}[${i}]`, NAME, item);
  }
  return null;
}

function validateSharedConfig(v: unknown, field: string): Issue | null {
  if (!isObject(v)) return issue(field, 'an object', v);
  const { version, requiredVersion, singleton, strictVersion, import: imp } = v;
  if (version !== undefined && typeof version !== 'string')
    return issue(`${field}.version`, 'a string', version);
  if (typeof version === 'string' && version.length > LIMITS.range)
    return issue(`${field}.version`, RANGE, version);
  if (requiredVersion !== undefined && requiredVersion !== false && typeof requiredVersion !== 'string')
    return issue(`${field}.requiredVersion`, 'a range string or false', requiredVersion);
  if (typeof requiredVersion === 'string' && requiredVersion.length > LIMITS.range)
    return issue(`${field}.requiredVersion`, RANGE, requiredVersion);
  if (singleton !== undefined && typeof singleton !== 'boolean')
    return issue(`${field}.singleton`, 'true or false', singleton);
  if (strictVersion !== undefined && typeof strictVersion !== 'boolean')
    return issue(`${field}.strictVersion`, 'true or false', strictVersion);
  if (imp !== undefined && typeof imp !== 'boolean') return issue(`${field}.import`, 'true or false', imp);
  return null;
}

const validateDependency = (d: unknown, field: string): Issue | null =>
  typeof d !== 'string'
    ? issue(field, 'a version string', d)
    : d.length > LIMITS.range
      ? issue(field, RANGE, d)
      : null;

function validateContract(c: unknown, field: string): Issue | null {
  if (!isObject(c)) return issue(field, 'an object', c);
  if (c.package !== undefined) {
    const bad = checkName(c.package, `${field}.package`, 'a package name');
    if (bad) return bad;
  }
  const badName = checkName(c.name, `${field}.name`, 'a string');
  if (badName) return badName;
  if (typeof c.version !== 'string') return issue(`${field}.version`, 'a version string', c.version);
  if (c.version.length > LIMITS.range) return issue(`${field}.version`, RANGE, c.version);
  if (!isObject(c.slices)) return issue(`${field}.slices`, 'an object', c.slices);
  const slices = Object.keys(c.slices);
  if (slices.length > LIMITS.list) return tooMany(`${field}.slices`, slices.length, LIMITS.list);
  for (const slice of slices) {
    const s = c.slices[slice];
    if (slice.length > LIMITS.name)
      return issue(`${field}.slices`, `slice names of at most ${LIMITS.name} characters`, slice);
    const at = `${field}.slices.${slice}`;
    if (!isObject(s)) return issue(at, 'an object', s);
    const badOwner = checkName(s.owner, `${at}.owner`, 'an app name');
    if (badOwner) return badOwner;
    if (typeof s.broadcast !== 'boolean') return issue(`${at}.broadcast`, 'true or false', s.broadcast);
    if (typeof s.sensitive !== 'boolean') return issue(`${at}.sensitive`, 'true or false', s.sensitive);
    const fields = stringList(s.fields, `${at}.fields`);
    if (fields) return fields;
  }
  return stringList(c.events, `${field}.events`);
}

export type ConcordResult =
  | { ok: true; concord: ConcordMetadata }
  | { ok: false; issue: Issue; schema?: unknown };

/**
 * Validates the `concord` key written by @concord/vite-plugin / @concord/rspack-plugin (CONTRACTS.md).
 * @param owned the value is the report's own (fresh from JSON.parse): its `shared` and `dependencies` records
 *   become null-prototype records in place instead of being copied into new ones.
 */
export function validateConcord(v: unknown, owned = false): ConcordResult {
  const at = 'concord';
  if (!isObject(v)) return { ok: false, issue: issue(at, 'an object', v) };
  if (v.schema !== 1)
    return { ok: false, issue: issue(`${at}.schema`, 'schema 1', v.schema), schema: v.schema };
  const badApp = checkName(v.app, `${at}.app`, 'the app name');
  if (badApp) return { ok: false, issue: badApp };
  if (!BUNDLERS.includes(v.bundler as Bundler))
    return { ok: false, issue: issue(`${at}.bundler`, '"vite", "rspack" or "webpack"', v.bundler) };
  for (const k of ['pluginVersion', 'mode'] as const)
    if (v[k] !== undefined && (typeof v[k] !== 'string' || (v[k] as string).length > LIMITS.range))
      return { ok: false, issue: issue(`${at}.${k}`, RANGE.replace('a range', 'a string'), v[k]) };
  // `concord.shared` is checked and copied in one pass: in place when the value is the report's own parse.
  const shared = (
    owned && isObject(v.shared) ? Object.setPrototypeOf(v.shared, null) : Object.create(null)
  ) as Record<string, ConcordSharedConfig>;
  const bad =
    (v.contract !== undefined ? validateContract(v.contract, `${at}.contract`) : null) ??
    stringList(v.owns ?? [], `${at}.owns`) ??
    stringList(v.reads ?? [], `${at}.reads`) ??
    (v.watched !== undefined ? stringList(v.watched, `${at}.watched`) : null) ??
    sharedConfigs(v.shared, `${at}.shared`, shared) ??
    checkRecord(v.dependencies ?? {}, `${at}.dependencies`, validateDependency);
  if (bad) return { ok: false, issue: bad };
  // One literal with every key, absent ones undefined: an object grown key by key gets a hidden class per set
  // of keys, which dies with the last report that used it and takes the analysis' optimised code with it.
  return {
    ok: true,
    concord: {
      schema: 1,
      app: v.app as string,
      bundler: v.bundler as Bundler,
      owns: (v.owns as string[] | undefined) ?? [],
      reads: (v.reads as string[] | undefined) ?? [],
      shared,
      dependencies: nullPrototype(v.dependencies, owned) as Record<string, string>,
      pluginVersion: v.pluginVersion as string | undefined,
      mode: v.mode as ConcordMetadata['mode'],
      contract: v.contract as ContractDescription | undefined,
      watched: v.watched as string[] | undefined,
      // The federation plugin and runtime the container was built with (src/metadata `federation`, `runtime`):
      // informative, so only a well-formed one is kept.
      federation: packageVersion(v.federation),
      runtime: packageVersion(v.runtime),
    },
  };
}

/**
 * Checks `concord.shared` and fills `out` with its entries as canonical configurations (canonical.ts: each
 * entry of the metadata has its own set of keys, and the analysis reads every entry of every app): one pass,
 * one lookup per key.
 */
function sharedConfigs(v: unknown, field: string, out: Record<string, ConcordSharedConfig>): Issue | null {
  if (v === undefined || v === null) return null;
  if (!isObject(v)) return issue(field, 'an object', v);
  const keys = Object.keys(v);
  if (keys.length > LIMITS.entries) return tooMany(field, keys.length, LIMITS.entries);
  for (const key of keys) {
    if (key.length > LIMITS.name) return issue(field, `keys of at most ${LIMITS.name} characters`, key);
    const c = v[key] as ConcordSharedConfig;
    // Field paths are built only for the value that fails.
    if (validateSharedConfig(c, '') !== null) return validateSharedConfig(c, `${field}.${key}`);
    out[key] = sharedConfig(c.version, c.requiredVersion, c.singleton, c.strictVersion, c.import, c.eager);
  }
  return null;
}

/** A `{ package, version }` record of the metadata, or undefined when it is not a well-formed one. */
function packageVersion(v: unknown): { package: string; version: string } | undefined {
  return isObject(v) &&
    typeof v.package === 'string' &&
    typeof v.version === 'string' &&
    v.package.length <= 256 &&
    v.version.length <= 256
    ? { package: v.package, version: v.version }
    : undefined;
}

/** Checks the keys and each value of a JSON record. */
function checkRecord(
  v: unknown,
  field: string,
  each: (value: unknown, field: string) => Issue | null,
): Issue | null {
  if (!isObject(v)) return issue(field, 'an object', v);
  const keys = Object.keys(v);
  if (keys.length > LIMITS.entries) return tooMany(field, keys.length, LIMITS.entries);
  for (const key of keys) {
    if (key.length > LIMITS.name) return issue(field, `keys of at most ${LIMITS.name} characters`, key);
    // Field paths are built only for the value that fails.
    const value = v[key];
    if (each(value, '') !== null) return each(value, `${field}.${key}`);
  }
  return null;
}

/**
 * A checked record with a null prototype, so that looking up a package named `constructor` or `toString`
 * finds only data (JSON.parse already keeps a `__proto__` key as data). The report's own parse result is
 * changed in place; a caller's object is copied (its prototype is the caller's).
 */
function nullPrototype(v: unknown, owned: boolean): Record<string, unknown> {
  if (v === undefined || v === null) return Object.create(null);
  if (owned) return Object.setPrototypeOf(v as object, null);
  const out = Object.create(null) as Record<string, unknown>;
  for (const key of Object.keys(v as object)) out[key] = (v as Record<string, unknown>)[key];
  return out;
}
