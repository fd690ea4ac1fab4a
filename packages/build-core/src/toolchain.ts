// The bundler, federation plugin and Module Federation runtime an app is built with, for the metadata: the
// report names a page whose containers run different runtimes, and says which app runs which.
import type { PackageVersion } from '@concord/report';
import type { Bundler } from './options';
import { findInstalled, type ProjectInfo } from './project';

/** What the calling plugin knows about its bundler and federation plugin. */
export interface ToolchainHint {
  /** The bundler's version when the plugin knows it (Rspack's `rspackVersion`, webpack's `version`). */
  bundlerVersion?: string;
  /** The federation plugin package the Concord plugin applies, e.g. `@module-federation/vite`. */
  federationPackage?: string;
  /** Directory the Concord plugin's own dependencies resolve from. */
  pluginDir?: string;
}

/** The toolchain recorded in the metadata. */
export interface Toolchain {
  bundlerVersion?: string;
  federation?: PackageVersion;
  runtime?: PackageVersion;
}

// The runtime is a dependency of the federation plugin, directly (vite) or through runtime-tools (enhanced).
const RUNTIME_PATHS: readonly (readonly string[])[] = [
  ['@module-federation/runtime'],
  ['@module-federation/runtime-tools', '@module-federation/runtime'],
  ['@module-federation/webpack-bundler-runtime', '@module-federation/runtime'],
];

/** Reads the versions on disk; what cannot be found is left out. */
export function readToolchain(bundler: Bundler, project: ProjectInfo, hint: ToolchainHint): Toolchain {
  const bundlerPackage = bundler === 'vite' ? 'vite' : bundler === 'rspack' ? '@rspack/core' : 'webpack';
  // The app's own bundler, else the one the Concord plugin resolves (what it runs under).
  const bundlerVersion =
    hint.bundlerVersion ??
    project.find(bundlerPackage)?.version ??
    (hint.pluginDir ? findInstalled(bundlerPackage, hint.pluginDir)?.version : undefined);
  const federation =
    hint.federationPackage && hint.pluginDir
      ? findInstalled(hint.federationPackage, hint.pluginDir)
      : undefined;
  let runtime: PackageVersion | undefined;
  if (federation)
    for (const path of RUNTIME_PATHS) {
      let dir: string | undefined = federation.dir;
      let found: ReturnType<typeof findInstalled>;
      for (const name of path) {
        found = dir ? findInstalled(name, dir) : undefined;
        dir = found?.dir;
      }
      if (found) {
        runtime = { package: found.name, version: found.version };
        break;
      }
    }
  return {
    ...(bundlerVersion ? { bundlerVersion } : {}),
    ...(federation ? { federation: { package: federation.name, version: federation.version } } : {}),
    ...(runtime ? { runtime } : {}),
  };
}
