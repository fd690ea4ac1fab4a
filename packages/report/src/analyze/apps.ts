// Turns validated inputs into apps with one merged declaration per shared package: the manifest's entry, with
// Concord's configured values (`concord.shared`) taking precedence because enhanced over-reports `singleton`.

import { DEFAULT_WATCHED } from '@concord/runtime-plugin/inject';
import { appLabel, finding } from '../finding';
import type {
  Bundler,
  FederationManifest,
  Finding,
  LoadedInput,
  MatrixCell,
  ProviderRef,
  Verdict,
} from '../types';
import { findHost } from './host';
import type { Declaration } from './share-scope';
import { exactPin, PROTOCOL_RE } from './versions';

/**
 * Store libraries whose second copy means a second store: the runtime plugin's list, the one source of truth.
 * Each manifest's `concord.watched` replaces it for that app.
 */
export { DEFAULT_WATCHED };

/** What the checks read from a requiredVersion, worked out once per distinct range of an analysis. */
export interface RangeFacts {
  /** A package-manager protocol (`workspace:*`, `catalog:`…) the runtime's satisfy never matches (CONCORD-415). */
  readonly leak: boolean;
  /** The version of an exact pin (`19.3.1`, `=19.3.1`), else null (CONCORD-414). */
  readonly pin: string | null;
}

const NO_RANGE: RangeFacts = Object.freeze({ leak: false, pin: null });

/** The facts of each distinct range, shared by the declarations of one analysis (a fleet repeats a few ranges). */
function rangeFacts(cache: Map<string, RangeFacts>, range: string | false | null): RangeFacts {
  if (typeof range !== 'string') return NO_RANGE;
  let facts = cache.get(range);
  if (facts === undefined) {
    facts = { leak: PROTOCOL_RE.test(range), pin: exactPin(range) };
    cache.set(range, facts);
  }
  return facts;
}

// AppDecl's flags: three booleans in one field (a fleet has tens of thousands of declarations).
const NO_IMPORT = 1;
const REQUIRES_FALSE = 2;
const EAGER = 4;

/**
 * One app's merged declaration of one package, which is also the app's cell in the package's matrix row (the
 * analysis fills in `provider` and `verdict`): its own enumerable properties are exactly a `MatrixCell`'s, in
 * the report's key order, and what only the analysis reads is kept in private fields, which JSON, spreading
 * and `Object.keys` never see. One object per declaration, not a declaration pointing at its cell: a
 * 1,000-app fleet has 60,000, and the second object and the pointer chase to it cost about 5% of the
 * analysis (BENCHMARKS.md). `release()` drops the analysis' references once the report is built.
 */
export class AppDecl implements Declaration, MatrixCell {
  readonly app: string;
  /** The manifest's declared version, even for `import: false`. */
  readonly version: string;
  /** requiredVersion as written, for display (`"false"` for false, `null` when not recorded). */
  readonly requiredVersion: string | null;
  readonly singleton: boolean;
  readonly singletonSource: 'concord' | 'manifest' | null;
  readonly strictVersion: boolean | null;
  provider: ProviderRef | null = null;
  verdict: Verdict = 'absent';
  #owner: App;
  #range: RangeFacts;
  /** `import: false`, `requiredVersion: false` and `eager`, as bits (`NO_IMPORT`, `REQUIRES_FALSE`, `EAGER`). */
  readonly #flags: number;

  constructor(
    owner: App,
    declared: string,
    /** false for `import: false`: the app registers no version of its own. */
    imports: boolean,
    required: string | false | null,
    singleton: boolean,
    singletonSource: 'concord' | 'manifest' | null,
    strictVersion: boolean | null,
    eager: boolean,
    range: RangeFacts,
  ) {
    this.app = owner.name;
    this.version = declared;
    this.requiredVersion = required === false ? 'false' : required;
    this.singleton = singleton;
    this.singletonSource = singletonSource;
    this.strictVersion = strictVersion;
    this.#owner = owner;
    this.#range = range;
    this.#flags = (imports ? 0 : NO_IMPORT) | (required === false ? REQUIRES_FALSE : 0) | (eager ? EAGER : 0);
  }

