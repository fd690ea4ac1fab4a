// CONCORD-210: the containers Concord cannot check, named rather than skipped.
import { beacons, slots } from './copies';
import type { ResolvedOptions } from './options';
import { appOf, type Instance, page, type Registry } from './registry';
import { report } from './report';
import { satisfy } from './verdict';

const BUILTIN = "no runtime instance runs it: webpack's own ModuleFederationPlugin";

/**
 * CONCORD-210, containers Concord cannot check: an instance on a runtime older than the 2.6 it is tested
 * on, and a container that no federation instance runs — a webpack container built with webpack's own
 * ModuleFederationPlugin, which rejects `runtimePlugins` and is invisible to @module-federation/runtime,
 * seen by the shares it registers into the scope its host hands it (`from`: its `output.uniqueName`) or by
 * its beacons. Only on a federated page (there are instances).
 */
export function unchecked(r: Registry, o?: ResolvedOptions) {
  const known = new Set<unknown>();
  const all = instances();
  for (const c of r.containers.values()) known.add(c.app);
  for (const ins of all) {
    const { name, version } = ins;
    known.add(name);
    if (typeof version === 'string' && satisfy(version, '<2.6.0'))
      report(
        r,
        'CONCORD-210',
        '',
        name,
        {
          consumer: appOf(r, name),
          versions: [version],
          detail: `it runs @module-federation/runtime ${version}, older than 2.6`,
        },
        o,
      );
  }
  if (!all[0]) return;
  const builtin = (app: string, bundler: string) =>
    known.has(app) ||
    report(r, 'CONCORD-210', '', app, { consumer: { app, bundler }, versions: [], detail: BUILTIN }, o);
  // Every instance registers its shares with `from` = its name, so another `from` has no instance.
  let seen: ReturnType<typeof slots> = [];
  try {
    seen = slots();
  } catch {
    // An unreadable scope: liveCopies records it.
  }
  for (const [, , e] of seen) if (typeof e?.from === 'string') builtin(e.from, 'unknown');
  // webpack only: Rspack's built-in plugin takes runtimePlugins. A beacon comes from code of its own app,
  // which runs after that app's container exists, so an unknown app here has no instance at all.
  for (const b of beacons(r)) if (b.bundler === 'webpack') builtin(b.app, b.bundler);
}

/** The federation instances on the page (none when `__FEDERATION__` is absent or unreadable). */
export function instances(): Instance[] {
  try {
    const list = page.__FEDERATION__?.__INSTANCES__;
    return Array.isArray(list) ? [...list] : [];
  } catch {
    return [];
  }
}
