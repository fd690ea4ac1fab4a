// Instance beacons: the runtime plugin's registration snippet appended to each watched library's entry
// module, so every evaluated copy of the library announces itself, shared or bundled privately.

import { beaconSnippet, hasBeacon } from '@concord/runtime-plugin/inject';
import { createDebugger } from './debug';
import type { Bundler } from './options';
import { createEntryMatcher, type WatchedEntry } from './package-entries';

const debug = createDebugger('concord:beacons');

/** Appends beacons to entry modules of watched packages; one instance per build. */
export interface BeaconTransform {
  /** The watched entry `file` is, or undefined when it is none (cheap, cached per package). */
  match(file: string): WatchedEntry | undefined;
  /**
   * `code` with the beacon appended when `file` is a watched entry that has none yet; undefined when
   * there is nothing to do. Appending keeps every line and column of the original code in place.
   */
  transform(code: string, file: string): string | undefined;
}

/** A regular expression that matches paths inside any watched package directory (a cheap pre-filter). */
export function watchedPathFilter(watched: Iterable<string>, dirs: Iterable<string> = []): RegExp {
  const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const names = [...watched].map((n) => escapeRe(n).replace('/', '[\\\\/]'));
  const alternatives = [`[\\\\/]node_modules[\\\\/](?:${names.join('|')})[\\\\/]`];
  for (const dir of dirs) alternatives.push(`^${escapeRe(dir)}[\\\\/]`);
  return new RegExp(alternatives.join('|'));
}

/** Creates the beacon transform of one build of `app`. */
export function createBeaconTransform(options: {
  watched: Iterable<string>;
  app: string;
  bundler: Bundler;
}): BeaconTransform {
  const match = createEntryMatcher(options.watched);
  return {
    match,
    transform(code, file) {
      const entry = match(file);
      if (!entry || hasBeacon(code)) return undefined;
      debug?.(`${options.app}: beacon for ${entry.package}@${entry.version} in ${file}`);
      const snippet = beaconSnippet({
        package: entry.package,
        version: entry.version,
        app: options.app,
        bundler: options.bundler,
      });
      return `${code}${code.endsWith('\n') ? '' : '\n'}${snippet}${snippet.endsWith('\n') ? '' : '\n'}`;
    },
  };
}
