// The page-wide scan: what the hooks cannot see. Vite containers resolve their shares inside their
// remoteEntry without the share hooks, so after every change Concord reads every instance's declared
// `options.shared`, the live share-scope slots, Vite's module cache and the beacons.
import { hookBeacons } from './beacon-hook';
import { held, isLive, liveCopies, ownerOf, providerOf } from './copies';
import { modeFor, type ResolvedOptions } from './options';
import { appOf, containersOf, type Instance, type Registry, type Share, shares } from './registry';
import { fault, report } from './report';
import type { ConcordDiagnostic } from './types';
import { instances, unchecked } from './unchecked';
import { satisfy } from './verdict';

/**
 * A finding blocks the offending container's exposes (see the `beforeGetExpose` hook) when that
 * container's own mode for the package is `throw`. Returns whether it did.
 */
export const block = (r: Registry, container: string | undefined, d: ConcordDiagnostic | undefined) => {
  const o = r.containers.get(container as string)?.options;
  if (d && o && modeFor(o, d.package) === 'throw') return !!r.blocked.set(container!, d);
};

/** CONCORD-201 for one consumer: `version` is what the runtime gives it, `e` that version's slot. */
export const unsatisfied = (
  r: Registry,
  name: string | undefined,
  pkg: string,
  version: string,
  e: Partial<Share> | undefined,
  req: string,
  o?: ResolvedOptions,
) => {
  const consumer = appOf(r, name);
  const d = report(
    r,
    'CONCORD-201',
    pkg,
    `${consumer.app}|${version}`,
    { consumer, provider: providerOf(r, e), versions: [version], requiredVersion: req },
    o,
  );
  return block(r, name, d) && d;
};

/** Every declared share of every instance on the page: [instance, container name, package, share]. */
const declarations = (r: Registry) => {
  const out: [Instance, string, string, Share][] = [];
  for (const ins of instances())
    try {
      for (const pkg in ins.options.shared)
        for (const s of ins.options.shared[pkg] ?? [])
          if (s?.shareConfig) out.push([ins, ins.options.name, pkg, s]);
    } catch (e) {
      fault(r, 'instance options', e);
    }
  return out;
};

/** Live share-scope slots of `pkg` in the scopes a declaration names, as [version, entry]. */
const liveSlots = (ins: Instance, pkg: string, s: Share) => {
  const live: [string, Share][] = [];
  for (const sc of s.scope ?? ['default'])
    for (const [v, e] of Object.entries(ins.shareScopeMap?.[sc]?.[pkg] ?? {}))
      if (isLive(v, e)) live.push([v, e]);
  return live;
};

/**
 * One container's declared shares: membership in a container's own options is the truth about who
 * provides an entry; and CONCORD-201 — the only way to see consumers whose share choices never reach the
 * hooks (Vite containers) — for the module a Vite container runs (from its module cache, singleton or
 * not) and for its singletons against the live slots. `handed`: the container's module is being handed out
 * (`beforeGetExpose`), so what its cache holds now is what it runs.
 */
export function declared(r: Registry, ins: Instance, o?: ResolvedOptions, handed?: boolean) {
  try {
    const name = ins.options.name;
    const vite = r.containers.get(name)?.bundler === 'vite';
    for (const pkg in ins.options.shared)
      for (const s of ins.options.shared[pkg] ?? [])
        if (s?.shareConfig) {
          if (!r.providers.has(s)) r.providers.set(s, name);
          const { singleton, requiredVersion: req } = s.shareConfig;
          if (typeof req !== 'string') continue;
          // A Vite container runs what the module cache holds under its key: another app's copy is
          // judged against its range, singleton or not (@module-federation/vite hands a non-singleton
          // the singleton's module, of any version, when nothing is filed under its own version).
          // Another container's own copy (no slot: it seeded it at init) may still be replaced by what the
          // runtime picks for that container, before any module of this one runs: judged when handed out.
          const [v, e] = vite ? held(r, pkg, ownerOf(pkg, s)) : [];
          if (v && !satisfy(v, req) && (handed || e!.version || e!.from === name))
            unsatisfied(r, name, pkg, v, e, req, o);
          if (!singleton) continue;
          // The live slots: does any satisfy the range? Else the first one is what the consumer gets.
          let miss: [string, Share] | undefined;
          let hit = false;
          for (const sc of s.scope ?? ['default']) {
            const versions = ins.shareScopeMap?.[sc]?.[pkg];
            for (const v in versions)
              if (isLive(v, versions[v])) {
                if (satisfy(v, req)) hit = true;
                else miss ??= [v, versions[v]!];
              }
          }
          if (miss && !hit) unsatisfied(r, name, pkg, miss[0], miss[1], req, o);
        }
  } catch (e) {
    fault(r, 'instance options', e);
  }
}

