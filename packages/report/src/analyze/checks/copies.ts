// CONCORD-416: non-singletons that end up on different versions: each version is one more live copy on the page.
import { capped, finding, listOf } from '../../finding';
import type { App, AppDecl } from '../apps';
import {
  allShareAs,
  appLabelOf,
  appsOf,
  bySingleton,
  labels,
  ownerLabel,
  type PackageContext,
} from '../context';
import { compareVersionsDesc } from '../versions';

export interface LiveCopy {
  label: string;
  version: string;
  apps: App[];
}

/**
 * The live copies of a package as the model predicts them: one per used version slot, one per own copy.
 * Worked out once per package (CONCORD-412 and 416 both read it).
 */
export function liveCopies(ctx: PackageContext): readonly LiveCopy[] {
  ctx.live ??= countCopies(ctx);
  return ctx.live;
}

function countCopies({ users, resolutions }: PackageContext): LiveCopy[] {
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
  const live: LiveCopy[] = [];
  for (const [version, apps] of slots) live.push({ label: version, version, apps });
  for (const d of own) live.push({ label: `its own ${d.version}`, version: d.version, apps: [d.owner] });
  return live;
}

export function copies(ctx: PackageContext): void {
  const { pkg, users, watched, findings, races } = ctx;
  if (allShareAs(users, true)) return;
  const raced = races.size > 0;
  const live = liveCopies(ctx);
  if (live.length < 2) return;
  const listing = [...live]
    .sort((a, b) => compareVersionsDesc(a.version, b.version))
    .map((c) => `${c.label} for ${listOf(labels(c.apps, appLabelOf))}`);
  const nonSingletons = bySingleton(users, false);
  findings.push(
    finding('CONCORD-416', {
      severity: watched ? 'error' : 'warning',
      what: `${pkg} is not shared as a singleton by ${listOf(labels(nonSingletons, ownerLabel))} and ${raced ? 'can run in up to' : 'will run in'} ${live.length} copies: ${capped(listing).join('; ')}${raced ? ' (how many depends on which Vite container starts first: CONCORD-425)' : ''}`,
      consequence: watched
        ? `Each copy keeps its own state, so the apps stop seeing each other's ${pkg} state, silently`
        : `The page downloads and runs ${pkg} ${live.length} times`,
      fix: `Align ${pkg} to one version and one range in every app${watched ? ', and share it as a singleton so a future split is reported at load time' : ''}`,
      package: pkg,
      apps: appsOf(users),
    }),
  );
}
