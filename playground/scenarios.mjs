// The playground's scenarios: the ONE list that the app builds, `npm run demo` and the e2e specs read.
// A scenario is chosen at build time with CONCORD_SCENARIO=<name>; each app reads its own `apps[app]`
// entry (missing entry = the baseline choices). Ports are fixed per scenario so every scenario can be
// served at once (Playwright starts one server per scenario) and remote URLs can be baked into builds.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** @typedef {import('./scenarios.d.mts').Scenario} Scenario */
/** @typedef {import('./scenarios.d.mts').AppName} AppName */

export const playgroundDir = fileURLToPath(new URL('.', import.meta.url));

/** The apps in build order: remotes first, the host last (its build report reads the remotes' manifests). */
export const APPS = /** @type {const} */ (['cart', 'catalog', 'account', 'host']);

/** What each app is built with; `offset` is its port relative to the scenario's base port. */
export const APP_INFO = Object.freeze({
  host: { bundler: 'vite', framework: 'react', offset: 0 },
  cart: { bundler: 'vite', framework: 'react', offset: 1 },
  catalog: { bundler: 'rspack', framework: 'react', offset: 2 },
  account: { bundler: 'vite', framework: 'vue', offset: 3 },
});

export const BASE_PORT = 4100;

// What each scenario must produce. `runtime`: window.__CONCORD__.getDiagnostics() on the page (codes
// 2xx), naming the apps (consumer, provider or live copies) with their bundlers and the versions;
// `report`: the host build's report (4xx) in the terminal, concord-report.json and .html; `build`: the
// named app's own build log (1xx).

// A remote built on an older major of a singleton than the page runs: at load time it is handed the
// page's version outside its `^required` range (201); the report predicts that (410) and names the two
// versions provided for one singleton (411).
const requiresOlder = (pkg, app, required, page) => [
  {
    where: 'runtime',
    code: 'CONCORD-201',
    package: pkg,
    apps: [app, 'host'],
    versions: [page, `^${required}`],
  },
  {
    where: 'report',
    code: 'CONCORD-410',
    package: pkg,
    apps: [app, 'host'],
    versions: [`^${required}`, page],
  },
  {
    where: 'report',
    code: 'CONCORD-411',
    package: pkg,
    apps: ['host', app],
    versions: [required, page],
  },
];
const zustandRequires4 = (app) => requiresOlder('zustand', app, '4.5.7', '5.1.0');
const react18 = ['react', 'react-dom', 'react/jsx-runtime', 'react-dom/client'].flatMap((pkg) =>
  requiresOlder(pkg, 'catalog', '18.3.1', '19.3.1'),
);

