// CONCORD-411: several versions of a singleton on offer. Only one runs; when every singleton consumer's range
// accepts it the page is fine (info), else the mismatches are CONCORD-410 errors and this names the drift.
import { capped, finding, listOf } from '../../finding';
import { appsOf, bySingleton, from, labels, ownerLabel, type PackageContext } from '../context';

export function versionSplit({
  pkg,
  users,
  byName,
  resolutions,
  versions,
  selected,
  findings,
}: PackageContext): void {
  if (versions.length < 2 || !selected) return;
  const singletons = bySingleton(users, true);
  if (singletons.length === 0) return;
  // Per version: how many apps provide it, and the first nine of them (a message names at most eight).
  const providers = new Map<string, { count: number; first: string[] }>();
  for (const d of users) {
    if (d.provides === null) continue;
    const p = providers.get(d.provides);
    if (!p) providers.set(d.provides, { count: 1, first: [d.app] });
    else if (p.count++ < 9) p.first.push(d.app);
  }
  let satisfied = true;
  for (let i = 0; i < users.length; i++) {
    const r = resolutions[i]!;
    if (users[i]!.singleton && r.kind === 'shared' && !r.satisfied) satisfied = false;
  }
  const byVersion = versions.map((v) => {
    const { count, first } = providers.get(v)!;
    const named = (count > 8 ? first.slice(0, 7) : first).map((app) => `"${app}"`);
    if (count > 8) named.push(`${count - 7} more`);
    return `${v} (${listOf(named)})`;
  });
  findings.push(
    capFinding(
      pkg,
      users,
      byName,
      selected,
      versions.length,
      capped(byVersion).join(', '),
      satisfied,
      singletons,
    ),
  );
}

function capFinding(
  pkg: string,
  users: PackageContext['users'],
  byName: PackageContext['byName'],
  selected: NonNullable<PackageContext['selected']>,
  count: number,
  byVersion: string,
  satisfied: boolean,
  singletons: PackageContext['users'],
) {
  return finding('CONCORD-411', {
    severity: satisfied ? 'info' : 'warning',
    what: `${pkg} is a singleton in ${listOf(labels(singletons, ownerLabel))} but the apps provide ${count} versions: ${byVersion}`,
    consequence: satisfied
      ? `Only one copy runs on the page (the runtime picks ${from(selected, byName)}) and every singleton's range accepts it: nothing breaks today, but the next release in one app can put another out of range`
      : `Only one copy runs on the page: the runtime picks ${from(selected, byName)}, so the other apps run against a version they were not built with`,
    fix: `Bring every app to the same ${pkg} version (one catalog entry or one renovate group for all apps)`,
    package: pkg,
    apps: appsOf(users),
  });
}
