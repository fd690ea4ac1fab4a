// CONCORD-428: a package shared by an app whose subpath (`react/jsx-runtime`, `react-dom/client`) another app
// shares and this one does not: its own copy of the subpath is bundled, bound to its own copy of the package
// (across React majors an unshared jsx-runtime crashes: shared/reference/mixed-vite-rspack-facts.md).
import { finding, listOf } from '../../finding';
import type { Finding } from '../../types';
import type { App, AppDecl } from '../apps';
import { labels } from '../context';

/** Packages some app shares under a subpath of a package (scoped names have one more segment). */
const parentOf = (name: string): string | null => {
  const parts = name.split('/');
  const base = name.startsWith('@') ? 2 : 1;
  return parts.length > base ? parts.slice(0, base).join('/') : null;
};

export function subpathFindings(uses: Map<string, AppDecl[]>): Finding[] {
  const findings: Finding[] = [];
  for (const [sub, subUsers] of uses) {
    const parent = parentOf(sub);
    if (parent === null) continue;
    const parentUsers = uses.get(parent);
    if (!parentUsers) continue;
    const sharing = new Set<App>();
    for (const d of subUsers) sharing.add(d.owner);
    const missing: AppDecl[] = [];
    for (const d of parentUsers) if (!sharing.has(d.owner)) missing.push(d);
    if (missing.length === 0) continue;
    const watched = missing.some((d) => d.owner.watched.has(parent));
    findings.push(
      finding('CONCORD-428', {
        severity: 'warning',
        what: `${listOf(labels(missing, (d) => `${d.owner.label} (${parent} ${d.declared})`))} ${missing.length === 1 ? 'shares' : 'share'} ${parent} but not ${sub}, which ${listOf(labels(subUsers, (d) => d.owner.label))} ${subUsers.length === 1 ? 'shares' : 'share'}`,
        consequence: `If ${missing.length === 1 ? 'that app imports' : 'those apps import'} ${sub}, ${missing.length === 1 ? 'it bundles its' : 'they bundle their'} own copy, bound to ${missing.length === 1 ? 'its' : 'their'} own ${parent}${watched ? ` rather than the page's: a second ${parent} where it matters (across majors, a crash)` : ''}; the runtime says nothing`,
        fix: `Add ${sub} to the shared options of ${listOf(labels(missing, (d) => `"${d.app}"`))} with the same settings as ${parent}`,
        package: sub,
        apps: missing.map((d) => d.app),
      }),
    );
  }
  return findings;
}
