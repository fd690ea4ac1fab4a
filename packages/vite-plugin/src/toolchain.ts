// The versions of Vite and @module-federation/vite this plugin supports (the same ranges as its
// peerDependencies; a test keeps them equal), and the one coded line printed at config time when the app
// runs something else. Plain numeric bounds: no semver dependency for two comparisons.
import { fileURLToPath } from 'node:url';
import { type Diagnostic, findInstalled, unsupportedToolchain } from '@concord/build-core';
import type { Plugin } from 'vite';
import type { ViteState } from './state';

type Triple = readonly [number, number, number];

interface SupportedRange {
  /** The peerDependencies range, as printed. */
  range: string;
  /** Lowest supported version (inclusive). */
  from: Triple;
  /** First unsupported major (exclusive). */
  belowMajor: number;
  /** What happens below `from` (README: Supported versions). */
  below: string;
}

/** Supported versions: what the tests run, and why the versions below are out. */
export const SUPPORTED_TOOLCHAIN = Object.freeze({
  '@module-federation/vite': {
    range: '^1.16.14',
    from: [1, 16, 14],
    belowMajor: 2,
    below:
      'before 1.16.14, `vite dev` hands a remote its own react when a pre-bundled CommonJS dependency requires it, and 1.16.11 and older bundle a runtime (2.6) without the `satisfy` export Concord uses',
  },
  vite: {
    range: '^7.0.0 || ^8.0.0',
    from: [7, 0, 0],
    belowMajor: 9,
    below:
      "before Vite 7, plugins cannot read Vite's version (`this.meta.viteVersion`) and nothing is tested",
  },
} as const satisfies Record<string, SupportedRange>);

const parse = (version: string): Triple | undefined => {
  const m = /^(\d+)\.(\d+)\.(\d+)/.exec(version);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : undefined;
};
const before = (a: Triple, b: Triple) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];

/**
 * The CONCORD-120 line for `versions` outside SUPPORTED_TOOLCHAIN, or undefined when every known version
 * is supported (an unknown version is not reported: there is nothing to name).
 */
export function checkToolchain(
  app: string,
  versions: { vite?: string | undefined; '@module-federation/vite'?: string | undefined },
): Diagnostic | undefined {
  const found = [];
  for (const pkg of ['@module-federation/vite', 'vite'] as const) {
    const version = versions[pkg];
    const parsed = version ? parse(version) : undefined;
    if (!version || !parsed) continue;
    const s: SupportedRange = SUPPORTED_TOOLCHAIN[pkg];
    if (before(parsed, s.from) < 0) found.push({ package: pkg, version, supported: s.range, why: s.below });
    else if (parsed[0] >= s.belowMajor)
      found.push({ package: pkg, version, supported: s.range, why: `major ${parsed[0]} is not tested yet` });
  }
  return found.length ? unsupportedToolchain(app, 'vite', found) : undefined;
}

/** Reads the running Vite (from the plugin context) and the federation plugin Concord applies. */
export function toolchainPlugin(state: ViteState): Plugin {
  let viteVersion: string | undefined;
  let checked = false;
  return {
    name: 'concord:toolchain',
    config() {
      // Vite 7 and later put their version here; older ones are reported from the installed package.
      viteVersion = this.meta?.viteVersion;
    },
    configResolved(config) {
      state.init(config);
      if (checked) return;
      checked = true;
      const pluginDir = fileURLToPath(new URL('.', import.meta.url));
      const line = checkToolchain(state.build.augmentation.app, {
        vite: viteVersion ?? findInstalled('vite', config.root)?.version,
        '@module-federation/vite': findInstalled('@module-federation/vite', pluginDir)?.version,
      });
      if (line) state.logger?.report(line);
    },
  };
}
