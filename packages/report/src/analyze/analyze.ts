import { compareFindings, finding } from '../finding';
import type { AnalyzeOptions } from '../options';
import type { Finding, LoadedInput, MatrixRow, Report } from '../types';
import { VERSION } from '../version';
import { type App, type AppDecl, collectApps, declares } from './apps';
import { runtimeFindings } from './checks/runtimes';
import { subpathFindings } from './checks/subpaths';
import { uncheckedFindings } from './checks/unchecked';
import { analyzeContracts } from './contracts';
import type { HostOption } from './host';
import { analyzePackage } from './package-row';
import { Satisfies } from './share-scope';

/** The version of the JSON report schema (`report.schema`); see schema/report.schema.json. */
export const REPORT_SCHEMA = 1;

/**
 * Analyses loaded manifests (from `loadManifest`), in order — put the host first, as it initialises first on the
 * page. Pure: no I/O, JSON-serialisable result, the same output for the same inputs.
 */
export function analyze(inputs: LoadedInput[], options: AnalyzeOptions & HostOption = {}): Report {
  const { apps, findings, watchSets, uses } = collectApps(inputs, options.watched ?? [], options.host);
  const byName = new Map(apps.map((a) => [a.name, a]));
  // Rows: every shared package, plus watched libraries some app bundles privately (CONCORD-413).
  const packages = new Set(uses.keys());
  const privates = new Map<string, Map<number, string>>();
  for (const app of apps) {
    const deps = app.manifest.concord?.dependencies;
    if (deps)
      for (const pkg of Object.keys(deps)) {
        if (declares(uses, app, pkg)) continue;
        const byApp = privates.get(pkg) ?? new Map<number, string>();
        byApp.set(app.index, deps[pkg]!);
        privates.set(pkg, byApp);
        if (!app.watched.has(pkg)) continue;
        packages.add(pkg);
        findings.push(notShared(app, pkg, deps[pkg]!));
      }
  }
  const isWatched = (pkg: string): boolean => watchSets.some((set) => set.has(pkg));
  const satisfies = new Satisfies();
  const picks = new Map<string, string | null>();
  const matrix: MatrixRow[] = [];
  for (const pkg of [...packages].sort()) {
    const result = analyzePackage(
      pkg,
      uses.get(pkg) ?? [],
      privates.get(pkg),
      isWatched(pkg),
      apps,
      byName,
      satisfies,
      picks,
    );
    matrix.push(result.row);
    for (const f of result.findings) findings.push(f);
  }
  for (const f of analyzeContracts(apps, satisfies)) findings.push(f);
  for (const f of subpathFindings(uses)) findings.push(f);
  for (const f of runtimeFindings(apps)) findings.push(f);
  for (const f of uncheckedFindings(apps, options.unbuilt)) findings.push(f);
  findings.sort(compareFindings);
  release(uses);
  let errors = 0;
  let warnings = 0;
  for (const f of findings)
    if (f.severity === 'error') errors++;
    else if (f.severity === 'warning') warnings++;
  const summary = { errors, warnings, infos: findings.length - errors - warnings };
  return {
    schema: REPORT_SCHEMA,
    tool: { name: '@concord/report', version: VERSION },
    apps: apps.map((a) => ({
      name: a.name,
      bundler: a.bundler,
      input: a.input,
      kind: a.manifest.kind,
      concord: a.manifest.concord !== null,
      contract: a.manifest.concord?.contract
        ? { name: a.manifest.concord.contract.name, version: a.manifest.concord.contract.version }
        : null,
    })),
    rejected: rejected(inputs),
    matrix,
    findings,
    summary,
  };
}

/** A watched store library the app depends on (per `concord.dependencies`) but leaves out of `shared`. */
const notShared = (app: App, pkg: string, version: string): Finding =>
  finding('CONCORD-413', {
    severity: 'error',
    what: `${app.label} depends on ${pkg} ${version} but does not share it`,
    consequence: `It bundles a private copy of ${pkg}: its state never meets the state of the other apps`,
    fix: `Add ${pkg} to ${app.name}'s shared options as a singleton (the Concord build plugins share watched libraries unless \`watch\` leaves them out)`,
    package: pkg,
    apps: [app.name],
  });

/** The declarations are the matrix's cells: they no longer need their apps. Index loops: this runs once per report. */
function release(uses: Map<string, AppDecl[]>): void {
  for (const list of uses.values()) for (let i = 0; i < list.length; i++) list[i]!.release();
}

/** The inputs left out, with the code that says why. */
function rejected(inputs: LoadedInput[]): Report['rejected'] {
  const out: Report['rejected'] = [];
  for (const i of inputs) if (!i.ok) out.push({ input: i.input, code: i.finding.code });
  return out;
}
