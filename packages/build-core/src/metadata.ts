// Concord's metadata in the federation manifest (`mf-manifest.json` and `mf-stats.json`, top-level key
// `concord`), the input @concord/report reads. Its one definition (types and JSON Schema) lives in
// @concord/report's `metadata/`; this file only assembles it.
import { type ManifestMetadata, METADATA_SCHEMA_VERSION } from '@concord/report';
import type { Augmentation, FederationOptionsLike } from './augment';
import { type LoadedContract, ownedSlices } from './contract';
import type { Bundler, ResolvedConcordOptions } from './options';
import type { Toolchain } from './toolchain';

/** The `concord` key of a federation manifest. */
export type ConcordMetadata = ManifestMetadata;

/** Assembles the metadata from the augmentation, the toolchain and the loaded contract. */
export function buildMetadata(
  augmentation: Augmentation<FederationOptionsLike>,
  options: ResolvedConcordOptions,
  contract: LoadedContract | undefined,
  pluginVersion: string,
  toolchain: Toolchain = {},
): ConcordMetadata {
  return {
    schema: METADATA_SCHEMA_VERSION,
    app: augmentation.app,
    bundler: augmentation.bundler,
    ...toolchain,
    pluginVersion,
    mode: options.mode,
    autoShare: augmentation.autoShare,
    ...(contract?.metadata ? { contract: contract.metadata } : {}),
    owns: [...new Set([...ownedSlices(augmentation.app, contract?.metadata), ...options.owns])],
    reads: [...options.reads],
    shared: { ...augmentation.shared },
    ...(augmentation.removed.length ? { removed: [...augmentation.removed] } : {}),
    watched: [...augmentation.watched],
    dependencies: { ...augmentation.dependencies },
  };
}

/**
 * Returns the manifest or stats JSON text with the `concord` key set, keeping the file's indentation
 * (Rspack pretty-prints, Vite does not). Returns undefined when the text is not a JSON object.
 */
export function stampManifest(source: string, metadata: ConcordMetadata): string | undefined {
  let json: unknown;
  try {
    json = JSON.parse(source);
  } catch {
    return undefined;
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return undefined;
  const indent = /^\{\r?\n(\s+)/.exec(source)?.[1]?.length ?? 0;
  const concord = withBuiltBy(metadata, (json as { metaData?: { pluginVersion?: unknown } }).metaData);
  return JSON.stringify({ ...json, concord }, null, indent || undefined);
}

/**
 * The federation plugin that really built the container, as it wrote itself into the manifest
 * (`metaData.pluginVersion`). Concord finds the federation package and its runtime next to its own plugin;
 * a build that hands Concord another copy (ConcordRspackPlugin's `federationPlugin`, e.g. an older enhanced
 * under an alias) ran that one. When the two disagree the manifest wins, and the runtime Concord found, which
 * belongs to the other copy, is left out: the report then reads the runtime from `pluginVersion`.
 */
function withBuiltBy(metadata: ConcordMetadata, metaData: { pluginVersion?: unknown } | undefined) {
  const written = metaData?.pluginVersion;
  const federation = metadata.federation;
  if (!federation || typeof written !== 'string' || written === '' || written === federation.version)
    return metadata;
  const { runtime: _unknown, ...rest } = metadata;
  return { ...rest, federation: { package: federation.package, version: written } };
}

/**
 * File names of the manifest and stats for a federation `manifest` option, as each bundler computes
 * them (@module-federation/vite's `getStatsFileName`, @module-federation/sdk's `getManifestFileName`).
 */
export function manifestFileNames(manifest: unknown, bundler: Bundler): { manifest: string; stats: string } {
  const options =
    typeof manifest === 'object' && manifest !== null ? (manifest as Record<string, unknown>) : {};
  const filePath = typeof options.filePath === 'string' ? options.filePath : '';
  const fileName = typeof options.fileName === 'string' ? options.fileName : '';
  const join = (name: string) => (filePath ? `${filePath.replace(/\/+$/, '')}/${name}` : name);
  if (!fileName) return { manifest: join('mf-manifest.json'), stats: join('mf-stats.json') };
  if (bundler === 'vite') {
    const ext = /\.[^./]+$/.exec(fileName)?.[0] ?? '';
    const base = ext ? fileName.slice(0, -ext.length) : fileName;
    const stats = `${base === 'mf-manifest' ? 'mf' : base}-stats${ext || '.json'}`;
    return { manifest: join(fileName), stats: join(stats) };
  }
  const name = fileName.endsWith('.json') ? fileName : `${fileName}.json`;
  return { manifest: join(name), stats: join(name.replace('.json', '-stats.json')) };
}

/**
 * This app's manifest as the report should read it in `vite dev`: @module-federation/vite serves no `shared`
 * array for an app without `exposes` (a typical host), so the host would be missing from its own report.
 * The shares it provides are filled from the metadata, which records what the federation plugin registers.
 * Returns the manifest unchanged when it has a `shared` array, a fresh object otherwise.
 */
export function completeDevManifest(manifest: unknown, metadata: ConcordMetadata, name: string): unknown {
  const base =
    typeof manifest === 'object' && manifest !== null && !Array.isArray(manifest)
      ? (manifest as Record<string, unknown>)
      : {};
  if (Array.isArray(base.shared)) return manifest;
  const shared = Object.entries(metadata.shared)
    .filter(([, s]) => s.import)
    .map(([key, s]) => ({
      id: `${name}:${key}`,
      name: key,
      version: s.version ?? '',
      singleton: s.singleton,
      requiredVersion: s.requiredVersion ?? null,
      assets: { js: { sync: [], async: [] }, css: { sync: [], async: [] } },
    }));
  return {
    id: name,
    name,
    metaData: { name, type: 'app', remoteEntry: { name: '', path: '', type: 'module' } },
    remotes: [],
    exposes: [],
    ...base,
    shared,
    concord: metadata,
  };
}
