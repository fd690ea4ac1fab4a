// What each consumer gets that it did not ask for: a singleton out of range (CONCORD-410), a Vite non-singleton
// handed the singleton's module (418) or the host's module under its version's key (425), nothing at all (417).
import { finding } from '../../finding';
import type { AppDecl } from '../apps';
import { declaration, from, type PackageContext } from '../context';
import type { Resolution, Satisfies } from '../share-scope';
import { leaks } from './protocol-leak';
import { sameKey } from './same-version-races';

export function unsatisfied(ctx: PackageContext): void {
  const { pkg, users, byName, resolutions, versions, findings, satisfies } = ctx;
  // The declaration of the app that filed a module (the host), looked up once, not per consumer.
  const filers = new Map<string, AppDecl>();
  const filer = (name: string): AppDecl => {
    let d = filers.get(name);
    if (!d) {
      d = users.find((u) => u.app === name)!;
      filers.set(name, d);
    }
    return d;
  };
  for (let i = 0; i < users.length; i++) {
    const d = users[i]!;
    const app = d.owner;
    if (leaks(d)) continue;
    const r = resolutions[i]!;
    const range = d.requiredVersion;
    if (r.kind === 'shared' && r.cache && !r.cache.singleton) {
      // The host, a Vite non-singleton of the same declared version, filed this app's module: a finding
      // when that puts the app outside its range on another version than the resolver would have chosen.
      if (r.satisfied || r.cache.resolverVersion === r.provider.version) continue;
      sameKey(ctx, d, filer(r.cache.filedBy), r.provider, true);
    } else if (r.kind === 'shared' && !r.satisfied && !d.singleton) {
      // Only the module cache hands a non-singleton a version outside its range.
      findings.push(
        finding('CONCORD-418', {
          severity: 'error',
          what: `${pkg}: ${app.label} shares it as a non-singleton requiring ${range}, but @module-federation/vite hands it the singleton's module: it will run ${from(r.provider, byName)}, outside its range`,
          consequence: `No ${d.version} copy loads and the runtime prints nothing (Concord's runtime plugin reports CONCORD-201): ${app.name} runs a version it was not built against`,
          fix: `Align ${app.name}'s ${pkg} with ${r.provider.version} (requiredVersion ^${r.provider.version}) and share it as a singleton, so a future split is reported at load time`,
          package: pkg,
          apps: [app.name, r.provider.app],
        }),
      );
    } else if (r.kind === 'shared' && !r.satisfied) {
      findings.push(singletonMismatch(ctx, d, r, versions, satisfies));
    } else if (r.kind === 'unprovided') {
      findings.push(
        finding('CONCORD-417', {
          severity: 'error',
          what: `${pkg}: ${app.label} shares it with import: false, built with ${declaration(d)}, and no app in the report provides it`,
          consequence: `Loading ${app.name} fails at runtime: there is no copy of ${pkg} for it to use`,
          fix: `Provide ${pkg} from the host (list it in the host's shared options), or drop import: false in ${app.name}`,
          package: pkg,
          apps: [app.name],
        }),
      );
    }
  }
}

/** CONCORD-410, with the consequence per bundler: enhanced throws with strictVersion, Vite logs and runs it. */
function singletonMismatch(
  { pkg, byName }: PackageContext,
  d: AppDecl,
  r: Extract<Resolution, { kind: 'shared' }>,
  versions: readonly string[],
  satisfies: Satisfies,
) {
  const app = d.owner;
  const range = d.requiredVersion;
  const p = r.provider;
  let alt: string | undefined;
  for (const v of versions) if (v !== p.version && range !== null && satisfies.test(v, range)) alt = alt ?? v;
  // The app itself provides the picked version yet requires another range: its own declaration disagrees
  // with itself, which is what the message must say (never "X requires ^4 but the runtime picks 5 from X").
  const self = p.app === app.name;
  const what = self
    ? `${pkg}: ${app.label} provides ${p.version} itself but requires ${range} of it, and version-first picks its ${p.version} for every singleton consumer`
    : `${pkg}: ${app.label} requires ${range} but the runtime picks the singleton ${from(p, byName)}${alt ? ` (${alt} is on offer too, but version-first takes the highest)` : ', and no app provides a version in that range'}`;
  return finding('CONCORD-410', {
    severity: 'error',
    what,
    consequence: d.strictVersion
      ? app.bundler === 'vite'
        ? `With strictVersion, @module-federation/vite logs the failure and runs ${p.version} anyway`
        : `With strictVersion the runtime throws and ${app.name} fails to load`
      : `The runtime only warns and hands ${app.name} ${p.version}, a version it was not built against`,
    fix: self
      ? `Set ${app.name}'s requiredVersion for ${pkg} to a range that contains the version it ships (^${p.version})`
      : `Align ${app.name}'s ${pkg} with ${p.version} (requiredVersion ^${p.version}) or bring every app to one version within ${range}`,
    package: pkg,
    apps: self ? [app.name] : [app.name, p.app],
  });
}
