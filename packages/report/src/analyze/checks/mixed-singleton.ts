// CONCORD-412: a singleton declared by some apps and not others. A config smell, not an outcome: when the page
// still ends with one copy and every range satisfied (same-version non-singletons share one slot) it is info;
// otherwise a warning next to the outcome's own error (416 two copies, 418/425 a version out of range).
import { finding, listOf } from '../../finding';
import type { App } from '../apps';
import {
  allShareAs,
  appsOf,
  bySingleton,
  declaration,
  from,
  labels,
  ownerLabel,
  type PackageContext,
  quotedApp,
  quotedName,
} from '../context';
import { liveCopies } from './copies';

export function mixedSingleton(ctx: PackageContext): void {
  const { pkg, users, byName, resolutions, selected, findings } = ctx;
  // Most packages are declared one way by every app: tell that before building the two lists.
  if (users.length === 0 || allShareAs(users, users[0]!.singleton)) return;
  const yesDecls = bySingleton(users, true);
  const noDecls = bySingleton(users, false);
  const detail = `${listOf(labels(noDecls, (d) => `${d.app} declares ${declaration(d)}`))}${selected ? `; the runtime picks ${from(selected, byName)} for the singletons` : ''}`;
  // Vite non-singletons handed the singleton's module do not load a second copy: they run it, in range or not.
  const handed: App[] = [];
  const drift: App[] = [];
  let harmless = true;
  for (let i = 0; i < users.length; i++) {
    const r = resolutions[i]!;
    if (r.kind !== 'shared' || !r.satisfied) harmless = false;
    if (users[i]!.singleton) continue;
    if (r.kind === 'shared' && r.cache?.singleton) handed.push(users[i]!.owner);
    else drift.push(users[i]!.owner);
  }
  if (harmless && liveCopies(ctx).length > 1) harmless = false;
  const names = (list: App[]) => listOf(labels(list, quotedName));
  const s = (list: App[], verb: string) => (list.length === 1 ? `${verb}s` : verb);
  const consequence = harmless
    ? `Today every app ends up on one copy in its range, so nothing breaks; but ${names(noDecls.map((d) => d.owner))} would load a second copy, with no warning, as soon as versions drift`
    : [
        drift.length > 0 &&
          `${names(drift)} ${s(drift, 'take')} whichever version satisfies ${drift.length === 1 ? 'its' : 'their'} own range and ${s(drift, 'load')} a second copy when versions drift, with no warning`,
        handed.length > 0 &&
          `${names(handed)} ${s(handed, 'run')} the singleton's module whatever ${handed.length === 1 ? 'its' : 'their'} own range says (@module-federation/vite hands it to a non-singleton), with no warning`,
      ]
        .filter(Boolean)
        .join('; ');
  findings.push(
    finding('CONCORD-412', {
      severity: harmless ? 'info' : 'warning',
      what: `${pkg} is shared as a singleton by ${listOf(labels(yesDecls, ownerLabel))} but not by ${listOf(labels(noDecls, ownerLabel))}: ${detail}`,
      consequence,
      fix: `Set singleton: true for ${pkg} in the shared options of ${listOf(labels(noDecls, quotedApp))}`,
      package: pkg,
      apps: appsOf([...yesDecls, ...noDecls]),
    }),
  );
}
