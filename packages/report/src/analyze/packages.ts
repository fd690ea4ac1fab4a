// One row of the matrix per shared package, and the findings about that package across apps.
import { appLabel, capped, finding, listOf } from '../finding';
import type { Finding, MatrixCell, MatrixRow, ProviderRef } from '../types';
import type { App, AppDecl } from './apps';
import { PackageScope, type Resolution, type Satisfies } from './share-scope';
import { compareVersionsDesc, exactPin, PROTOCOL_RE } from './versions';
import { applyViteModuleCache } from './vite-module-cache';

const label = (a: App): string => appLabel(a.name, a.bundler);
const from = (p: ProviderRef, apps: Map<string, App>): string =>
  `${p.version} from ${label(apps.get(p.app)!)}`;
/** `4.5.7 (requiredVersion ^4.5.7)`: what an app declares, for messages. */
const declaration = (d: AppDecl): string =>
  `${d.declared}${d.requiredRaw === null ? '' : ` (requiredVersion ${d.requiredRaw})`}`;

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
): { row: MatrixRow; findings: Finding[] } {
  const scope = new PackageScope(pkg, satisfies);
  // Containers register in input order: put the host first, as it initialises first on the page.
  for (const d of uses) if (d.version !== null) scope.register(d.app, d.version);
  const resolutions: Resolution[] = uses.map((d) => scope.resolve(d));
  // Rspack/webpack consumers get the runtime resolver's answer; Vite non-singletons what Vite's module cache holds.
  applyViteModuleCache(uses, resolutions, satisfies);
  const cells: MatrixCell[] = new Array(apps.length);
  for (let i = 0; i < uses.length; i++) {
    const d = uses[i]!;
    const app = d.owner;
    const r = resolutions[i]!;
    cells[app.index] = {
      app: app.name,
      version: d.declared,
      requiredVersion: d.requiredRaw,
      singleton: d.singleton,
      singletonSource: d.singletonSource,
      strictVersion: d.strictVersion,
      provider: r.kind === 'shared' ? r.provider : null,
      verdict: r.kind === 'shared' ? (r.satisfied ? 'ok' : 'mismatch') : r.kind,
    };
  }
  for (let i = 0; i < apps.length; i++) {
    if (cells[i]) continue;
    const dep = privates?.get(i);
    cells[i] = dep === undefined ? apps[i]!.absent : privateCell(apps[i]!, dep);
  }
  const findings: Finding[] = [];
  const versions = scope.registeredVersions().sort(compareVersionsDesc);
  const selected = scope.selected();
  const ctx: Ctx = {
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
  };
  protocolLeaks(ctx);
  unsatisfied(ctx);
  copies(ctx);
  versionSplit(ctx);
  sameVersionRaces(ctx);
  mixedSingleton(ctx);
  exactPinDrift(ctx);
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

interface Ctx {
  pkg: string;
  users: readonly AppDecl[];
  byName: Map<string, App>;
  /** Aligned with `users`. */
  resolutions: Resolution[];
  versions: string[];
  selected: ProviderRef | null;
  watched: boolean;
  findings: Finding[];
  satisfies: Satisfies;
  /** Vite non-singletons of one declared version whose outcome depends on which starts first. */
  races: Map<string, number[]>;
}

const leaks = (d: AppDecl): boolean =>
  typeof d.requiredVersion === 'string' && PROTOCOL_RE.test(d.requiredVersion);

function protocolLeaks({ pkg, users, findings }: Ctx): void {
  for (const d of users) {
    const app = d.owner;
    if (!leaks(d)) continue;
    findings.push(
      finding('CONCORD-415', {
        severity: 'error',
        what: `${label(app)} shares ${pkg} ${d.declared} with requiredVersion ${JSON.stringify(d.requiredVersion)}, a package-manager protocol`,
        consequence: d.singleton
          ? `The runtime's satisfy never matches it, so every load warns (or throws with strictVersion) about ${pkg}`
          : `The runtime's satisfy never matches it, so ${app.name} ignores every shared copy and runs its own ${pkg}`,
        fix: `Set requiredVersion explicitly (for example ^${d.declared}) for ${pkg} in ${app.name}'s shared options; the Concord build plugins do this for the contract package`,
        package: pkg,
        apps: [app.name],
      }),
    );
  }
}

function unsatisfied(ctx: Ctx): void {
  const { pkg, users, byName, resolutions, versions, findings, satisfies } = ctx;
  for (let i = 0; i < users.length; i++) {
    const d = users[i]!;
    const app = d.owner;
    if (leaks(d)) continue;
    const r = resolutions[i]!;
    const range = d.requiredRaw;
    if (r.kind === 'shared' && r.cache && !r.cache.singleton) {
      // The host, a Vite non-singleton of the same declared version, filed this app's module: a finding
      // when that puts the app outside its range on another version than the resolver would have chosen.
      if (r.satisfied || r.cache.resolverVersion === r.provider.version) continue;
      const host = users.find((u) => u.owner.name === r.cache!.filedBy)!;
      sameKey(ctx, d, host, r.provider, true);
    } else if (r.kind === 'shared' && !r.satisfied && !d.singleton) {
      // Only the module cache hands a non-singleton a version outside its range.
      findings.push(
        finding('CONCORD-418', {
          severity: 'error',
          what: `${pkg}: ${label(app)} shares it as a non-singleton requiring ${range}, but @module-federation/vite hands it the singleton's module: it will run ${from(r.provider, byName)}, outside its range`,
          consequence: `No ${d.declared} copy loads and the runtime prints nothing (Concord's runtime plugin reports CONCORD-201): ${app.name} runs a version it was not built against`,
          fix: `Align ${app.name}'s ${pkg} with ${r.provider.version} (requiredVersion ^${r.provider.version}) and share it as a singleton, so a future split is reported at load time`,
          package: pkg,
          apps: [app.name, r.provider.app],
        }),
      );
    } else if (r.kind === 'shared' && !r.satisfied) {
      const others = versions.filter((v) => v !== r.provider.version);
      const alt = others.find((v) => range !== null && satisfies(v, range));
      findings.push(
        finding('CONCORD-410', {
          severity: 'error',
          what: `${pkg}: ${label(app)} requires ${range} but the runtime picks the singleton ${from(r.provider, byName)}${alt ? ` (${alt} is on offer too, but version-first takes the highest)` : ', and no app provides a version in that range'}`,
          consequence: d.strictVersion
            ? app.bundler === 'vite'
              ? `With strictVersion, @module-federation/vite logs the failure and runs ${r.provider.version} anyway`
              : `With strictVersion the runtime throws and ${app.name} fails to load`
            : `The runtime only warns and hands ${app.name} ${r.provider.version}, a version it was not built against`,
          fix: `Align ${app.name}'s ${pkg} with ${r.provider.version} (requiredVersion ^${r.provider.version}) or bring every app to one version within ${range}`,
          package: pkg,
          apps: [app.name, r.provider.app],
        }),
      );
    } else if (r.kind === 'unprovided') {
      findings.push(
        finding('CONCORD-417', {
          severity: 'error',
          what: `${pkg}: ${label(app)} shares it with import: false, built with ${declaration(d)}, and no app in the report provides it`,
          consequence: `Loading ${app.name} fails at runtime: there is no copy of ${pkg} for it to use`,
          fix: `Provide ${pkg} from the host (list it in the host's shared options), or drop import: false in ${app.name}`,
          package: pkg,
          apps: [app.name],
        }),
      );
    }
  }
}

/** Non-singletons that end up on different versions: each version is one more live copy on the page. */
function copies({ pkg, users, resolutions, watched, findings, races }: Ctx): void {
  if (users.every((d) => d.singleton)) return;
  const raced = races.size > 0;
  // One shared copy per version slot; every fallback to a bundled copy is one more.
  const slots = new Map<string, App[]>();
  const own: AppDecl[] = [];
  for (let i = 0; i < users.length; i++) {
    const r = resolutions[i]!;
    if (r.kind === 'own-copy') own.push(users[i]!);
    if (r.kind !== 'shared') continue;
    const apps = slots.get(r.provider.version);
    if (apps) apps.push(users[i]!.owner);
    else slots.set(r.provider.version, [users[i]!.owner]);
  }
  const live = [
    ...[...slots].map(([version, apps]) => ({ label: version, version, apps })),
    ...own.map((d) => ({ label: `its own ${d.declared}`, version: d.declared, apps: [d.owner] })),
  ];
  if (live.length < 2) return;
  const listing = live
    .sort((a, b) => compareVersionsDesc(a.version, b.version))
    .map((c) => `${c.label} for ${listOf(c.apps.map(label))}`);
  findings.push(
    finding('CONCORD-416', {
      severity: watched ? 'error' : 'warning',
      what: `${pkg} is not shared as a singleton by ${listOf(users.filter((d) => !d.singleton).map((d) => label(d.owner)))} and ${raced ? 'can run in up to' : 'will run in'} ${live.length} copies: ${capped(listing).join('; ')}${raced ? ' (how many depends on which Vite container starts first: CONCORD-425)' : ''}`,
      consequence: watched
        ? `Each copy keeps its own state, so the apps stop seeing each other's ${pkg} state, silently`
        : `The page downloads and runs ${pkg} ${live.length} times`,
      fix: `Align ${pkg} to one version and one range in every app${watched ? ', and share it as a singleton so a future split is reported at load time' : ''}`,
      package: pkg,
      apps: users.map((d) => d.owner.name),
    }),
  );
}

function versionSplit({ pkg, users, byName, versions, selected, findings }: Ctx): void {
  const singletons = users.filter((d) => d.singleton);
  if (versions.length < 2 || singletons.length === 0 || !selected) return;
  const providers = new Map<string, string[]>();
  for (const d of users) {
    const a = d.owner;
    if (d.version === null) continue;
    const list = providers.get(d.version);
    if (list) list.push(`"${a.name}"`);
    else providers.set(d.version, [`"${a.name}"`]);
  }
  const byVersion = versions.map((v) => `${v} (${listOf(providers.get(v)!)})`);
  findings.push(
    finding('CONCORD-411', {
      severity: 'warning',
      what: `${pkg} is a singleton in ${listOf(singletons.map((d) => label(d.owner)))} but the apps provide ${versions.length} versions: ${capped(byVersion).join(', ')}`,
      consequence: `Only one copy runs on the page: the runtime picks ${from(selected, byName)}, so the other apps run against a version they were not built with`,
      fix: `Bring every app to the same ${pkg} version (one catalog entry or one renovate group for all apps)`,
      package: pkg,
      apps: users.map((d) => d.owner.name),
    }),
  );
}

/** What a member of a race would file if it started first: the resolver's answer, or its own bundled copy. */
const answerOf =
  (users: readonly AppDecl[], resolutions: Resolution[]) =>
  (i: number): ProviderRef => {
    const r = resolutions[i]!;
    return r.kind === 'shared' ? r.provider : { app: users[i]!.owner.name, version: users[i]!.declared };
  };

/**
 * Vite non-singletons (not handed the singleton's module, not `import: false`) grouped by declared version,
 * keeping the versions where their own answers differ: the groups whose outcome depends on which starts first.
 */
function raceGroups(users: readonly AppDecl[], resolutions: Resolution[]): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  for (let i = 0; i < users.length; i++) {
    const d = users[i]!;
    const r = resolutions[i]!;
    const handed = r.kind === 'shared' && r.cache !== undefined;
    if (d.owner.bundler !== 'vite' || d.singleton || r.kind === 'unprovided' || handed) continue;
    const group = groups.get(d.declared);
    if (group) group.push(i);
    else groups.set(d.declared, [i]);
  }
  const answer = answerOf(users, resolutions);
  for (const [declared, members] of groups) {
    const first = answer(members[0]!).version;
    if (members.every((i) => answer(i).version === first)) groups.delete(declared);
  }
  return groups;
}