/** @type {readonly Scenario[]} */
export const SCENARIOS = Object.freeze([
  {
    name: 'baseline',
    title: 'Every app shares its store libraries as singletons and agrees on versions',
    apps: {},
    expect: [],
  },
  {
    name: 'catalog-unshared-zustand',
    title: 'catalog (Rspack) leaves zustand out of `shared` and bundles a private copy',
    apps: { catalog: { zustand: { shared: false } } },
    expect: [
      { where: 'runtime', code: 'CONCORD-203', package: 'zustand', apps: ['catalog'], versions: ['5.1.0'] },
      {
        where: 'runtime',
        code: 'CONCORD-202',
        package: 'zustand',
        apps: ['host', 'catalog'],
        versions: ['5.1.0'],
      },
      { where: 'report', code: 'CONCORD-413', package: 'zustand', apps: ['catalog'], versions: ['5.1.0'] },
      { where: 'build', code: 'CONCORD-106', package: 'zustand', apps: ['catalog'], versions: ['5.1.0'] },
    ],
  },
  {
    // On the Rspack remote: enhanced honours a non-singleton range and loads a second copy. (A Vite
    // consumer of the same config is handed the page's 5.1.0 instead: cart-zustand-split.)
    name: 'catalog-zustand-split',
    title: 'catalog (Rspack) shares zustand 4 as a non-singleton while the page runs zustand 5',
    apps: { catalog: { zustand: { major: 4, singleton: false } } },
    expect: [
      {
        where: 'runtime',
        code: 'CONCORD-202',
        package: 'zustand',
        apps: ['host', 'catalog'],
        versions: ['5.1.0', '4.5.7'],
      },
      { where: 'report', code: 'CONCORD-412', package: 'zustand', apps: ['catalog', 'host', 'cart'] },
      {
        where: 'report',
        code: 'CONCORD-416',
        package: 'zustand',
        apps: ['catalog', 'host'],
        versions: ['4.5.7', '5.1.0'],
      },
      {
        where: 'report',
        code: 'CONCORD-411',
        package: 'zustand',
        apps: ['host', 'catalog'],
        versions: ['4.5.7', '5.1.0'],
      },
      { where: 'build', code: 'CONCORD-105', package: 'zustand', apps: ['catalog'] },
    ],
  },
  {
    // The same config on the Vite remote: @module-federation/vite 1.23.8 loads no second copy for it but
    // hands cart the page's zustand 5.1.0 (its module cache files `default:zustand@4.5.7` under the
    // singleton's module), outside the range cart declared: the runtime finding is CONCORD-201, and no
    // 4.5.7 copy runs. The build report predicts the same from the manifests, knowing cart is a Vite
    // consumer: CONCORD-418, not the two copies (416) an Rspack consumer of this config gets.
    name: 'cart-zustand-split',
    title: 'cart (Vite) shares zustand 4 as a non-singleton while the page runs zustand 5',
    apps: { cart: { zustand: { major: 4, singleton: false } } },
    expect: [
      {
        where: 'runtime',
        code: 'CONCORD-201',
        package: 'zustand',
        apps: ['cart', 'host'],
        versions: ['5.1.0', '^4.5.7'],
      },
      { where: 'report', code: 'CONCORD-412', package: 'zustand', apps: ['cart', 'host', 'catalog'] },
      {
        where: 'report',
        code: 'CONCORD-418',
        package: 'zustand',
        apps: ['cart', 'host'],
        versions: ['^4.5.7', '5.1.0'],
      },
      {
        where: 'report',
        code: 'CONCORD-411',
        package: 'zustand',
        apps: ['host', 'cart'],
        versions: ['4.5.7', '5.1.0'],
      },
      { where: 'build', code: 'CONCORD-105', package: 'zustand', apps: ['cart'] },
    ],
  },
  {
    // Two Vite remotes declare the same nanoid (5.0.9) with different ranges, and the host provides 5.1.16.
    // @module-federation/vite keys a non-singleton by its DECLARED version (`default:nanoid@5.0.9`) and
    // checks that key first, so the first of the two containers to start files its module for both. With
    // version-first sharing every remote's container starts at page load, concurrently: a race. Here
    // account is served 600 ms late (a slower CDN), so cart, whose `>=5.0.9` takes the host's 5.1.16,
    // files that module, and account runs it although it requires ~5.0.9: the runtime plugin reports
    // CONCORD-201. The build report cannot know the order and names the race (CONCORD-425) and, for the
    // other order, the second copy (CONCORD-416).
    name: 'vite-same-version-ranges',
    title: 'cart and account (Vite) share nanoid 5.0.9 with different ranges while the host provides 5.1.16',
    apps: {
      host: { nanoid: { shared: true } },
      cart: { nanoid: { shared: true, minor: '5.0', requiredVersion: '>=5.0.9' } },
      account: { nanoid: { shared: true, minor: '5.0', requiredVersion: '~5.0.9' }, latency: 600 },
    },
    expect: [
      {
        where: 'runtime',
        code: 'CONCORD-201',
        package: 'nanoid',
        apps: ['account', 'host'],
        versions: ['5.1.16', '~5.0.9'],
      },
      {
        where: 'report',
        code: 'CONCORD-425',
        package: 'nanoid',
        apps: ['account', 'cart', 'host'],
        versions: ['~5.0.9', '>=5.0.9', '5.1.16'],
      },
      {
        where: 'report',
        code: 'CONCORD-416',
        package: 'nanoid',
        apps: ['host', 'cart', 'account'],
        versions: ['5.1.16', '5.0.9'],
      },
    ],
  },
  {
    name: 'cart-requires-zustand-4',
    title: 'cart (Vite) declares a singleton zustand ^4.5.7 while the page runs 5.1.0',
    apps: { cart: { zustand: { major: 4 } } },
    expect: zustandRequires4('cart'),
  },
  {
    name: 'catalog-requires-zustand-4',
    title: 'catalog (Rspack) declares a singleton zustand ^4.5.7 while the page runs 5.1.0',
    apps: { catalog: { zustand: { major: 4 } } },
    expect: zustandRequires4('catalog'),
  },
  {
    name: 'cart-strict',
    title: 'cart (Vite) requires zustand ^4.5.7 in strict mode: cart fails with its code, the rest works',
    apps: { cart: { zustand: { major: 4 }, mode: 'throw' } },
    fails: { app: 'cart', code: 'CONCORD-201' },
    expect: zustandRequires4('cart'),
  },
  {
    name: 'catalog-strict',
    title:
      'catalog (Rspack) requires zustand ^4.5.7 in strict mode: catalog fails with its code, the rest works',
    apps: { catalog: { zustand: { major: 4 }, mode: 'throw' } },
    fails: { app: 'catalog', code: 'CONCORD-201' },
    expect: zustandRequires4('catalog'),
  },
  {
    name: 'catalog-react-18',
    title: 'catalog (Rspack) is built against React 18 while the page runs React 19',
    apps: { catalog: { react: { major: 18 } } },
    expect: react18,
  },
  {
    // cart pins nanoid exactly (requiredVersion 5.0.9, as `save-exact` writes it) while the host provides
    // 5.1.16: the pin takes cart's own 5.0.9 slot, so nanoid runs twice (CONCORD-416, a warning: nanoid keeps
    // no state) and the report names the drifting pin (414, info while the pin is still met). catalog requires
    // zustand ^4.5.7 as a singleton on the same page: the load-time finding (201) this page is checked with.
    // The differential spec compares both packages' outcomes per app with the page.
    name: 'cart-pins-nanoid',
    title:
      'cart (Vite) pins nanoid 5.0.9 exactly while the host provides 5.1.16; catalog (Rspack) requires zustand ^4.5.7',
    apps: {
      host: { nanoid: { shared: true } },
      cart: { nanoid: { shared: true, minor: '5.0', requiredVersion: '5.0.9' } },
      catalog: { zustand: { major: 4 } },
    },
    expect: [
      ...zustandRequires4('catalog'),
      {
        where: 'report',
        code: 'CONCORD-414',
        package: 'nanoid',
        apps: ['cart'],
        versions: ['5.0.9', '5.1.16'],
      },
      {
        where: 'report',
        code: 'CONCORD-416',
        package: 'nanoid',
        apps: ['host', 'cart'],
        versions: ['5.1.16', '5.0.9'],
      },
    ],
  },
  {
    // A team that writes its `shared` itself (Concord's autoShare off) on the Rspack remote: react and
    // react-dom without their subpaths, so catalog's automatic JSX runtime and its createRoot come from its
    // own bundle instead of the page's shares (CONCORD-428; enhanced shares only the keys listed); and the
    // contract without a requiredVersion, which enhanced infers from package.json as pnpm's `workspace:*`
    // (CONCORD-415). The runtime's satisfy never matches that range: Module Federation warns that the host's
    // 1.2.0 does not satisfy catalog's `workspace:*` and hands it the singleton anyway.
    name: 'catalog-shares-by-hand',
    title:
      'catalog (Rspack) shares by hand: react without its subpaths, and the contract with the `workspace:*` enhanced infers',
    apps: { catalog: { byHand: { subpaths: false, inferContractRange: true } } },
    expect: [
      {
        where: 'runtime',
        code: 'CONCORD-201',
        package: '@acme/contract',
        apps: ['catalog', 'host'],
        versions: ['1.2.0', 'workspace:*'],
      },
      {
        where: 'build',
        code: 'CONCORD-115',
        package: '@acme/contract',
        apps: ['catalog'],
        versions: ['workspace:*'],
      },
      {
        where: 'report',
        code: 'CONCORD-415',
        package: '@acme/contract',
        apps: ['catalog'],
        versions: ['workspace:*'],
      },
      { where: 'report', code: 'CONCORD-428', package: 'react/jsx-runtime', apps: ['catalog'] },
      { where: 'report', code: 'CONCORD-428', package: 'react-dom/client', apps: ['catalog'] },
    ],
  },
  {
    // The host's build report is given the manifests of cart and catalog only (a list gone stale when account
    // was added): the host loads account, so the report names it as not checked (CONCORD-429). On the page
    // account runs as usual, and its shares are seen by the runtime plugin, not predicted by the report.
    name: 'host-report-misses-account',
    title: "the host's build report is not given account's manifest: account is not checked",
    apps: { host: { reportOmits: ['account'] } },
    expect: [{ where: 'report', code: 'CONCORD-429', package: '', apps: ['host', 'account'] }],
  },
  {
    // catalog (Rspack) declares nanoid with `import: false` — no copy of its own, the host is expected to
    // provide it — but no app shares nanoid (the host bundles its own privately). The report names it
    // (CONCORD-417). On the page Module Federation has no nanoid for catalog: asked for it, its loadShare
    // finds nothing registered; catalog itself never imports nanoid, so it renders.
    name: 'catalog-expects-nanoid',
    title: 'catalog (Rspack) shares nanoid with `import: false` while no app provides nanoid',
    apps: { catalog: { nanoid: { shared: true, import: false } } },
    expect: [{ where: 'report', code: 'CONCORD-417', package: 'nanoid', apps: ['catalog'] }],
  },
  {
    // account (Vite + Vue) is built for a contract the page does not run: it declares that it reads a
    // `wishlist` slice no contract has (CONCORD-421) and the session's `email`, a field the host's session
    // lacks (422), and claims the theme, which the contract gives to the host (424). Its own build warns of
    // both reads (CONCORD-110) and of the claim (CONCORD-121). On the page the bus has no `wishlist` (a read
    // is refused, CONCORD-308), the session has no `email`, and a write of the theme by account is refused
    // (CONCORD-303); the differential spec checks each claim there. Its code reads and writes none of them,
    // so account renders as usual.
    name: 'account-reads-past-the-contract',
    title:
      'account (Vite) reads a slice and a field the contract lacks, and claims the theme the contract gives the host',
    apps: { account: { contract: { reads: ['wishlist', 'session.email'], owns: ['theme'] } } },
    expect: [
      {
        where: 'report',
        code: 'CONCORD-421',
        package: '@acme/contract',
        apps: ['account'],
        versions: ['1.2.0'],
      },
      {
        where: 'report',
        code: 'CONCORD-422',
        package: '@acme/contract',
        apps: ['account', 'host'],
        versions: ['1.2.0'],
      },
      {
        where: 'report',
        code: 'CONCORD-424',
        package: '@acme/contract',
        apps: ['host', 'account'],
        versions: ['1.2.0'],
      },
      // account's own build already names both reads the contract does not have, and its claim of the theme.
      { where: 'build', code: 'CONCORD-110', package: '@acme/contract', apps: ['account'] },
      { where: 'build', code: 'CONCORD-121', package: '@acme/contract', apps: ['account'] },
    ],
  },
  {
    // The cart team upgraded @acme/contract to 2.0.0 and deployed alone (its build is a checkout whose
    // @acme/contract is the 2.0.0 release: scripts/demo/contract-release.mjs); the other apps are built against
    // 1.2.0. The report names the incompatible majors (CONCORD-420) and, since the contract is a singleton, the
    // version the runtime picks: version-first takes cart's 2.0.0 for every app (410 for each 1.2.0 app, 411).
    // On the page that is what happens: no app is refused (no CONCORD-302), the bus of "acme" is created with
    // 2.0.0 and host, catalog and account connect to it with cart's 2.0.0 contract (CONCORD-201 for each); the
    // differential spec checks 420 against the bus's `inspect()`.
    name: 'cart-on-contract-2',
    title: 'cart (Vite) is built against @acme/contract 2.0.0 while the other apps are built against 1.2.0',
    apps: { cart: { contract: { version: '2.0.0' } } },
    expect: [
      ...['host', 'catalog', 'account'].flatMap((app) => [
        {
          where: 'runtime',
          code: 'CONCORD-201',
          package: '@acme/contract',
          apps: [app, 'cart'],
          versions: ['2.0.0', '^1.2.0'],
        },
        {
          where: 'report',
          code: 'CONCORD-410',
          package: '@acme/contract',
          apps: [app, 'cart'],
          versions: ['^1.2.0', '2.0.0'],
        },
      ]),
      {
        where: 'report',
        code: 'CONCORD-420',
        package: '@acme/contract',
        apps: ['host', 'cart', 'catalog', 'account'],
        versions: ['1.2.0', '2.0.0'],
      },
      {
        where: 'report',
        code: 'CONCORD-411',
        package: '@acme/contract',
        apps: ['host', 'cart', 'catalog', 'account'],
        versions: ['2.0.0', '1.2.0'],
      },
    ],
  },
  {
    // catalog (Rspack) is built with @module-federation/enhanced 2.7.0 (handed to ConcordRspackPlugin as its
    // `federationPlugin`), the Vite apps run runtime 2.9.2: the report names the two runtimes (CONCORD-426), read
    // for catalog from the manifest's pluginVersion (Concord's metadata records the plugin that wrote it). 2.7 is
    // within the runtime plugin's peer range (>=2.6.0), so no CONCORD-427: on the page catalog's container is a
    // runtime 2.7.0 instance (`__FEDERATION__.__INSTANCES__`, `version`) with Concord's runtime plugin in it,
    // which records no CONCORD-207 there.
    name: 'catalog-on-old-runtime',
    title:
      'catalog (Rspack) is built with @module-federation/enhanced 2.7.0 (runtime 2.7.0) while the Vite apps run 2.9',
    apps: { catalog: { federationRuntime: '2.7' } },
    expect: [
      {
        where: 'report',
        code: 'CONCORD-426',
        package: '',
        apps: ['host', 'cart', 'account', 'catalog'],
        versions: ['2.9.2', '2.7.0'],
      },
    ],
  },
  {
    // catalog (Rspack) is built with @module-federation/enhanced 2.5.1 (runtime 2.5.1), below the runtime
    // plugin's peer range (>=2.6.0): the report names the two runtimes (CONCORD-426) and catalog's as older than
    // Concord supports (CONCORD-427). On the page catalog's container is a runtime 2.5.1 instance with Concord's
    // runtime plugin in it; the plugin names that container's runtime as older than 2.6 (CONCORD-210) and still
    // checks it (the differential test compares both with the report's 427).
    name: 'catalog-on-unsupported-runtime',
    title:
      'catalog (Rspack) is built with @module-federation/enhanced 2.5.1 (runtime 2.5.1), older than Concord supports',
    apps: { catalog: { federationRuntime: '2.5' } },
    expect: [
      { where: 'runtime', code: 'CONCORD-210', package: '', apps: ['catalog'], versions: ['2.5.1'] },
      {
        where: 'report',
        code: 'CONCORD-426',
        package: '',
        apps: ['host', 'cart', 'account', 'catalog'],
        versions: ['2.9.2', '2.5.1'],
      },
      { where: 'report', code: 'CONCORD-427', package: '', apps: ['catalog'], versions: ['2.5.1', '2.6.0'] },
    ],
  },
  {
    // The cart team dropped `contract` from its Concord options while its code still imports @acme/contract
    // and connects to the bus. Its build then shares @concord/shared-state (a dependency) but not the contract,
    // which it bundles as its own copy, and its manifest describes no contract and owns no slice. The host's
    // report cannot check the host's read of `cart.count` against cart's contract: CONCORD-423, "built without
    // that contract" (cart is among the inputs). cart stays among the report's apps, so the CONCORD-430 race
    // findings still name it. On the page cart's copy of the contract (same name, version and owners) joins
    // the bus the host created: cart writes its slice and the host's badge follows; the runtime plugin records
    // nothing (cart's copy of the contract has no beacon). The differential test checks 423 against cart's
    // manifest and the page's bus.
    name: 'cart-without-contract',
    title:
      "cart (Vite) is built without Concord's `contract` option while its code still uses the contract's bus",
    apps: { cart: { contract: { declared: false } } },
    expect: [
      {
        where: 'report',
        code: 'CONCORD-423',
        package: '@acme/contract',
        apps: ['host', 'cart'],
        versions: ['1.2.0'],
      },
    ],
  },
]);

