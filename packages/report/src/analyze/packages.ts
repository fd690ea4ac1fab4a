// One row of the matrix per shared package, and the findings about that package across apps.
import { appLabel, finding, listOf } from '../finding';
import type { Finding, MatrixCell, MatrixRow, ProviderRef } from '../types';
import type { App, AppDecl } from './apps';
import { PackageScope, type Resolution, satisfies } from './share-scope';
import { compareVersionsDesc, exactPin, PROTOCOL_RE } from './versions';

const label = (a: App): string => appLabel(a.name, a.bundler);
const from = (p: ProviderRef, apps: Map<string, App>): string =>
  `${p.version} from ${label(apps.get(p.app)!)}`;

export function analyzePackage(
  pkg: string,
  apps: App[],
  byName: Map<string, App>,
): { row: MatrixRow; findings: Finding[] } {
  const scope = new PackageScope(pkg);
  const users: [App, AppDecl][] = [];
  let watched = false;
  for (const app of apps) {
    const d = app.decls.get(pkg);
    if (app.watched.has(pkg)) watched = true;
    if (!d) continue;
    users.push([app, d]);
    // Containers register in input order: put the host first, as it initialises first on the page.
    if (d.version !== null) scope.register(app.name, d.version);
  }
  const findings: Finding[] = [];
  const cells: MatrixCell[] = new Array(apps.length);
  const resolutions = new Map<App, Resolution>();
  for (let i = 0; i < apps.length; i++) {
    const app = apps[i]!;
    const d = app.decls.get(pkg);
    if (!d) {
      cells[i] = privateOrAbsent(app, pkg);
      continue;
    }
    const r = scope.resolve(d);
    resolutions.set(app, r);
    cells[i] = {
      app: app.name,
      version: d.declared,
      requiredVersion: d.requiredRaw,
      singleton: d.singleton,
      singletonSource: d.singletonSource,
      strictVersion: d.strictVersion,
      provider: r.kind === 'shared' ? r.provider : null,
      verdict:
        r.kind === 'shared' ? (r.satisfied ? 'ok' : 'mismatch') : r.kind === 'own-copy' ? 'own-copy' : r.kind,
    };
  }
  const versions = scope.registeredVersions().sort(compareVersionsDesc);
  const selected = scope.selected();
  const ctx: Ctx = { pkg, users, byName, resolutions, versions, selected, watched, findings };
  protocolLeaks(ctx);
  unsatisfied(ctx);
  copies(ctx);
  versionSplit(ctx);
  mixedSingleton(ctx);
  exactPinDrift(ctx);
  return { row: { package: pkg, watched, versions, selected, cells }, findings };
}

function privateOrAbsent(app: App, pkg: string): MatrixCell {
  const dep = app.manifest.concord?.dependencies[pkg];
  return {
    app: app.name,
    version: dep ?? null,
    requiredVersion: null,
    singleton: null,
    singletonSource: null,
    strictVersion: null,
    provider: null,
    verdict: dep !== undefined ? 'private' : 'absent',
  };
}

interface Ctx {
  pkg: string;
  users: [App, AppDecl][];
  byName: Map<string, App>;
  resolutions: Map<App, Resolution>;
  versions: string[];
  selected: ProviderRef | null;
  watched: boolean;
  findings: Finding[];
}

const leaks = (d: AppDecl): boolean =>
  typeof d.requiredVersion === 'string' && PROTOCOL_RE.test(d.requiredVersion);

