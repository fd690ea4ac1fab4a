// Turns validated inputs into apps with one merged declaration per shared package: the manifest's entry, with
// Concord's configured values (`concord.shared`) taking precedence because enhanced over-reports `singleton`.

import { DEFAULT_WATCHED } from '@concord/runtime-plugin/inject';
import { appLabel, finding } from '../finding';
import type { Bundler, FederationManifest, Finding, LoadedInput, MatrixCell } from '../types';
import { findHost } from './host';
import type { Declaration } from './share-scope';

/**
 * Store libraries whose second copy means a second store: the runtime plugin's list, the one source of truth.
 * Each manifest's `concord.watched` replaces it for that app.
 */
export { DEFAULT_WATCHED };

export interface AppDecl extends Declaration {
  /** The declaring app. */
  owner: App;
  singletonSource: 'concord' | 'manifest' | null;
  /** requiredVersion as written, for display (`null` when not recorded). */
  requiredRaw: string | null;
}

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
  for (const app of apps) declarations(app, app.manifest, uses);
  return { apps, findings, watchSets: [...watchSets.values()], uses };
}

/** Whether `app` declares `pkg`: a binary search by app index in the package's list (which is in app order). */
export function declares(uses: Map<string, AppDecl[]>, app: App, pkg: string): boolean {
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
 * app has declared a package exactly when it owns the last entry of that package's list.
 */
function declarations(owner: App, m: FederationManifest, uses: Map<string, AppDecl[]>): void {
  const app = owner.name;
  const has = (pkg: string): boolean => uses.get(pkg)?.at(-1)?.owner === owner;
  const add = (pkg: string, d: AppDecl): void => {
    const list = uses.get(pkg);
    if (list) list.push(d);
    else uses.set(pkg, [d]);
  };
  const configured = m.concord?.shared;
  for (const s of m.shared) {
    if (has(s.name)) continue;
    const c = configured?.[s.name];
    // The manifest's range is what Module Federation registered; Concord's older metadata recorded a range the
    // runtime never used (`^4.18.1` for `4.18.1`), so it only fills in a range the manifest did not record.
    const requiredVersion = s.requiredVersion ?? c?.requiredVersion ?? null;
    const singleton = c?.singleton ?? s.singleton;
    add(s.name, {
      owner,
      app,
      version: c?.import === false ? null : s.version,
      declared: s.version,
      requiredVersion,
      requiredRaw: requiredVersion === false ? 'false' : requiredVersion,
      singleton: singleton ?? false,
      singletonSource: c?.singleton !== undefined ? 'concord' : s.singleton !== null ? 'manifest' : null,
      strictVersion: c?.strictVersion ?? null,
      eager: c?.eager === true,
    });
  }
  // Vite lists only the shares the build used; the configured ones complete the picture.
  if (configured)
    for (const name of Object.keys(configured)) {
      if (has(name)) continue;
      const c = configured[name]!;
      const version = c.version ?? m.concord!.dependencies[name] ?? '0';
      const requiredVersion = c.requiredVersion ?? null;
      add(name, {
        owner,
        app,
        version: c.import === false ? null : version,
        declared: version,
        requiredVersion,
        requiredRaw: requiredVersion === false ? 'false' : requiredVersion,
        singleton: c.singleton ?? false,
        singletonSource: c.singleton !== undefined ? 'concord' : null,
        strictVersion: c.strictVersion ?? null,
        eager: c.eager === true,
      });
    }
}
