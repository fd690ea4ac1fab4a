// What the runtime would hand each app, computed with the runtime's own code: the share scope is rebuilt the way
// `SharedHandler.initializeSharing` registers providers, then `getRegisteredShare` (runtime-core
// dist/utils/share.js, strategy `version-first`) picks the version, and `satisfy` judges ranges.
import { getRegisteredShare, satisfy } from '@module-federation/runtime-core';
import type { ProviderRef } from '../types';

/** One app's declaration of one shared package, after merging the manifest with Concord's configured values. */
export interface Declaration {
  app: string;
  /** Version this app registers in the share scope; `null` when it only consumes (`import: false`). */
  version: string | null;
  /** The manifest's declared version even for `import: false`, for display. */
  declared: string;
  requiredVersion: string | false | null;
  singleton: boolean;
  strictVersion: boolean | null;
}

/** The runtime's `Shared` record, reduced to what selection reads. */
interface SlotEntry {
  version: string;
  from: string;
  loaded: boolean;
  scope: string[];
  strategy: 'version-first';
  shareConfig: { singleton: boolean; requiredVersion: string | false };
}

export type Resolution =
  | { kind: 'shared'; provider: ProviderRef; satisfied: boolean }
  | { kind: 'own-copy' }
  | { kind: 'unprovided' };

// The resolveShare hook with no plugin on it: getRegisteredShare then calls its default resolver.
const NO_PLUGINS = { emit: () => undefined };

type RuntimeArgs = Parameters<typeof getRegisteredShare>;

export class PackageScope {
  private readonly scopeMap: Record<string, Record<string, Record<string, SlotEntry>>>;
  private readonly versions: Record<string, SlotEntry> = Object.create(null);
  private selectedCache: SlotEntry | undefined | null = null;
  private readonly rangeCache = new Map<string, SlotEntry | undefined>();

  constructor(readonly pkg: string) {
    const scope = Object.create(null) as Record<string, Record<string, SlotEntry>>;
    scope[pkg] = this.versions;
    this.scopeMap = { default: scope };
  }

  /**
   * Registers a provider, in the order containers initialise (the host first, then its remotes). Same rule as
   * `initializeSharing`'s `register`: an unloaded, non-eager slot is taken over when the new container's name
   * sorts after the current holder's.
   */
  register(app: string, version: string): void {
    const existing = this.versions[version];
    if (existing && !(app > existing.from)) return;
    this.versions[version] = {
      version,
      from: app,
      loaded: false,
      scope: ['default'],
      strategy: 'version-first',
      shareConfig: { singleton: false, requiredVersion: false },
    };
  }

  get hasProviders(): boolean {
    for (const _ in this.versions) return true;
    return false;
  }

  /** Distinct registered versions in scope order. */
  registeredVersions(): string[] {
    return Object.keys(this.versions);
  }

  private lookup(consumer: string, requiredVersion: string | false): SlotEntry | undefined {
    const shareInfo = {
      from: consumer,
      scope: ['default'],
      strategy: 'version-first',
      shareConfig: { singleton: false, requiredVersion },
    } as unknown as RuntimeArgs[2];
    const found = getRegisteredShare(
      this.scopeMap as unknown as RuntimeArgs[0],
      this.pkg,
      shareInfo,
      NO_PLUGINS as unknown as RuntimeArgs[3],
    );
    return found ? (found.shared as unknown as SlotEntry) : undefined;
  }

  /** The version `version-first` selects for a singleton (and tries first for everyone else). */
  selected(): ProviderRef | null {
    if (this.selectedCache === null) {
      // requiredVersion false: the default resolver returns the strategy's pick without judging it.
      this.selectedCache = this.hasProviders ? this.lookup('', false) : undefined;
    }
    const s = this.selectedCache;
    return s ? { app: s.from, version: s.version } : null;
  }

  /** What a consumer with this declaration receives, exactly as the runtime's default resolver decides. */
  resolve(d: Declaration): Resolution {
    if (!this.hasProviders) return { kind: 'unprovided' };
    const range = d.requiredVersion ?? false;
    if (d.singleton) {
      const picked = this.selected()!;
      // The runtime warns (or throws with strictVersion) but hands over the singleton anyway.
      return {
        kind: 'shared',
        provider: picked,
        satisfied: typeof range !== 'string' || satisfies(picked.version, range),
      };
    }
    let hit = this.rangeCache.get(String(range));
    if (!this.rangeCache.has(String(range))) {
      hit = this.lookup(d.app, range);
      this.rangeCache.set(String(range), hit);
    }
    if (hit) return { kind: 'shared', provider: { app: hit.from, version: hit.version }, satisfied: true };
    // loadShare finds nothing: the bundler falls back to the app's bundled copy (or fails with import: false).
    return d.version === null ? { kind: 'unprovided' } : { kind: 'own-copy' };
  }
}

const satisfyCache = new Map<string, boolean>();

/** The runtime's `satisfy`, memoised: a 500-app report asks the same few questions thousands of times. */
export function satisfies(version: string, range: string): boolean {
  const key = `${version}\u0000${range}`;
  let hit = satisfyCache.get(key);
  if (hit === undefined) {
    if (satisfyCache.size > 10_000) satisfyCache.clear();
    hit = satisfy(version, range);
    satisfyCache.set(key, hit);
  }
  return hit;
}
