// A contract package written in TypeScript, read with Vite's own transform: `runnerImport` (Vite 6.1+) runs
// the entry through a module runner, relative imports transformed, packages left to Node.
import { dirname } from 'node:path';
import type { ContractImporter } from '@concord/build-core';

type RunnerImport = (
  id: string,
  config?: Record<string, unknown>,
) => Promise<{ module: Record<string, unknown> }>;

/** Imports `file` (TypeScript) with the app's Vite; rejects with the reason when this Vite cannot. */
export const viteImportContract: ContractImporter = async (file) => {
  const vite = (await import('vite')) as { runnerImport?: RunnerImport; version?: string };
  if (typeof vite.runnerImport !== 'function')
    throw new Error(
      `Vite ${vite.version ?? '(unknown version)'} has no runnerImport; Vite 6.1 or later does`,
    );
  const { module } = await vite.runnerImport(file, { root: dirname(file), logLevel: 'silent' });
  return module;
};