/**
 * Configuration lint, in development builds only (production bundles drop it; the build report makes
 * the same checks on the manifests): 204, singleton declared by one container and not by another;
 * 206, a requiredVersion the runtime cannot check as intended.
 */
function lint(r: Registry, o?: ResolvedOptions) {
  const sides = new Map<string, [string?, string?]>();
  for (const [ins, name, pkg, s] of declarations(r)) {
    const side = sides.get(pkg) ?? (sides.set(pkg, []).get(pkg) as [string?, string?]);
    side[s.shareConfig.singleton ? 0 : 1] ??= name;
    // `false` (no check) by the types; Rspack writes `null` when it cannot infer one.
    const req = s.shareConfig.requiredVersion as string | false | null | undefined;
    // An exact pin next to a live provider of the same major.minor with another patch.
    const pin = typeof req === 'string' && /^=?v?(\d+\.\d+\.)\d+$/.exec(req);
    const other =
      pin && liveSlots(ins, pkg, s).find(([v]) => !(req as string).endsWith(v) && v.startsWith(pin[1]!));
    if (req == null || `${req}`.startsWith('workspace:') || other)
      report(
        r,
        'CONCORD-206',
        pkg,
        `${name}|${req}`,
        {
          consumer: appOf(r, name),
          versions: other ? [s.version, other[0]] : [s.version],
          requiredVersion: (req as string | null) ?? null,
          ...(other && { provider: providerOf(r, other[1]) }),
        },
        o,
      );
  }
  for (const [pkg, [yes, no]] of sides)
    if (yes && no)
      report(r, 'CONCORD-204', pkg, '', { consumer: appOf(r, no), provider: appOf(r, yes), versions: [] }, o);
}

/**
 * Schedules one scan for everything that changed (hooks only flag; the scan is O(page)). `o`: the
 * scheduling instance's options, the fallback for findings about apps without Concord.
 */
export const touch = (r: Registry, o?: ResolvedOptions) => {
  r.dirty = true;
  r.timer ||= setTimeout(() => {
    r.timer = 0;
    scan(r, o);
  });
};

/** Scans the page now if anything changed (or always with `force`). Never throws. Returns `r`. */
export function scan(r: Registry, o?: ResolvedOptions, force?: boolean): Registry {
  if (!r.dirty && !force) return r;
  r.dirty = false;
  try {
    hookBeacons(r);
    for (const ins of instances()) declared(r, ins, o);
    unchecked(r, o);
    if (process.env.NODE_ENV !== 'production') lint(r, o);

    for (const [pkg, copies] of liveCopies(r)) {
      if (!r.watch.has(pkg)) continue;
      // The first copy from an app that shares the package is the legitimate one; when there are two
      // copies or more, every other app running one gets blocked in `throw` mode: a private copy (203)
      // or an extra shared one (202). A lone private copy is only reported.
      const d =
        copies[1] &&
        report(
          r,
          'CONCORD-202',
          pkg,
          '',
          { versions: [...new Set(copies.map((c) => c.version))], copies },
          o,
        );
      let legit = false;
      for (const c of copies) {
        const own = shares(r, c.app, pkg);
        // Only a beacon can come from an app that does not share the package: slots and cache
        // entries are always some sharing container's.
        const offence =
          own === false
            ? report(
                r,
                'CONCORD-203',
                pkg,
                c.app,
                { consumer: { app: c.app, bundler: c.bundler }, versions: [c.version] },
                o,
              )
            : own && legit && d;
        legit ||= own !== false;
        if (copies[1] && offence) for (const k of containersOf(r, c.app)) block(r, k.name, offence);
      }
    }
  } catch (e) {
    // An unexpected shape anywhere on the page: recorded, and the next scan starts afresh.
    fault(r, 'scan', e);
  }
  return r;
}
