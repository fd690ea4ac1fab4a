// CONCORD-429: a remote that an input lists but whose manifest the report was not given — e.g. a container
// built with webpack's built-in ModuleFederationPlugin, which writes no manifest and cannot run a runtime plugin.
import { finding } from '../../finding';
import type { Finding } from '../../types';
import type { App } from '../apps';

// A remote whose manifest the caller expected but does not have yet (`unbuilt`: a build plugin's sibling not
// built, already named by its CONCORD-118 line) is left out: one explanation per missing app, not two.
export function uncheckedFindings(apps: readonly App[], unbuilt: readonly string[] = []): Finding[] {
  const given = new Set<string>();
  for (const a of apps) {
    given.add(a.manifest.name);
    given.add(a.name);
  }
  // `/work/shop/cart/dist/mf-manifest.json` → shop, cart, dist: the directories near the file, one of which
  // is usually named after the app (the ones above it name the machine's layout, not the app).
  for (const path of unbuilt) for (const dir of path.split(/[\\/]/).slice(-4, -1)) given.add(dir);
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const a of apps)
    for (const remote of a.manifest.remotes ?? []) {
      if (given.has(remote) || seen.has(remote)) continue;
      seen.add(remote);
      findings.push(
        finding('CONCORD-429', {
          severity: 'warning',
          what: `${a.label} loads the remote "${remote}", whose manifest is not among the report's inputs: "${remote}" is not checked`,
          consequence: `What "${remote}" shares, which versions it brings and which ranges it needs are invisible here, so this report can neither predict the copies it loads nor the versions it gets; a container built with webpack's built-in ModuleFederationPlugin writes no manifest and runs no runtime plugin, so nothing checks it on the page either`,
          fix: `Give "${remote}"'s mf-manifest.json to the report (add its URL or path to the inputs), or build it with @module-federation/enhanced and Concord's plugin so it has one`,
          apps: [a.name, remote],
        }),
      );
    }
  return findings;
}
