// Synthetic manifests in the exact shapes @module-federation/vite and @module-federation/enhanced write
// (see test/fixtures/samples), optionally with the `concord` key the Concord build plugins add.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromManifestObject, type LoadedInput, parseManifest } from '@concord/report';

/** The real manifests and stats files in test/fixtures/samples. */
export const SAMPLES = join(import.meta.dirname, '../fixtures/samples');

/** One of the real samples, parsed as `samples/<file>`. */
export const sample = (file: string): LoadedInput =>
  parseManifest(readFileSync(join(SAMPLES, file), 'utf8'), `samples/${file}`);

export interface SharedSpec {
  name: string;
  version: string;
  /** Omitted: `^version` (what both bundlers default to). `null`: Rspack's "not recorded". */
  requiredVersion?: string | false | null;
  singleton?: boolean;
}

const assets = { js: { sync: [], async: [] }, css: { sync: [], async: [] } };

export function viteManifest(name: string, shared: SharedSpec[], concord?: object): Record<string, unknown> {
  return {
    id: name,
    name,
    metaData: {
      name,
      type: 'app',
      buildInfo: { buildVersion: '1.0.0', buildName: name },
      remoteEntry: { name: 'remoteEntry.js', path: '', type: 'module' },
      ssrRemoteEntry: { name: 'remoteEntry.ssr.js', path: '', type: 'module' },
      types: { path: '', name: '' },
      globalName: name,
      pluginVersion: '1.23.8',
      publicPath: 'auto',
    },
    shared: shared.map((s) => ({
      id: `${name}:${s.name}`,
      name: s.name,
      version: s.version,
      singleton: s.singleton ?? false,
      requiredVersion: s.requiredVersion === undefined ? `^${s.version}` : s.requiredVersion,
      assets,
    })),
    remotes: [],
    exposes: [],
    ...(concord && { concord }),
  };
}

export function rspackManifest(
  name: string,
  shared: SharedSpec[],
  concord?: object,
): Record<string, unknown> {
  return {
    id: name,
    name,
    metaData: {
      name,
      globalName: name,
      buildInfo: { buildVersion: 'UNKNOWN', buildName: name },
      publicPath: 'http://127.0.0.1:4175/',
      remoteEntry: { name: 'remoteEntry.js', path: '', type: 'global' },
      types: { path: '', name: '', zip: '', api: '' },
      pluginVersion: '2.9.3',
    },
    shared: shared.map((s) => ({
      id: `${name}:${s.name}`,
      name: s.name,
      version: s.version,
      singleton: s.singleton ?? true, // enhanced over-reports singleton (shared/reference facts)
      requiredVersion: s.requiredVersion === undefined ? `^${s.version}` : s.requiredVersion,
      assets,
    })),
    remotes: [],
    exposes: [],
    ...(concord && { concord }),
  };
}

export interface ConcordSpec {
  app: string;
  bundler: 'vite' | 'rspack' | 'webpack';
  shared?: Record<
    string,
    {
      version?: string;
      requiredVersion?: string | false;
      singleton?: boolean;
      strictVersion?: boolean;
      import?: boolean;
    }
  >;
  dependencies?: Record<string, string>;
  contract?: object;
  owns?: string[];
  reads?: string[];
  watched?: string[];
}

export function concord(spec: ConcordSpec): object {
  return {
    schema: 1,
    pluginVersion: '0.1.0',
    mode: 'warn',
    owns: [],
    reads: [],
    shared: {},
    dependencies: {},
    ...spec,
  };
}

/** A contract as `describeContract` writes it. */
export function contract(
  version: string,
  slices: Record<string, { owner: string; fields: string[] }>,
  name = 'acme',
): object {
  return {
    package: '@acme/contract',
    name,
    version,
    slices: Object.fromEntries(
      Object.entries(slices).map(([k, s]) => [k, { broadcast: false, sensitive: false, ...s }]),
    ),
    events: ['cart/add'],
  };
}

/** Validates a synthetic manifest the way loadManifest does after reading it. */
export const load = (
  manifest: Record<string, unknown>,
  input = `${String(manifest.name)}/mf-manifest.json`,
): LoadedInput => fromManifestObject(manifest, input);
