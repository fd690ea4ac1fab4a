// What the runtime would hand each app, computed with the runtime's own code: the share scope is rebuilt the way
// containers register providers (the host's own shares first, then every remote's `initializeSharing`), then
// `getRegisteredShare` (runtime-core dist/utils/share.js, strategy `version-first`) picks the version, and
// `satisfy` judges ranges. test/runtime-parity.test.ts checks every answer against real runtime instances, and
// e2e/specs/differential checks the whole model against the playground in Chromium.
import { getRegisteredShare, satisfy } from '@module-federation/runtime-core';
import type { ProviderRef } from '../types';
import { plainSatisfy } from './plain-satisfy';

/** What the resolver reads of one app's declaration of one shared package (apps.ts `AppDecl`). */
export interface Declaration {
  /** Version this app registers in the share scope; `null` when it only consumes (`import: false`). */
  readonly provides: string | null;
  /** requiredVersion as the runtime receives it. */
  readonly required: string | false | null;
  readonly singleton: boolean;
}

/** The runtime's `Shared` record, reduced to what selection reads. */
interface SlotEntry {
  version: string;
  from: string;
  loaded: boolean;
  scope: string[];
  strategy: 'version-first';
  shareConfig: { singleton: boolean; requiredVersion: false; eager: boolean };
}

export type Resolution =
  | {
      kind: 'shared';
      provider: ProviderRef;
      satisfied: boolean;
      /**
       * A Vite non-singleton that runs what the module cache holds (see vite-module-cache.ts): the module the
       * container of `filedBy` filed under the singleton key, or (the host) under this app's version key.
       */
      cache?: {
        filedBy: string;
        singleton: boolean;
        /** The version the runtime's resolver would have given the app (null: none). */
        resolverVersion: string | null;
      };
    }
  | { kind: 'own-copy' }
  | { kind: 'unprovided' };

/**
 * The runtime's `satisfy`, asked once per distinct (range, version) pair of one analysis: a 2,000-app fleet
 * asks the same few hundred questions hundreds of thousands of times, and each uncached call re-parses both
 * strings with a chain of regular expressions (the plainest questions are answered without it: see
 * plain-satisfy.ts). Two map lookups, no key string built per call. A method, not a closure per analysis:
 * optimised code that calls a closure holds it weakly, so each collected analysis took that code with it.
 */
export class Satisfies {
  private readonly byRange = new Map<string, Map<string, boolean>>();

  /** Whether `version` satisfies `range`, as the runtime's `satisfy` says. */
  test(version: string, range: string): boolean {
    let byVersion = this.byRange.get(range);
    if (byVersion === undefined) {
      byVersion = new Map();
      this.byRange.set(range, byVersion);
    }
    let hit = byVersion.get(version);
    if (hit === undefined) {
      hit = plainSatisfy(version, range) ?? satisfy(version, range);
      byVersion.set(version, hit);
    }
    return hit;
  }
}

// The resolveShare hook with no plugin on it: getRegisteredShare then calls its default resolver.
const NO_PLUGINS = { emit: () => undefined };
export const OWN_COPY: Resolution = Object.freeze({ kind: 'own-copy' });
export const UNPROVIDED: Resolution = Object.freeze({ kind: 'unprovided' });

type RuntimeArgs = Parameters<typeof getRegisteredShare>;

export class PackageScope {
  private readonly versions: Record<string, SlotEntry> = Object.create(null);
  /** Versions whose slot the host holds: nothing takes them over (see `register`). */
  private readonly hostSlots = new Set<string>();
  private count = 0;
  private picked: ProviderRef | null | undefined;
  /** Resolutions by range, for singleton and other consumers: those that declare the same get the same answer. */
  private readonly resolvedSingleton = new Map<string | false, Resolution>();
  private readonly resolvedOther = new Map<string | false, Resolution>();
  /** A scope for the life of the module, for the reason given at `AppDecl.kept` (apps.ts). */
  static readonly kept: PackageScope = new PackageScope('', new Satisfies());

  /**
   * @param picks what `version-first` picked for each sequence of registered versions, shared by the packages
   *   of one analysis (its choice depends on that sequence only: nothing has loaded); `pkg/sub` paths usually
   *   offer the versions of `pkg`.
   */
  constructor(
    readonly pkg: string,
    private readonly satisfies: Satisfies,
    private readonly picks: Map<string, string | null> = new Map(),
  ) {}