  /**
   * A declaration that lives as long as the module. V8 holds the hidden class of constructed objects only
   * through their instances: once a report's declarations are collected, the class goes with them and every
   * optimised function that read a declaration is thrown away, so the next analysis in the process (Vite's
   * watch mode, a dev server, the benches) ran unoptimised (BENCHMARKS.md). One instance keeps the class.
   */
  static readonly kept: AppDecl = new AppDecl(
    Object.create(null) as App,
    '',
    true,
    null,
    false,
    null,
    null,
    false,
    NO_RANGE,
  );

  /** The declaring app. */
  get owner(): App {
    return this.#owner;
  }
  /** Version this app registers in the share scope; `null` when it only consumes (`import: false`). */
  get provides(): string | null {
    return this.#flags & NO_IMPORT ? null : this.version;
  }
  /** requiredVersion as the runtime receives it (`false` included). */
  get required(): string | false | null {
    return this.#flags & REQUIRES_FALSE ? false : this.requiredVersion;
  }
  /** `eager` as Concord's metadata records it: an eager provider takes a lazy one's slot. */
  get eager(): boolean {
    return (this.#flags & EAGER) !== 0;
  }
  /** What the checks read from `requiredVersion`. */
  get range(): RangeFacts {
    return this.#range;
  }
  /** Lets the report keep its cells without keeping the apps (and their manifests) alive. */
  release(): void {
    this.#owner = RELEASED;
    this.#range = NO_RANGE;
  }
}

/** What a released declaration's `owner` is: nothing reads it after the report is built. */
const RELEASED = Object.freeze(Object.create(null)) as App;

export interface App {
  /** Position in `Report.apps` (and in every row's `cells`). */
  index: number;
  name: string;
  bundler: Bundler;
  input: string;
  manifest: FederationManifest;
  /** `"cart" (vite)`, built once: every message names apps this way. */
  label: string;
  /** The host of the page (see host.ts): its shares register first and keep their slot. */
  host: boolean;
  watched: ReadonlySet<string>;
  /** This app's cell in rows of packages it neither shares nor depends on (one object, reused). */
  absent: MatrixCell;
}

export function collectApps(
  inputs: LoadedInput[],
  extraWatched: readonly string[],
  hostOption?: string | false,
): { apps: App[]; findings: Finding[]; watchSets: ReadonlySet<string>[]; uses: Map<string, AppDecl[]> } {
  const apps: App[] = [];
  const uses = new Map<string, AppDecl[]>();
  const findings: Finding[] = [];
  const byName = new Map<string, App>();
  // Apps mostly share one watch list: one Set per distinct list keeps the per-package lookups few.
  const watchSets = new Map<string, ReadonlySet<string>>();
  for (const input of inputs) {
    if (!input.ok) {
      findings.push(input.finding);
      continue;
    }
    const first = byName.get(input.app);
    if (first) {
      findings.push(
        finding('CONCORD-404', {
          severity: 'info',
          what: `${appLabel(input.app, input.bundler)} is given twice, as ${JSON.stringify(first.input)} and ${JSON.stringify(input.input)}`,
          consequence: 'The report uses the first one and ignores the second',
          fix: "Pass each app's mf-manifest.json once (its mf-stats.json carries the same shared entries)",
          apps: [input.app],
          input: input.input,
        }),
      );
      continue;
    }
    findings.push(...input.findings);
    const m = input.manifest;
    const list = [...(m.concord?.watched ?? DEFAULT_WATCHED), ...extraWatched];
    const key = list.join('\u0000');
    let watched = watchSets.get(key);
    if (!watched) {
      watched = new Set(list);
      watchSets.set(key, watched);
    }
    const app: App = {
      index: apps.length,
      name: input.app,
      bundler: input.bundler,
      input: input.input,
      manifest: m,
      label: appLabel(input.app, input.bundler),
      host: false,
      watched,
      absent: Object.freeze({
        app: input.app,
        version: null,
        requiredVersion: null,
        singleton: null,
        singletonSource: null,
        strictVersion: null,
        provider: null,
        verdict: 'absent',
      }),
    };
    byName.set(app.name, app);
    apps.push(app);
  }
  const host = findHost(apps, hostOption);
  if (host >= 0) apps[host]!.host = true;
  // Declarations after the host is known; each package's list stays in app order.
  const ranges = new Map<string, RangeFacts>();
  for (const app of apps) declarations(app, app.manifest, uses, ranges);
  return { apps, findings, watchSets: [...watchSets.values()], uses };
}

/**
 * Whether `app` declares `pkg`. Every package of its `concord.shared` is declared (see `declarations`), which
 * answers nearly every question about its `concord.dependencies`; else a binary search by app index in the
 * package's list (which is in app order).
 */
export function declares(uses: Map<string, AppDecl[]>, app: App, pkg: string): boolean {
  if (app.manifest.concord?.shared[pkg] !== undefined) return true;
  const list = uses.get(pkg);
  if (!list) return false;
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const index = list[mid]!.owner.index;
    if (index === app.index) return true;
    if (index < app.index) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/**
 * Appends each of the app's declarations to its package's list in `uses`. Apps are added in order, so the
 * app has declared a package exactly when it owns the last entry of that package's list. One map lookup per
 * entry: a 1,000-app fleet has 60,000.
 */
function declarations(
  owner: App,
  m: FederationManifest,
  uses: Map<string, AppDecl[]>,
  ranges: Map<string, RangeFacts>,
): void {
  const configured = m.concord?.shared;
  // Configured packages met among the manifest's entries: when that is all of them, the second loop has
  // nothing to add.
  let matched = 0;
  for (const s of m.shared) {
    const list = uses.get(s.name);
    if (list !== undefined && list[list.length - 1]!.owner === owner) continue;
    const c = configured?.[s.name];
    if (c !== undefined) matched++;
    // The manifest's range is what Module Federation registered; Concord's older metadata recorded a range the
    // runtime never used (`^4.18.1` for `4.18.1`), so it only fills in a range the manifest did not record.
    const requiredVersion = s.requiredVersion ?? c?.requiredVersion ?? null;
    const singleton = c?.singleton ?? s.singleton;
    const d = new AppDecl(
      owner,
      s.version,
      c?.import !== false,
      requiredVersion,
      singleton ?? false,
      c?.singleton !== undefined ? 'concord' : s.singleton !== null ? 'manifest' : null,
      c?.strictVersion ?? null,
      c?.eager === true,
      rangeFacts(ranges, requiredVersion),
    );
    if (list !== undefined) list.push(d);
    else uses.set(s.name, [d]);
  }
  if (!configured) return;
  const names = Object.keys(configured);
  if (names.length === matched) return;
  // Vite lists only the shares the build used; the configured ones complete the picture.
  for (const name of names) {
    const list = uses.get(name);
    if (list !== undefined && list[list.length - 1]!.owner === owner) continue;
    const c = configured[name]!;
    const version = c.version ?? m.concord!.dependencies[name] ?? '0';
    const requiredVersion = c.requiredVersion ?? null;
    const d = new AppDecl(
      owner,
      version,
      c.import !== false,
      requiredVersion,
      c.singleton ?? false,
      c.singleton !== undefined ? 'concord' : null,
      c.strictVersion ?? null,
      c.eager === true,
      rangeFacts(ranges, requiredVersion),
    );
    if (list !== undefined) list.push(d);
    else uses.set(name, [d]);
  }
}
