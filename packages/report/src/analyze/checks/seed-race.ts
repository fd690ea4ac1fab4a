// CONCORD-430: a Vite host and Vite remotes that share a singleton at the host's version. The runtime hands
// every remote the host's copy, and that is what the page runs on almost every load; but the remoteEntry that
// @module-federation/vite 1.23.8 generates seeds a container's own bundled copy at init when the selected
// provider (the host's entry) is registered and neither loaded nor loading (`__mfSeedLocalShared`, read in
// node_modules/@module-federation/vite/lib/index.js). With version-first sharing the host initialises every
// remote at page start while its own copies are still being seeded, so a remote's container can start in that
// window and run its own copy next to the host's: a start-order race, not a config fault. Measured on the
// playground (docs/diagnostics.md#concord-202): react-dom twice in 0 of 70 baseline loads, 3 of 120 loads of
// another page under load, on most loads of one CI run. The finding names both outcomes; the matrix keeps the
// likely one.
import { finding, listOf } from '../../finding';
import type { AppDecl } from '../apps';
import { labels, ownerLabel, type PackageContext } from '../context';

export function singletonSeedRace({ pkg, users, resolutions, findings }: PackageContext): void {
  const host = users.find((d) => d.owner.host);
  if (host?.owner.bundler !== 'vite' || !host.singleton || host.provides === null) return;
  const racing: AppDecl[] = [];
  for (let i = 0; i < users.length; i++) {
    const d = users[i]!;
    const r = resolutions[i]!;
    if (d === host || d.owner.bundler !== 'vite' || !d.singleton || d.provides !== host.provides) continue;
    if (r.kind === 'shared' && r.provider.app === host.app && r.satisfied) racing.push(d);
  }
  if (racing.length === 0) return;
  const remotes = listOf(labels(racing, ownerLabel));
  const one = racing.length === 1;
  findings.push(
    finding('CONCORD-430', {
      severity: 'info',
      what: `${pkg}: ${remotes} ${one ? 'bundles' : 'bundle'} ${host.provides} like the host ${host.owner.label} and ${one ? 'takes' : 'take'} its copy, unless a remote's container initialises before the host's copy has loaded: @module-federation/vite then seeds the remote's own ${pkg} ${host.provides} (a start-order race of its init, not a config fault)`,
      consequence: `On most loads one copy runs; on a load that loses the race ${one ? 'two copies run' : `up to ${racing.length + 1} copies run`}, each with its own state, and Concord's runtime plugin reports CONCORD-202 on that page`,
      fix: `Nothing in the config causes it; keep the runtime plugin's CONCORD-202 on in production to see how often it happens`,
      package: pkg,
      apps: [host.app, ...racing.map((d) => d.app)],
    }),
  );
}
