import type { AppName, Mode } from './scenarios.mjs';

export interface RemoteConfig {
  type: 'module' | 'var';
  name: string;
  entry: string;
  entryGlobalName?: string;
}

export interface SharedConfig {
  singleton: boolean;
  version: string;
  requiredVersion: string;
  import?: string;
  shareKey?: string;
}

/** The `concord` options of the app's build plugin (see @concord/vite-plugin, @concord/rspack-plugin). */
export interface ConcordBuildOptions {
  contract: string;
  root: string;
  mode: Mode;
  reads: string[];
  owns: string[];
  autoShare: boolean;
  report: false | { manifests: string[]; failOn: 'error' | 'warning' | 'never' };
}

export interface BuildContext {
  /** The app's loopback origin, e.g. `http://127.0.0.1:4101` (its public path). */
  origin: string;
  outDir: string;
  remotes: Record<string, RemoteConfig>;
  /** Only what differs from Concord's defaults. */
  shared: Record<string, SharedConfig>;
  concord: ConcordBuildOptions;
  /** Rspack apps: the Module Federation release to build with (scenarios.d.mts `AppScenario.federationRuntime`). */
  federationRuntime: 'current' | '2.7' | '2.5';
}

export declare function buildContext(app: AppName, appDir: string, env?: NodeJS.ProcessEnv): BuildContext;