/** @param {string} name @returns {Scenario} */
export function getScenario(name) {
  const scenario = SCENARIOS.find((s) => s.name === name);
  if (!scenario) {
    const names = SCENARIOS.map((s) => s.name).join(', ');
    throw new Error(`Unknown scenario ${JSON.stringify(name)}: expected one of ${names}.`);
  }
  return scenario;
}

/** The scenario named by CONCORD_SCENARIO (the baseline when unset). */
export function currentScenario(env = process.env) {
  return getScenario(env.CONCORD_SCENARIO || 'baseline');
}

/** The base port of a scenario: 4100 for the baseline, then 10 apart (env CONCORD_PORT_BASE overrides). */
export function basePort(name, env = process.env) {
  if (env.CONCORD_PORT_BASE) return Number(env.CONCORD_PORT_BASE);
  return BASE_PORT + 10 * SCENARIOS.indexOf(getScenario(name));
}

/** The fixed loopback port of one app of a scenario, e.g. 4101. */
export function appPort(name, app, env = process.env) {
  return basePort(name, env) + APP_INFO[app].offset;
}

/** Loopback origin of one app of a scenario, e.g. `http://127.0.0.1:4101`. */
export function appOrigin(name, app, env = process.env) {
  return `http://127.0.0.1:${appPort(name, app, env)}`;
}

