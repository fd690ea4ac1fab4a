// CONCORD-428: a package shared by an app whose subpath (`react/jsx-runtime`, `react-dom/client`) another app
// shares and this one does not: its own copy of the subpath is bundled and runs next to the page's shared one,
// against the page's copy of the package (seen on the catalog-shares-by-hand playground page: one react, one
// react-dom; across React majors an unshared jsx-runtime crashes: shared/reference/mixed-vite-rspack-facts.md).
import { finding, listOf } from '../../finding';
import type { Finding } from '../../types';
import type { AppDecl } from '../apps';
import { appsOf, labels, ownerLabel, quotedApp } from '../context';

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
    // Both lists are in app order: one walk finds the parent's users missing from the subpath's.
    const missing: AppDecl[] = [];
    let j = 0;
    for (const d of parentUsers) {
      const index = d.owner.index;
      while (j < subUsers.length && subUsers[j]!.owner.index < index) j++;
      if (j === subUsers.length || subUsers[j]!.owner.index !== index) missing.push(d);
    }
    if (missing.length === 0) continue;
    const watched = missing.some((d) => d.owner.watched.has(parent));
    findings.push(
      finding('CONCORD-428', {
        severity: 'warning',
        what: `${sub}: ${listOf(labels(missing, (d) => `${d.owner.label} (${parent} ${d.version})`))} ${missing.length === 1 ? 'shares' : 'share'} ${parent} but not ${sub}, which ${listOf(labels(subUsers, ownerLabel))} ${subUsers.length === 1 ? 'shares' : 'share'}`,
        consequence: `If ${missing.length === 1 ? 'that app imports' : 'those apps import'} ${sub}, ${missing.length === 1 ? 'it bundles its' : 'they bundle their'} own copy of it (Module Federation shares only the keys listed), running next to the page's shared ${sub} against the page's ${parent}${watched ? `: a second copy of that module${sub === 'react-dom/client' ? ' (a second renderer)' : ''}, and a crash when ${missing.length === 1 ? "the app's" : "an app's"} ${parent} is another major than the page's` : ''}; the runtime says nothing`,
        fix: `Add ${sub} to the shared options of ${listOf(labels(missing, quotedApp))} with the same settings as ${parent}`,
        package: sub,
        apps: appsOf(missing),
      }),
    );
  }
  return findings;
}