function protocolLeaks({ pkg, users, findings }: Ctx): void {
  for (const [app, d] of users) {
    if (!leaks(d)) continue;
    findings.push(
      finding('CONCORD-415', {
        severity: 'error',
        what: `${label(app)} shares ${pkg} with requiredVersion ${JSON.stringify(d.requiredVersion)}, a package-manager protocol`,
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

function unsatisfied({ pkg, users, byName, resolutions, versions, findings }: Ctx): void {
  for (const [app, d] of users) {
    if (leaks(d)) continue;
    const r = resolutions.get(app)!;
    const range = d.requiredRaw;
    if (r.kind === 'shared' && !r.satisfied) {
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
          what: `${pkg}: ${label(app)} shares it with import: false and no app in the report provides it`,
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
function copies({ pkg, users, resolutions, watched, findings }: Ctx): void {
  // One shared copy per version slot; every fallback to a bundled copy is one more.
  const live = new Map<string, { label: string; version: string; apps: App[] }>();
  for (const [app, d] of users) {
    const r = resolutions.get(app)!;
    if (r.kind === 'unprovided') continue;
    const key = r.kind === 'shared' ? `shared ${r.provider.version}` : `own ${app.name}`;
    const version = r.kind === 'shared' ? r.provider.version : d.declared;
    const entry = live.get(key) ?? {
      label: r.kind === 'shared' ? version : `its own ${version}`,
      version,
      apps: [],
    };
    entry.apps.push(app);
    live.set(key, entry);
  }
  if (live.size < 2 || users.every(([, d]) => d.singleton)) return;
  const listing = [...live.values()]
    .sort((a, b) => compareVersionsDesc(a.version, b.version))
    .map((c) => `${c.label} for ${listOf(c.apps.map(label))}`);
  findings.push(
    finding('CONCORD-416', {
      severity: watched ? 'error' : 'warning',
      what: `${pkg} is not shared as a singleton by ${listOf(users.filter(([, d]) => !d.singleton).map(([a]) => label(a)))} and will run in ${live.size} copies: ${listing.join('; ')}`,
      consequence: watched
        ? `Each copy keeps its own state, so the apps stop seeing each other's ${pkg} state, silently`
        : `The page downloads and runs ${pkg} ${live.size} times`,
      fix: `Align ${pkg} to one version and one range in every app${watched ? ', and share it as a singleton so a future split is reported at load time' : ''}`,
      package: pkg,
      apps: users.map(([a]) => a.name),
    }),
  );
}

function versionSplit({ pkg, users, byName, versions, selected, findings }: Ctx): void {
  const singletons = users.filter(([, d]) => d.singleton);
  if (versions.length < 2 || singletons.length === 0 || !selected) return;
  const byVersion = versions.map((v) => {
    const apps = users.filter(([, d]) => d.version === v).map(([a]) => `"${a.name}"`);
    return `${v} (${listOf(apps)})`;
  });
  findings.push(
    finding('CONCORD-411', {
      severity: 'warning',
      what: `${pkg} is a singleton in ${listOf(singletons.map(([a]) => label(a)))} but the apps provide ${versions.length} versions: ${byVersion.join(', ')}`,
      consequence: `Only one copy runs on the page: the runtime picks ${from(selected, byName)}, so the other apps run against a version they were not built with`,
      fix: `Bring every app to the same ${pkg} version (one catalog entry or one renovate group for all apps)`,
      package: pkg,
      apps: users.map(([a]) => a.name),
    }),
  );
}

function mixedSingleton({ pkg, users, watched, findings }: Ctx): void {
  const yes = users.filter(([, d]) => d.singleton).map(([a]) => a);
  const no = users.filter(([, d]) => !d.singleton).map(([a]) => a);
  if (yes.length === 0 || no.length === 0) return;
  findings.push(
    finding('CONCORD-412', {
      severity: watched ? 'error' : 'warning',
      what: `${pkg} is shared as a singleton by ${listOf(yes.map(label))} but not by ${listOf(no.map(label))}`,
      consequence: `${listOf(no.map((a) => `"${a.name}"`))} take${no.length === 1 ? 's' : ''} whichever version satisfies ${no.length === 1 ? 'its' : 'their'} own range and load${no.length === 1 ? 's' : ''} a second copy when versions drift, with no warning`,
      fix: `Set singleton: true for ${pkg} in the shared options of ${listOf(no.map((a) => `"${a.name}"`))}`,
      package: pkg,
      apps: [...yes, ...no].map((a) => a.name),
    }),
  );
}

function exactPinDrift({ pkg, users, versions, findings }: Ctx): void {
  const pins = users.flatMap(([a, d]) => {
    const pin = exactPin(d.requiredVersion);
    return pin ? [[a, pin] as const] : [];
  });
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