/** Where an app of a scenario is built: playground/.out/<scenario>[@<port>]/<app>. */
export function outDir(name, app, env = process.env) {
  const suffix = env.CONCORD_PORT_BASE ? `@${env.CONCORD_PORT_BASE}` : '';
  return join(playgroundDir, '.out', `${name}${suffix}`, app);
}

/**
 * The choices of one app in a scenario, with the baseline filled in: zustand shared as a singleton
 * on major 5, React 19, nanoid 5.1 bundled privately, Concord's runtime plugin in `warn` mode, nothing read
 * or owned beyond what the contract and federation.mjs's READS say, the current Module Federation release.
 * @param {Scenario} scenario @param {AppName} app
 */
export function appChoices(scenario, app) {
  const own = scenario.apps[app] ?? {};
  const { bundler } = APP_INFO[app];
  if (own.federationRuntime && own.federationRuntime !== 'current' && bundler !== 'rspack')
    throw new Error(
      `Scenario ${JSON.stringify(scenario.name)}: \`federationRuntime: '${own.federationRuntime}'\` is for Rspack apps, and ${app} is built with ${bundler}.`,
    );
  if (own.contract?.version && bundler !== 'vite')
    throw new Error(
      `Scenario ${JSON.stringify(scenario.name)}: \`contract.version\` is for Vite apps (their checkout is a copy of the app's directory), and ${app} is built with ${bundler}.`,
    );
  return {
    mode: own.mode ?? 'warn',
    zustand: { shared: true, major: 5, singleton: true, ...own.zustand },
    react: { major: 19, ...own.react },
    nanoid: { shared: false, minor: '5.1', ...own.nanoid },
    byHand: own.byHand && { subpaths: true, inferContractRange: false, ...own.byHand },
    reportOmits: own.reportOmits ?? [],
    contract: { reads: [], owns: [], declared: true, ...own.contract },
    federationRuntime: own.federationRuntime ?? 'current',
  };
}
