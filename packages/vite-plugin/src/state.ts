import { resolve } from 'node:path';
import {
  type BuildReportOutcome,
  type ConcordBuild,
  type DiagnosticLogger,
  rootMismatch,
} from '@concord/build-core';
import type { ModuleFederationOptions } from '@module-federation/vite';
import type { ResolvedConfig } from 'vite';
import { viteDiagnosticLogger } from './logger';

/** What Concord's Vite plugins share for one `concord()` call (no module-level state). */
export interface ViteState {
  build: ConcordBuild<ModuleFederationOptions>;
  command: 'build' | 'serve' | undefined;
  config: ResolvedConfig | undefined;
  logger: DiagnosticLogger | undefined;
  /** Set by the `buildApp` hook: `vite build` (not the programmatic `build()`), so failures are held. */
  appBuild: boolean;
  /** The failure held for the `buildApp` hook (see fail.ts). */
  failure: Error | undefined;
  /** The report of the current build, started once the manifest is stamped, printed in `writeBundle`. */
  report: Promise<BuildReportOutcome> | undefined;
  /** The metadata; its diagnostics are printed once, when first loaded. */
  metadata: ConcordBuild<ModuleFederationOptions>['metadata'];
  /** Called from `configResolved` of the first Concord plugin. */
  init(config: ResolvedConfig): void;
}

export function createState(build: ConcordBuild<ModuleFederationOptions>): ViteState {
  const state: ViteState = {
    build,
    command: undefined,
    config: undefined,
    logger: undefined,
    appBuild: false,
    failure: undefined,
    report: undefined,
    async metadata() {
      const result = await build.metadata();
      for (const d of result.diagnostics) state.logger?.report(d);
      return result;
    },
    init(config) {
      if (state.config === config) return;
      state.config = config;
      state.command = config.command;
      state.logger = viteDiagnosticLogger(config.logger);
      // What Concord changed in the federation config: one block per build, nothing silent.
      state.logger.info(build.changes);
      for (const d of build.diagnostics) state.logger.report(d);
      // Packages and versions were read from `concord.root` (or cwd) before Vite resolved its root.
      if (resolve(build.project.root) !== resolve(config.root))
        state.logger.report(rootMismatch(build.augmentation.app, build.project.root, config.root));
    },
  };
  return state;
}
