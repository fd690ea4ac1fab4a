// Reads the contract package at build time and describes it for the manifest.
import { pathToFileURL } from 'node:url';
import { describeContract } from '@concord/shared-state';
import {
  ConcordError,
  contractNotLoaded,
  contractNotTransformed,
  type Diagnostic,
  foreignOwns,
  unknownRead,
} from './diagnostics';
import type { Bundler, ContractSpec } from './options';
import { nodeImportEntry } from './package-entries';
import type { InstalledPackage } from './project';

/** One slice as the manifest metadata describes it (`describeContract` of @concord/shared-state). */
export interface SliceDescription {
  owner: string;
  broadcast: boolean;
  sensitive: boolean;
  fields: string[];
}

/** The contract as the manifest metadata describes it. */
export interface ContractDescription {
  name: string;
  version: string;
  slices: Record<string, SliceDescription>;
  events: string[];
}

/** The `contract` value of the manifest metadata: the description plus the package it lives in. */
export type ContractMetadata = ContractDescription & { package: string };

/**
 * Imports a module file through the bundler's own transform (a contract package written in TypeScript).
 * Rejects with the reason when it cannot.
 */
export type ContractImporter = (file: string) => Promise<Record<string, unknown>>;

const TYPESCRIPT = /\.[cm]?tsx?$/;

/** Outcome of {@link loadContract}: the metadata, or undefined with a CONCORD-109 diagnostic. */
export interface LoadedContract {
  metadata: ContractMetadata | undefined;
  diagnostics: Diagnostic[];
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

const looksLikeContract = (value: unknown): boolean =>
  isRecord(value) &&
  typeof value.name === 'string' &&
  typeof value.version === 'string' &&
  isRecord(value.slices);

// Already in describeContract's shape (e.g. a JSON description shipped by the contract package).
const isDescription = (value: unknown): value is ContractDescription =>
  looksLikeContract(value) &&
  Array.isArray((value as Record<string, unknown>).events) &&
  Object.values((value as { slices: Record<string, unknown> }).slices).every(
    (s) => isRecord(s) && typeof s.owner === 'string' && Array.isArray(s.fields),
  );

function pickExport(module: Record<string, unknown>, spec: ContractSpec): unknown {
  if (spec.export !== undefined) {
    if (!(spec.export in module)) throw new Error(`it has no export named "${spec.export}"`);
    return module[spec.export];
  }
  if (looksLikeContract(module.default)) return module.default;
  const candidates = Object.entries(module).filter(([, value]) => looksLikeContract(value));
  if (candidates.length === 1) return candidates[0]![1];
  if (candidates.length === 0) throw new Error('none of its exports is a contract');
  throw new Error(
    `several exports look like contracts (${candidates.map(([k]) => k).join(', ')}); pick one with \`concord.contract.export\``,
  );
}

function describe(value: unknown): ContractDescription {
  if (isDescription(value)) return value;
  const described = describeContract(value as Parameters<typeof describeContract>[0]) as unknown;
  if (!isDescription(described)) throw new Error('describeContract() returned an unexpected shape');
  return described;
}

async function importTypeScript(
  entry: string,
  context: { app: string; spec: ContractSpec; installed: InstalledPackage; bundler: Bundler },
  importer: ContractImporter | undefined,
): Promise<Record<string, unknown>> {
  const { app, spec, installed, bundler } = context;
  const fail = (reason: string) =>
    contractNotTransformed(app, spec.package, installed.version, bundler, reason);
  if (!importer) throw fail(`no TypeScript transform is available to Concord on ${bundler}`);
  try {
    return await importer(entry);
  } catch (error) {
    throw fail(error instanceof Error ? error.message.split('\n')[0]! : String(error));
  }
}

/**
 * Imports the contract package's entry (as Node would; a TypeScript entry through the bundler's transform)
 * and describes its contract. A contract that cannot be read becomes a CONCORD-109 warning and no
 * `contract` in the metadata; a TypeScript entry the bundler cannot transform throws CONCORD-119.
 */
export async function loadContract(
  app: string,
  spec: ContractSpec,
  installed: InstalledPackage,
  bundler: Bundler = 'vite',
  importer?: ContractImporter,
): Promise<LoadedContract> {
  try {
    const entry = nodeImportEntry(installed.dir, installed.packageJson);
    if (!entry) throw new Error('its package.json has no entry for Node');
    const module = TYPESCRIPT.test(entry)
      ? await importTypeScript(entry, { app, spec, installed, bundler }, importer)
      : ((await import(pathToFileURL(entry).href)) as Record<string, unknown>);
    const description = describe(pickExport(module, spec));
    return { metadata: { package: spec.package, ...description }, diagnostics: [] };
  } catch (error) {
    if (error instanceof ConcordError) throw error;
    const reason = error instanceof Error ? error.message.split('\n')[0]! : String(error);
    return {
      metadata: undefined,
      diagnostics: [contractNotLoaded(app, bundler, spec.package, installed.version, reason)],
    };
  }
}

/** Slices of the contract that `app` owns. */
export const ownedSlices = (app: string, contract: ContractDescription | undefined): string[] =>
  contract
    ? Object.entries(contract.slices)
        .filter(([, slice]) => slice.owner === app)
        .map(([name]) => name)
    : [];

/** CONCORD-110 for each entry of `reads` that names no slice or field of the contract. */
export function checkReads(
  app: string,
  bundler: Bundler,
  reads: readonly string[],
  contract: ContractDescription,
  contractPackage: string,
): Diagnostic[] {
  const known = Object.entries(contract.slices).flatMap(([slice, { fields }]) => [
    slice,
    ...fields.map((f) => `${slice}.${f}`),
  ]);
  const knownSet = new Set(known);
  return reads
    .filter((r) => !knownSet.has(r))
    .map((r) => unknownRead(app, bundler, r, contractPackage, contract.version, known));
}

/** CONCORD-121 for each entry of `owns` that the contract gives to another app or does not define. */
export function checkOwns(
  app: string,
  bundler: Bundler,
  owns: readonly string[],
  contract: ContractDescription,
  contractPackage: string,
): Diagnostic[] {
  // Own keys only: a slice named `toString` is a name, not Object.prototype's.
  const ownerOf = (slice: string) =>
    Object.hasOwn(contract.slices, slice) ? contract.slices[slice]!.owner : undefined;
  return owns
    .filter((slice) => ownerOf(slice) !== app)
    .map((slice) => foreignOwns(app, bundler, slice, contractPackage, contract.version, ownerOf(slice)));
}
