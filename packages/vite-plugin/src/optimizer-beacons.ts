// Beacons in modules pre-bundled by `vite dev`'s dependency optimizer. Vite 8's optimizer is rolldown and
// runs `optimizeDeps.rolldownOptions.plugins`; Vite 7's is esbuild and runs only
// `optimizeDeps.esbuildOptions.plugins` (it ignores rolldownOptions), so each major gets its own plugin.
import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { BeaconTransform } from '@concord/build-core';
import type { DepOptimizationOptions } from 'vite';
import type { TransformHook } from './beacons';

/** The part of esbuild's plugin API used here (esbuild is Vite 7's dependency, not this package's). */
interface EsbuildPlugin {
  name: string;
  setup(build: {
    onLoad(
      options: { filter: RegExp; namespace?: string },
      callback: (args: {
        path: string;
      }) => Promise<{ contents: string; loader: Loader; resolveDir: string } | undefined>,
    ): void;
  }): void;
}

type Loader = 'js' | 'jsx' | 'ts' | 'tsx';

// Returning contents from `onLoad` also decides the loader: keep the one esbuild would pick by extension.
const loaderOf = (path: string): Loader => {
  const ext = /\.[cm]?([jt]sx?)$/.exec(path)?.[1];
  return ext === 'jsx' || ext === 'ts' || ext === 'tsx' ? ext : 'js';
};

/** The Vite major of a version string such as "7.3.8" (NaN when unknown). */
export const viteMajor = (version: string | undefined): number => Number.parseInt(version ?? '', 10);

/**
 * Appends the beacon to watched entry modules as esbuild loads them. esbuild reads the file itself unless
 * an `onLoad` callback returns its contents, so the callback reads it and appends; every other file is
 * left to esbuild (undefined). A CommonJS module stays CommonJS: the beacon is a plain statement.
 */
export function esbuildBeaconPlugin(beacons: BeaconTransform, filter: RegExp): EsbuildPlugin {
  return {
    name: 'concord:beacons',
    setup(build) {
      build.onLoad({ filter, namespace: 'file' }, async ({ path }) => {
        if (!beacons.match(path)) return undefined;
        const contents = beacons.transform(await readFile(path, 'utf8'), path);
        return contents === undefined
          ? undefined
          : { contents, loader: loaderOf(path), resolveDir: dirname(path) };
      });
    },
  };
}

/**
 * The `optimizeDeps` addition for the running Vite: esbuild's plugin below Vite 8, rolldown's from 8 on
 * (and when the version is unknown, the current optimizer).
 */
export function optimizerBeaconPlugins(
  viteVersion: string | undefined,
  beacons: BeaconTransform,
  filter: RegExp,
  transform: TransformHook,
): DepOptimizationOptions {
  if (viteMajor(viteVersion) < 8)
    // Vite 8 types `esbuildOptions` as deprecated but still declares it; its plugin type is esbuild's.
    return { esbuildOptions: { plugins: [esbuildBeaconPlugin(beacons, filter)] } } as DepOptimizationOptions;
  return { rolldownOptions: { plugins: [{ name: 'concord:beacons', transform }] } };
}
