// Turns validated inputs into apps with one merged declaration per shared package: the manifest's entry, with
// Concord's configured values (`concord.shared`) taking precedence because enhanced over-reports `singleton`.
import { appLabel, finding } from '../finding';
import type { Bundler, FederationManifest, Finding, LoadedInput } from '../types';
import type { Declaration } from './share-scope';

/**
 * Store libraries whose second copy means a second store (DESIGN.md "Instance beacons"). Kept in step with
 * `DEFAULT_WATCHED` of @concord/runtime-plugin; each manifest's `concord.watched` replaces it for that app.
 */
export const DEFAULT_WATCHED: readonly string[] = Object.freeze([
  'react',
  'react-dom',
  'zustand',
  'redux',
  '@reduxjs/toolkit',
  'react-redux',
  'jotai',
  'valtio',
  'mobx',
  'rxjs',
  '@tanstack/query-core',
  '@concord/shared-state',
]);

export interface AppDecl extends Declaration {
  singletonSource: 'concord' | 'manifest' | null;
  /** requiredVersion as written, for display (`null` when not recorded). */
  requiredRaw: string | null;
}

export interface App {
  name: string;
  bundler: Bundler;
  input: string;
  manifest: FederationManifest;
  decls: Map<string, AppDecl>;
  watched: ReadonlySet<string>;
}

export function collectApps(
  inputs: LoadedInput[],
  extraWatched: readonly string[],
): { apps: App[]; findings: Finding[] } {
  const apps: App[] = [];
  const findings: Finding[] = [];
  const byName = new Map<string, App>();
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
    const watched = new Set(m.concord?.watched ?? DEFAULT_WATCHED);
    for (const w of extraWatched) watched.add(w);
    const app: App = {
      name: input.app,
      bundler: input.bundler,
      input: input.input,
      manifest: m,
      decls: declarations(input.app, m),
      watched,
    };
    byName.set(app.name, app);
    apps.push(app);
  }
  return { apps, findings };
}

function declarations(app: string, m: FederationManifest): Map<string, AppDecl> {
  const decls = new Map<string, AppDecl>();
  const configured = m.concord?.shared;
  for (const s of m.shared) {
    if (decls.has(s.name)) continue;
    const c = configured?.[s.name];
    const requiredVersion = c?.requiredVersion ?? s.requiredVersion;
    const singleton = c?.singleton ?? s.singleton;
    decls.set(s.name, {
      app,
      version: c?.import === false ? null : s.version,
      declared: s.version,
      requiredVersion,
      requiredRaw: requiredVersion === false ? 'false' : requiredVersion,
      singleton: singleton ?? false,
      singletonSource: c?.singleton !== undefined ? 'concord' : s.singleton !== null ? 'manifest' : null,
      strictVersion: c?.strictVersion ?? null,
    });
  }
  // Vite lists only the shares the build used; the configured ones complete the picture.
  if (configured)
    for (const name of Object.keys(configured)) {
      if (decls.has(name)) continue;
      const c = configured[name]!;
      const version = c.version ?? m.concord!.dependencies[name] ?? '0';
      const requiredVersion = c.requiredVersion ?? null;
      decls.set(name, {
        app,
        version: c.import === false ? null : version,
        declared: version,
        requiredVersion,
        requiredRaw: requiredVersion === false ? 'false' : requiredVersion,
        singleton: c.singleton ?? false,
        singletonSource: c.singleton !== undefined ? 'concord' : null,
        strictVersion: c.strictVersion ?? null,
      });
    }
  return decls;
}