/**
 * Vite non-singletons that declare the same version share one module-cache key (`default:<pkg>@<version>`),
 * checked before anything else: the first container to start files what the resolver chose for ITS range,
 * and the others run that module. Between remotes the order is a race, so each app that another app's
 * answer would put outside its range is named, with that app and the version (CONCORD-425).
 */
function sameVersionRaces(ctx: Ctx): void {
  const { users, resolutions, satisfies, races } = ctx;
  const answer = answerOf(users, resolutions);
  for (const members of races.values()) {
    for (const b of members) {
      const range = users[b]!.requiredVersion;
      if (typeof range !== 'string') continue;
      const mine = answer(b).version;
      const a = members.find((i) => {
        const theirs = answer(i).version;
        return i !== b && theirs !== mine && !satisfies(theirs, range);
      });
      if (a !== undefined) sameKey(ctx, users[b]!, users[a]!, answer(a), false);
    }
  }
}

/**
 * CONCORD-425: `d` and `rival`, Vite non-singletons of one declared version, run the module the first of them to
 * start filed under `default:<pkg>@<version>`, and `filed` (the rival's answer) is outside `d`'s range. When the
 * rival is the host (`hostFirst`) that is what happens; between remotes it is one outcome of a race.
 */
function sameKey(
  { pkg, byName, findings }: Ctx,
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
      what: `${pkg}: ${label(app)} and ${label(other)} both share ${d.declared} as a non-singleton, requiring ${d.requiredRaw} and ${rival.requiredRaw}; @module-federation/vite files one module per declared version, chosen by whichever container starts first${outcome} ${from(filed, byName)}, outside its range`,
      consequence: hostFirst
        ? `${app.name} runs a version it was not built against, and the runtime prints nothing (Concord's runtime plugin reports CONCORD-201)`
        : `Which version ${app.name} runs depends on the order in which the containers start (with version-first sharing every remote starts at page load, concurrently), and the runtime prints nothing (Concord's runtime plugin reports CONCORD-201 when it happens)`,
      fix: `Give every app that declares ${pkg} ${d.declared} the same requiredVersion, or share ${pkg} as a singleton in every app`,
      package: pkg,
      apps: [app.name, other.name, ...(filed.app === other.name ? [] : [filed.app])],
    }),
  );
}

