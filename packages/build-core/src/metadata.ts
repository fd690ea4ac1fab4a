// Concord's metadata in the federation manifest (`mf-manifest.json` and `mf-stats.json`, top-level key
// `concord`), the input @concord/report reads. Schema: CONTRACTS.md "Federation manifest metadata".
import type { Augmentation, ConfiguredShared, FederationOptionsLike } from './augment';
import { type ContractMetadata, type LoadedContract, ownedSlices } from './contract';
import type { Bundler, ConcordMode, ResolvedConcordOptions } from './options';

/** The `concord` key of a federation manifest. */
export interface ConcordMetadata {
  schema: 1;
  app: string;
  bundler: Bundler;
  pluginVersion: string;
  mode: ConcordMode;
  /** Omitted when the app has no contract or it could not be read (CONCORD-109). */
  contract?: ContractMetadata;
  owns: string[];
  reads: string[];
  shared: Record<string, ConfiguredShared>;
  watched: string[];
  dependencies: Record<string, string>;
}

/** Assembles the metadata from the augmentation and the loaded contract. */
export function buildMetadata(
  augmentation: Augmentation<FederationOptionsLike>,
  options: ResolvedConcordOptions,
  contract: LoadedContract | undefined,
  pluginVersion: string,
): ConcordMetadata {
  return {
    schema: 1,
    app: augmentation.app,
    bundler: augmentation.runtimeOptions.bundler,
    pluginVersion,
    mode: options.mode,
    ...(contract?.metadata ? { contract: contract.metadata } : {}),
    owns: ownedSlices(augmentation.app, contract?.metadata),
    reads: [...options.reads],
    shared: { ...augmentation.shared },
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
  return JSON.stringify({ ...json, concord: metadata }, null, indent || undefined);
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
