export type AppName = 'host' | 'cart' | 'catalog' | 'account';
export type Bundler = 'vite' | 'rspack';
export type Mode = 'warn' | 'throw' | 'off';

/** One app's deviation from the baseline in a scenario. */
export interface AppScenario {
  /** Runtime plugin mode of this app's container. */
  mode?: Mode;
  /** Milliseconds the demo server waits before every response of this app (a slower CDN). */
  latency?: number;
  /** How this app uses zustand: left out of `shared`, or built on major 4 (singleton unless said otherwise). */
  zustand?: { shared?: boolean; major?: 4 | 5; singleton?: boolean };
  /** Which React major this app is built against. */
  react?: { major?: 18 | 19 };
  /**
   * Whether this app shares nanoid (a library without state: the baseline bundles it privately), built on
   * 5.1 (`nanoid`) or 5.0 (the `nanoid50` alias), as a non-singleton with `requiredVersion` (default `^<version>`);
   * `import: false`: the app bundles no copy and expects another app to provide it.
   */
  nanoid?: { shared?: boolean; minor?: '5.0' | '5.1'; requiredVersion?: string; import?: false };
  /**
   * Concord's `autoShare` off: the app lists its shares itself — react, react-dom, zustand, the contract and
   * its library as singletons — with React's subpaths (`react/jsx-runtime`, `react-dom/client`) or not
   * (`subpaths`, default true), and the contract's requiredVersion as written (`^<version>`) or left out for
   * the bundler to infer from package.json (`inferContractRange`: Rspack then registers `workspace:*`).
   */
  byHand?: { subpaths?: boolean; inferContractRange?: boolean };
  /** Host only: apps whose manifests the host's build report is not given (a stale list of manifests). */
  reportOmits?: AppName[];
  /**
   * What the app declares of the contract beyond the baseline (federation.mjs `READS`): more `concord.reads`
   * (slices or `slice.field`s, even ones the contract lacks) and `concord.owns` (slices it claims to write
   * besides those the contract names it owner of), as an app built for another contract than the page's;
   * Vite apps only: the `version` of `@acme/contract` it is built against, as a team that upgraded alone (the
   * build makes the app a checkout whose @acme/contract is that release: scripts/demo/contract-release.mjs);
   * `declared: false`: the app's Concord options name no `contract` (a team dropped it from its config) while
   * its code still imports @acme/contract and uses the bus.
   * @default the workspace's @acme/contract (1.2.0), declared in the app's Concord options
   */
  contract?: { reads?: string[]; owns?: string[]; version?: string; declared?: boolean };
  /**
   * Rspack apps only: the Module Federation release the app is built with: `current` (the catalog's
   * @module-federation/enhanced, runtime 2.9), `2.7` (enhanced 2.7.0 under the `@module-federation/enhanced-2-7`
   * alias, runtime 2.7.0: a minor behind the other apps, within the runtime plugin's peer range `>=2.6.0`) or
   * `2.5` (enhanced 2.5.1 under `@module-federation/enhanced-2-5`, runtime 2.5.1: below that range).
   * @default 'current'
   */
  federationRuntime?: 'current' | '2.7' | '2.5';
}

/** A finding a scenario must produce: at load time, in the host's build report, or in an app's build. */
export interface ExpectedFinding {
  code: string;
  /**
   * `runtime`: window.__CONCORD__.getDiagnostics(); `report`: the host build's report (terminal, JSON,
   * HTML); `build`: the build log of `apps[0]`.
   */
  where: 'runtime' | 'report' | 'build';
  package: string;
  /** Apps the finding must name, each with its bundler (APP_INFO). */
  apps: AppName[];
  /** Versions (and ranges) the finding must name. */
  versions?: string[];
}

export interface Scenario {
  name: string;
  title: string;
  apps: Partial<Record<AppName, AppScenario>>;
  /** The remote that fails to load in `throw` mode, with the code it fails with. */
  fails?: { app: AppName; code: string };
  expect: ExpectedFinding[];
}

export interface AppChoices {
  mode: Mode;
  zustand: { shared: boolean; major: 4 | 5; singleton: boolean };
  react: { major: 18 | 19 };
  nanoid: { shared: boolean; minor: '5.0' | '5.1'; requiredVersion?: string; import?: false };
  byHand: { subpaths: boolean; inferContractRange: boolean } | undefined;
  reportOmits: AppName[];
  contract: { reads: string[]; owns: string[]; version?: string; declared: boolean };
  federationRuntime: 'current' | '2.7' | '2.5';
}

export declare const playgroundDir: string;
export declare const APPS: readonly ['cart', 'catalog', 'account', 'host'];
export declare const APP_INFO: Readonly<
  Record<AppName, { bundler: Bundler; framework: 'react' | 'vue'; offset: number }>
>;
export declare const BASE_PORT: number;
export declare const SCENARIOS: readonly Scenario[];
export declare function getScenario(name: string): Scenario;
export declare function currentScenario(env?: NodeJS.ProcessEnv): Scenario;
export declare function basePort(name: string, env?: NodeJS.ProcessEnv): number;
export declare function appPort(name: string, app: AppName, env?: NodeJS.ProcessEnv): number;
export declare function appOrigin(name: string, app: AppName, env?: NodeJS.ProcessEnv): string;
export declare function outDir(name: string, app: AppName, env?: NodeJS.ProcessEnv): string;
export declare function appChoices(scenario: Scenario, app: AppName): AppChoices;
