// CONCORD-425: Vite non-singletons that declare the same version share one module-cache key
// (`default:<pkg>@<version>`), checked before anything else: the first container to start files what the
// resolver chose for ITS range, and the others run that module. The host always starts first; between remotes
// the order is a race, so the finding names both outcomes.
import { finding } from '../../finding';
import type { ProviderRef } from '../../types';
import type { AppDecl } from '../apps';
import { from, type PackageContext } from '../context';
import type { Resolution } from '../share-scope';

/** What a member of a race would file if it started first: the resolver's answer, or its own bundled copy. */
const answerVersion = (users: readonly AppDecl[], resolutions: Resolution[], i: number): string => {
  const r = resolutions[i]!;
  return r.kind === 'shared' ? r.provider.version : users[i]!.version;
};
const answerOf = (users: readonly AppDecl[], resolutions: Resolution[], i: number): ProviderRef => {
  const r = resolutions[i]!;
  return r.kind === 'shared' ? r.provider : { app: users[i]!.app, version: users[i]!.version };
};

/**
 * Vite non-singletons (not handed the singleton's module, not `import: false`) grouped by declared version,
 * keeping the versions where their own answers differ: the groups whose outcome depends on which starts first.
 */
export function raceGroups(users: readonly AppDecl[], resolutions: Resolution[]): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  for (let i = 0; i < users.length; i++) {
    const d = users[i]!;
    const r = resolutions[i]!;
    const handed = r.kind === 'shared' && r.cache !== undefined;
    if (d.owner.bundler !== 'vite' || d.singleton || r.kind === 'unprovided' || handed) continue;
    const group = groups.get(d.version);
    if (group) group.push(i);
    else groups.set(d.version, [i]);
  }
  for (const [declared, members] of groups) {
    const first = answerVersion(users, resolutions, members[0]!);
    if (members.every((i) => answerVersion(users, resolutions, i) === first)) groups.delete(declared);
  }
  return groups;
}

/**
 * Each app that another member's answer would put outside its range is named once, with the first such
 * member. Members are grouped by answer first, so a group of hundreds asks one question per distinct
 * (range, answer) pair instead of one per pair of apps.
 */
export function sameVersionRaces(ctx: PackageContext): void {
  const { users, resolutions, satisfies, races } = ctx;
  for (const members of races.values()) {
    // The first member giving each distinct answer version, in app order.
    const firstByAnswer = new Map<string, number>();
    for (const i of members) {
      const v = answerVersion(users, resolutions, i);
      if (!firstByAnswer.has(v)) firstByAnswer.set(v, i);
    }
    for (const b of members) {
      const range = users[b]!.required;
      if (typeof range !== 'string') continue;
      const mine = answerVersion(users, resolutions, b);
      let rival: number | undefined;
      for (const [theirs, i] of firstByAnswer)
        if (theirs !== mine && !satisfies.test(theirs, range) && (rival === undefined || i < rival))
          rival = i;
      if (rival !== undefined)
        sameKey(ctx, users[b]!, users[rival]!, answerOf(users, resolutions, rival), false);
    }
  }
}

/**
 * CONCORD-425: `d` and `rival`, Vite non-singletons of one declared version, run the module the first of them to
 * start filed under `default:<pkg>@<version>`, and `filed` (the rival's answer) is outside `d`'s range. When the
 * rival is the host (`hostFirst`) that is what happens; between remotes it is one outcome of a race, and the
 * other outcome (d starts first and runs its own answer) is named too.
 */
export function sameKey(
  { pkg, byName, findings }: PackageContext,
  d: AppDecl,
  rival: AppDecl,
  filed: ProviderRef,
  hostFirst: boolean,
): void {
  const [app, other] = [d.owner, rival.owner];
  const outcome = hostFirst
    ? `, and the host always does: ${app.name} runs`
    : `: when ${other.name} starts first, ${app.name} runs`;
  findings.push(
    finding('CONCORD-425', {
      severity: 'error',
      what: `${pkg}: ${app.label} and ${other.label} both share ${d.version} as a non-singleton, requiring ${d.requiredVersion} and ${rival.requiredVersion}; @module-federation/vite files one module per declared version, chosen by whichever container starts first${outcome} ${from(filed, byName)}, outside its range${hostFirst ? '' : `; when ${app.name} starts first, it runs its own choice`}`,
      consequence: hostFirst
        ? `${app.name} runs a version it was not built against, and the runtime prints nothing (Concord's runtime plugin reports CONCORD-201)`
        : `Which version ${app.name} runs depends on the order in which the containers start (with version-first sharing every remote starts at page load, concurrently), and the runtime prints nothing (Concord's runtime plugin reports CONCORD-201 when it happens)`,
      fix: `Give every app that declares ${pkg} ${d.version} the same requiredVersion, or share ${pkg} as a singleton in every app`,
      package: pkg,
      apps: [app.name, other.name, ...(filed.app === other.name ? [] : [filed.app])],
    }),
  );
}
