// The share map: packages × apps — what each app offers, which copy it really runs and from whom, its
// live and dormant copies, and the faults that concern the cell. Built from `getDiagnostics()`,
// `getInstances()`, each container's declared `options.shared`, Vite's module cache owners and the beacons.
import type { ConcordDiagnostic, LiveCopy } from '../types';
import { appsOf, containers, diagnostics, instances, splitPackages } from './page';

// biome-ignore lint/suspicious/noExplicitAny: boundary with foreign runtime objects of any version
type Any = any;

export type Mark = 'duplicate' | 'unsatisfied' | 'private';

export interface Cell {
  app: string;
  /** What the app declares in `shared` (undefined: it does not share the package). */
  offered?: { version?: string; singleton: boolean; requiredVersion?: string | false };
  /** The copy the app runs: its version and the app it comes from. */
  runs?: { version: string; from: string };
  /** Versions of this app's own live copies. */
  live: string[];
  /** Versions of copies this app evaluated but does not use. */
  dormant: string[];
  marks: Mark[];
}

export interface Row {
  package: string;
  cells: Cell[];
  copies: LiveCopy[];
}

export interface ShareMap {
  apps: string[];
  rows: Row[];
}

const OWNERS = Symbol.for('module-federation.shared-cache-owners');

/** The container a Vite app's module cache says provides `pkg` (singleton key, else the versioned one). */
function cacheOwner(pkg: string, declared: Any): string | undefined {
  const owners = (globalThis as Any).__mf_module_cache__?.share?.[OWNERS];
  const scope = declared?.scope?.[0] ?? 'default';
  return owners?.[`${scope}:${pkg}${declared?.shareConfig?.singleton ? '' : `@${declared?.version}`}`];
}

/** Declared shares per app: app → package → the app's own share entry. */
function declarations(): Map<string, Map<string, Any>> {
  const out = new Map<string, Map<string, Any>>();
  for (const c of containers())
    try {
      const name = c.options.name;
      const own = out.get(name) ?? (out.set(name, new Map()).get(name) as Map<string, Any>);
      for (const pkg in c.options.shared) {
        const list: Any[] = c.options.shared[pkg] ?? [];
        const s = list.find((x) => x?.from === name) ?? list[0];
        if (s?.shareConfig) own.set(pkg, s);
      }
    } catch {
      // A container of an unexpected shape: the others still show.
    }
  return out;
}

const dormantOf = (): Any[] => {
  const a = (globalThis as Any)[Symbol.for('concord.beacons')];
  return Array.isArray(a) ? a.filter((b) => b?.dormant === true) : [];
};

function runsOf(
  app: string,
  pkg: string,
  declared: Any,
  copies: LiveCopy[],
  list: ConcordDiagnostic[],
): Cell['runs'] {
  const d = list.find((x) => x.code === 'CONCORD-201' && x.package === pkg && x.consumer?.app === app);
  if (d) return { version: d.versions[0]!, from: d.provider?.app ?? '?' };
  const own = copies.find((c) => c.app === app);
  if (own) return { version: own.version, from: app };
  if (!declared) return;
  const bundler =
    copies.find((c) => c.app === app)?.bundler ??
    list.find((x) => x.consumer?.app === app)?.consumer?.bundler;
  const owner = bundler !== 'rspack' && bundler !== 'webpack' ? cacheOwner(pkg, declared) : undefined;
  const fromOwner = owner && copies.find((c) => c.app === owner);
  if (fromOwner) return { version: fromOwner.version, from: fromOwner.app };
  const pick = copies.find((c) => c.version === declared.version) ?? copies[0];
  return pick && { version: pick.version, from: pick.app };
}

/** The share map of the page now. */
export function shareMap(): ShareMap {
  const list = diagnostics();
  const all = instances();
  const declared = declarations();
  const dormant = dormantOf();
  const split = splitPackages(list, all);
  const apps = appsOf(list, all);
  const packages = new Set(Object.keys(all));
  for (const own of declared.values()) for (const pkg of own.keys()) packages.add(pkg);
  const rows: Row[] = [...packages].sort().map((pkg) => {
    const copies = all[pkg] ?? [];
    const cells = apps.map((app): Cell => {
      const s = declared.get(app)?.get(pkg);
      const live = copies.filter((c) => c.app === app).map((c) => c.version);
      const marks: Mark[] = [];
      if (live.length && split.includes(pkg)) marks.push('duplicate');
      if (list.some((d) => d.code === 'CONCORD-201' && d.package === pkg && d.consumer?.app === app))
        marks.push('unsatisfied');
      if (list.some((d) => d.code === 'CONCORD-203' && d.package === pkg && d.consumer?.app === app))
        marks.push('private');
      const runs = runsOf(app, pkg, s, copies, list);
      return {
        app,
        ...(s && {
          offered: {
            version: s.version,
            singleton: !!s.shareConfig.singleton,
            requiredVersion: s.shareConfig.requiredVersion,
          },
        }),
        ...(runs && { runs }),
        live,
        dormant: dormant.filter((b) => b.package === pkg && b.app === app).map((b) => String(b.version)),
        marks,
      };
    });
    return { package: pkg, cells, copies };
  });
  // Packages with a fault first: what a newcomer should look at.
  const faulty = (r: Row) => (r.cells.some((c) => c.marks.length) ? 0 : 1);
  rows.sort((a, b) => faulty(a) - faulty(b));
  return { apps, rows };
}
