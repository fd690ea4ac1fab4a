// One row of the matrix per shared package, and the findings about that package across apps: the resolution
// model (share-scope.ts, vite-module-cache.ts) runs once, then each check in checks/ reads its outcome.
import type { Finding, MatrixCell, MatrixRow } from '../types';
import type { App, AppDecl } from './apps';
import { copies } from './checks/copies';
import { exactPinDrift } from './checks/exact-pin';
import { mixedSingleton } from './checks/mixed-singleton';
import { protocolLeaks } from './checks/protocol-leak';
import { raceGroups, sameVersionRaces } from './checks/same-version-races';
import { singletonSeedRace } from './checks/seed-race';
import { unsatisfied } from './checks/unsatisfied';
import { versionSplit } from './checks/version-split';
import type { PackageContext } from './context';
import { PackageScope, type Resolution, type Satisfies } from './share-scope';
import { compareVersionsDesc } from './versions';
import { applyViteModuleCache } from './vite-module-cache';

/** Every check of one package, in the order their findings were always produced. */
const CHECKS: readonly ((ctx: PackageContext) => void)[] = [
  protocolLeaks,
  unsatisfied,
  copies,
  versionSplit,
  sameVersionRaces,
  mixedSingleton,
  exactPinDrift,
  singletonSeedRace,
];

/**
 * @param uses the apps that declare `pkg`, in app order
 * @param privates versions of `pkg` that apps depend on without sharing it, by app index
 */
export function analyzePackage(
  pkg: string,
  uses: readonly AppDecl[],
  privates: Map<number, string> | undefined,
  watched: boolean,
  apps: App[],
  byName: Map<string, App>,
  satisfies: Satisfies,
  picks?: Map<string, string | null>,
): { row: MatrixRow; findings: Finding[] } {
  const scope = new PackageScope(pkg, satisfies, picks);
  // The host's shares register first (its init), then every remote's; see PackageScope.register.
  for (const d of uses)
    if (d.provides !== null && d.owner.host) scope.register(d.app, d.provides, true, d.eager);
  for (const d of uses)
    if (d.provides !== null && !d.owner.host) scope.register(d.app, d.provides, false, d.eager);
  const resolutions: Resolution[] = new Array(uses.length);
  for (let i = 0; i < uses.length; i++) resolutions[i] = scope.resolve(uses[i]!);
  // Rspack/webpack consumers get the runtime resolver's answer; Vite non-singletons what Vite's module cache holds.
  applyViteModuleCache(uses, resolutions, satisfies);
  const cells: MatrixCell[] = new Array(apps.length);
  for (let i = 0; i < uses.length; i++) {
    const d = uses[i]!;
    const r = resolutions[i]!;
    if (r.kind === 'shared') {
      d.provider = r.provider;
      d.verdict = r.satisfied ? 'ok' : 'mismatch';
    } else d.verdict = r.kind;
    cells[d.owner.index] = d;
  }
  for (let i = 0; i < apps.length; i++) {
    if (cells[i]) continue;
    const dep = privates?.get(i);
    cells[i] = dep === undefined ? apps[i]!.absent : privateCell(apps[i]!, dep);
  }
  const findings: Finding[] = [];
  const versions = scope.registeredVersions().sort(compareVersionsDesc);
  const selected = scope.selected();
  const ctx: PackageContext = {
    pkg,
    users: uses,
    byName,
    resolutions,
    versions,
    selected,
    watched,
    findings,
    satisfies,
    races: raceGroups(uses, resolutions),
    live: undefined,
  };
  for (const check of CHECKS) check(ctx);
  return { row: { package: pkg, watched, versions, selected, cells }, findings };
}

const privateCell = (app: App, version: string): MatrixCell => ({
  app: app.name,
  version,
  requiredVersion: null,
  singleton: null,
  singletonSource: null,
  strictVersion: null,
  provider: null,
  verdict: 'private',
});