function mixedSingleton({ pkg, users, byName, resolutions, selected, watched, findings }: Ctx): void {
  const yes = users.filter((d) => d.singleton).map((d) => d.owner);
  const noDecls = users.filter((d) => !d.singleton);
  const no = noDecls.map((d) => d.owner);
  if (yes.length === 0 || no.length === 0) return;
  const detail = `${listOf(noDecls.map((d) => `${d.owner.name} declares ${declaration(d)}`))}${selected ? `; the runtime picks ${from(selected, byName)} for the singletons` : ''}`;
  // Vite non-singletons handed the singleton's module do not load a second copy: they run it, in range or not.
  const handed = users
    .filter((_, i) => {
      const r = resolutions[i]!;
      return r.kind === 'shared' && r.cache?.singleton;
    })
    .map((d) => d.owner);
  const handedSet = new Set(handed);
  const drift = no.filter((a) => !handedSet.has(a));
  const names = (list: App[]) => listOf(list.map((a) => `"${a.name}"`));
  const s = (list: App[], verb: string) => (list.length === 1 ? `${verb}s` : verb);
  const consequence = [
    drift.length > 0 &&
      `${names(drift)} ${s(drift, 'take')} whichever version satisfies ${drift.length === 1 ? 'its' : 'their'} own range and ${s(drift, 'load')} a second copy when versions drift, with no warning`,
    handed.length > 0 &&
      `${names(handed)} ${s(handed, 'run')} the singleton's module whatever ${handed.length === 1 ? 'its' : 'their'} own range says (@module-federation/vite hands it to a non-singleton), with no warning`,
  ]
    .filter(Boolean)
    .join('; ');
  findings.push(
    finding('CONCORD-412', {
      severity: watched ? 'error' : 'warning',
      what: `${pkg} is shared as a singleton by ${listOf(yes.map(label))} but not by ${listOf(no.map(label))}: ${detail}`,
      consequence,
      fix: `Set singleton: true for ${pkg} in the shared options of ${listOf(no.map((a) => `"${a.name}"`))}`,
      package: pkg,
      apps: [...yes, ...no].map((a) => a.name),
    }),
  );
}

function exactPinDrift({ pkg, users, versions, findings }: Ctx): void {
  const pins: (readonly [App, string])[] = [];
  for (const d of users) {
    const pin = exactPin(d.requiredVersion);
    if (pin) pins.push([d.owner, pin]);
  }
  if (pins.length === 0) return;
  const distinct = new Set([...versions, ...pins.map(([, p]) => p)]);
  if (distinct.size < 2) return;
  findings.push(
    finding('CONCORD-414', {
      severity: 'warning',
      what: `${pkg} is pinned exactly by ${listOf(pins.map(([a, p]) => `${label(a)} to ${p}`))}, while the apps provide ${listOf(versions)}`,
      consequence:
        'Any patch release in one app breaks the others: a singleton then loads a version an exact pin rejects, a non-singleton a second copy',
      fix: `Use a caret range for ${pkg} (requiredVersion ^${pins[0]![1]}); exact versions in package.json become exact requiredVersions`,
      package: pkg,
      apps: pins.map(([a]) => a.name),
    }),
  );
}