  /**
   * Registers a provider, in the order containers initialise: the host's own shares are registered at its
   * `init`, before any remote container starts, and keep their slot (shared/reference/adoption-facts.md #1);
   * between remotes, `initializeSharing`'s `register` rule: an unloaded slot goes to the eager provider, else
   * to the container whose name sorts last (the same whatever order the remotes start in).
   */
  register(app: string, version: string, host: boolean, eager: boolean): void {
    const existing = this.versions[version];
    if (existing) {
      // The slot keeps its place in the scope's key order; only its holder changes.
      if (this.hostSlots.has(version)) return;
      const takes = eager !== existing.shareConfig.eager ? eager : app > existing.from;
      if (host || takes) {
        existing.from = app;
        existing.shareConfig.eager = eager;
      }
      if (host) this.hostSlots.add(version);
      return;
    }
    this.count++;
    if (host) this.hostSlots.add(version);
    this.versions[version] = {
      version,
      from: app,
      loaded: false,
      scope: ['default'],
      strategy: 'version-first',
      shareConfig: { singleton: false, requiredVersion: false, eager },
    };
  }

  /** Distinct registered versions in scope order. */
  registeredVersions(): string[] {
    return Object.keys(this.versions);
  }

  /** The app holding a version's slot (undefined when nobody provides it). */
  holder(version: string): string | undefined {
    return this.versions[version]?.from;
  }

  /**
   * The version `version-first` selects before anything has loaded (what every singleton consumer gets, and
   * what everyone else tries first), by calling the runtime's `getRegisteredShare` on the rebuilt scope.
   * With `requiredVersion: false` its default resolver returns the strategy's pick without judging it.
   */
  selected(): ProviderRef | null {
    if (this.picked === undefined) {
      this.picked = null;
      const key = this.count > 0 ? Object.keys(this.versions).join('\u0000') : '';
      const known = this.picks.get(key);
      if (known !== undefined) {
        if (known !== null) this.picked = { app: this.versions[known]!.from, version: known };
      } else if (this.count > 0) {
        const scope = Object.create(null) as Record<string, Record<string, SlotEntry>>;
        scope[this.pkg] = this.versions;
        const shareInfo = {
          from: '',
          scope: ['default'],
          strategy: 'version-first',
          shareConfig: { singleton: false, requiredVersion: false },
        } as unknown as RuntimeArgs[2];
        const found = getRegisteredShare(
          { default: scope } as unknown as RuntimeArgs[0],
          this.pkg,
          shareInfo,
          NO_PLUGINS as unknown as RuntimeArgs[3],
        );
        const slot = found ? (found.shared as unknown as SlotEntry) : undefined;
        if (slot) this.picked = { app: slot.from, version: slot.version };
        this.picks.set(key, slot ? slot.version : null);
      }
    }
    return this.picked;
  }

  /** What a consumer with this declaration receives, as the runtime's default resolver decides. */
  resolve(d: Declaration): Resolution {
    if (this.count === 0) return UNPROVIDED;
    const range = d.required ?? false;
    const cache = d.singleton ? this.resolvedSingleton : this.resolvedOther;
    let r = cache.get(range);
    if (r === undefined) {
      r = d.singleton ? this.singleton(range) : this.nonSingleton(range);
      cache.set(range, r);
    }
    // A consumer whose own copy is the fallback differs from one that only consumes.
    return r === OWN_COPY && d.provides === null ? UNPROVIDED : r;
  }

  /** The singleton branch: the pick, always; the runtime warns (or throws with strictVersion) when out of range. */
  private singleton(range: string | false): Resolution {
    const picked = this.selected()!;
    return {
      kind: 'shared',
      provider: picked,
      satisfied: typeof range !== 'string' || this.satisfies.test(picked.version, range),
    };
  }

  /**
   * The non-singleton branch of the default resolver: the pick when the range is false, `*` or satisfied,
   * else the first registered version (scope order) that satisfies it, else nothing — and `loadShare` falls
   * back to the app's bundled copy.
   */
  private nonSingleton(range: string | false): Resolution {
    const picked = this.selected()!;
    if (range === false || range === '*' || this.satisfies.test(picked.version, range))
      return { kind: 'shared', provider: picked, satisfied: true };
    for (const version of Object.keys(this.versions))
      if (this.satisfies.test(version, range)) {
        const slot = this.versions[version]!;
        return { kind: 'shared', provider: { app: slot.from, version }, satisfied: true };
      }
    return OWN_COPY;
  }
}
