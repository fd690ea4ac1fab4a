// SEAM — the runtime plugin's build-side API, `@concord/runtime-plugin/inject` (CONTRACTS.md).
// TEMPORARY stand-in while that subpath is being written: replace this file's body with
//   export { beaconSnippet, DEFAULT_WATCHED, hasBeacon } from '@concord/runtime-plugin/inject';
// Every other file imports these three names from here only.

/** Identity of one evaluated copy of a watched library. */
export interface BeaconInfo {
  package: string;
  version: string;
  app: string;
  bundler: string;
}

const MARKER = '/* @concord/beacon */';

export const DEFAULT_WATCHED: readonly string[] = Object.freeze([
  'react',
  'react-dom',
  'zustand',
  'redux',
  '@reduxjs/toolkit',
  'react-redux',
  'jotai',
  'valtio',
  'mobx',
  'rxjs',
  '@tanstack/query-core',
  '@concord/shared-state',
]);

const literal = (value: string) =>
  JSON.stringify(value)
    .replace(/</g, '\\u003C')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');

export const hasBeacon = (code: string): boolean => code.includes(MARKER);

export function beaconSnippet(info: BeaconInfo): string {
  return `${MARKER}\n;(function(){var g=typeof globalThis!=="undefined"?globalThis:self,k=Symbol.for("concord.beacons");(g[k]||(g[k]=[])).push({package:${literal(info.package)},version:${literal(info.version)},app:${literal(info.app)},bundler:${literal(info.bundler)}});})();`;
}
