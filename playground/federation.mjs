// Federation and Concord options common to the playground's build configs (Vite and Rspack), derived
// from the scenario (playground/scenarios.mjs). Concord's build plugins share the contract, its library
// and every watched store library the app depends on as singletons by themselves, so the baseline lists
// almost nothing; fault scenarios deviate exactly as their title says.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { APP_INFO, APPS, appChoices, appOrigin, currentScenario, outDir } from './scenarios.mjs';

/** What each app reads of the contract (the report checks it against the owners' slices). */
const READS = {
  host: ['cart.count'],
  cart: ['theme'],
  catalog: ['theme'],
  account: ['theme', 'session.user'],
};

/** Everything an app's build config needs to know about the current scenario. */
export function buildContext(app, appDir, env = process.env) {
  const scenario = currentScenario(env);
  const choices = appChoices(scenario, app);
  // `vite dev` only (CONCORD_DEV_OWN_REACT=<app>, playground/dev-serve.mjs): the app leaves react unshared.
  const ownReact = env.CONCORD_DEV_OWN_REACT === app;
  return {
    origin: appOrigin(scenario.name, app, env),
    outDir: outDir(scenario.name, app, env),
    remotes: remotesFor(app, scenario.name, env),
    shared: ownReact ? ownReactShared(app, appDir, choices) : sharedFor(app, appDir, choices),
    // Rspack apps: `2.7` / `2.5` build with enhanced 2.7.0 / 2.5.1, installed as @module-federation/enhanced-2-7 / -2-5.
    federationRuntime: choices.federationRuntime,
    concord: {
      // A team may drop `contract` from its Concord options while its code still imports it and uses the bus.
      contract: choices.contract.declared ? '@acme/contract' : undefined,
      root: appDir,
      mode: choices.mode,
      reads: [...READS[app], ...choices.contract.reads],
      owns: choices.contract.owns,
      // A remote that leaves zustand out of `shared` turns Concord's automatic sharing off.
      autoShare: choices.zustand.shared && !ownReact && !choices.byHand,
      report: reportFor(app, scenario, env, choices.reportOmits),
      // The demo and the e2e specs serve production builds: the panel is asked for explicitly. It stays
      // closed until clicked, so the specs that drive the shop never find it over a button.
      // CONCORD_PLAYGROUND_OVERLAY=off builds without it (the panel's cost bench, on its own port base).
      overlay: env.CONCORD_PLAYGROUND_OVERLAY === 'off' ? false : { enabled: true, openOnError: false },
    },
  };
}

/** The host's build reports on every app; a healthy build must have no warning, a faulty one is served anyway. */
function reportFor(app, scenario, env, omits) {
  if (app !== 'host') return false;
  return {
    manifests: APPS.filter((a) => a !== 'host' && !omits.includes(a)).map((a) =>
      join(outDir(scenario.name, a, env), 'mf-manifest.json'),
    ),
    failOn: scenario.name === 'baseline' ? 'warning' : 'never',
  };
}

/** The host consumes every remote; remotes consume nothing. */
function remotesFor(app, scenarioName, env) {
  if (app !== 'host') return {};
  const entry = (name) => `${appOrigin(scenarioName, name, env)}/remoteEntry.js`;
  return {
    cart: { type: 'module', name: 'cart', entry: entry('cart') },
    account: { type: 'module', name: 'account', entry: entry('account') },
    // Rspack containers are `var` globals: the host must be told the global's name.
    catalog: { type: 'var', name: 'catalog', entry: entry('catalog'), entryGlobalName: 'catalog' },
  };
}

/**
 * The development-only duplicate (issue #16): every share of the app by hand except react, so its
 * dependency optimizer pre-bundles a react (CommonJS) of its own while react-dom comes from the host.
 */
function ownReactShared(app, appDir, choices) {
  const shared = sharedFor(app, appDir, { ...choices, zustand: { ...choices.zustand, shared: false } });
  delete shared.react;
  const require = createRequire(join(appDir, 'package.json'));
  shared.zustand = singleton(require('zustand/package.json').version);
  return shared;
}

const singleton = (version) => ({ singleton: true, version, requiredVersion: `^${version}` });

/**
 * The `shared` entries an app states itself: only what differs from Concord's defaults. A package
 * installed under an alias (`zustand4`, `react18`) is the fallback `import` of the real share key. Rspack
 * resolves a fallback from each importing module (React's from @concord/shared-state/react, say), so it
 * gets an absolute path; @module-federation/vite resolves it from the app.
 */
function sharedFor(app, appDir, choices) {
  const shared = {};
  const { framework, bundler } = APP_INFO[app];
  const require = createRequire(join(appDir, 'package.json'));
  // Version of `pkg` as installed for the app (aliases such as `zustand4` included).
  const installedVersion = (pkg) => require(`${pkg}/package.json`).version;
  const fallback = (request) => (bundler === 'rspack' ? require.resolve(request) : request);
  // Vue is not a store library, so Concord does not share it by itself.
  if (framework === 'vue') shared.vue = singleton(installedVersion('vue'));
  // `autoShare: false` stops Concord adding any share: the app lists by hand what Concord would have shared.
  const byHand = ({ zustand, subpaths, inferContractRange }) => {
    shared.react = singleton(installedVersion('react'));
    shared['react-dom'] = singleton(installedVersion('react-dom'));
    if (zustand) shared.zustand = singleton(installedVersion('zustand'));
    // Left out, enhanced infers the range from package.json: pnpm's `workspace:*`.
    shared['@acme/contract'] = inferContractRange
      ? { singleton: true }
      : singleton(installedVersion('@acme/contract'));
    shared['@concord/shared-state'] = singleton(installedVersion('@concord/shared-state'));
    if (subpaths) {
      shared['react/jsx-runtime'] = singleton(installedVersion('react'));
      shared['react-dom/client'] = singleton(installedVersion('react-dom'));
    }
  };
  // zustand left out: React, the contract and its library still shared (and, on Rspack, the React subpaths
  // Concord would have added).
  if (!choices.zustand.shared)
    byHand({ zustand: false, subpaths: bundler === 'rspack', inferContractRange: false });
  // A team that writes its whole `shared` itself.
  if (choices.byHand) byHand({ zustand: true, ...choices.byHand });
  if (choices.zustand.major === 4) {
    shared.zustand = {
      ...singleton(installedVersion('zustand4')),
      singleton: choices.zustand.singleton,
      import: fallback('zustand4'),
    };
  }
  if (choices.nanoid.shared && choices.nanoid.import === false) {
    // No copy of its own (the app need not even install it): it expects another app to provide nanoid.
    shared.nanoid = {
      requiredVersion: choices.nanoid.requiredVersion ?? '^5.1.16',
      singleton: false,
      import: false,
    };
  } else if (choices.nanoid.shared) {
    // Not a store library: shared only when a scenario says so, and never as a singleton.
    const alias = choices.nanoid.minor === '5.0' ? 'nanoid50' : 'nanoid';
    const version = installedVersion(alias);
    shared.nanoid = {
      version,
      requiredVersion: choices.nanoid.requiredVersion ?? `^${version}`,
      singleton: false,
      import: fallback(alias),
    };
  }
  if (choices.react.major === 18) {
    const react = installedVersion('react18');
    const reactDom = installedVersion('react-dom18');
    const from = (alias, key, version) => ({ ...singleton(version), import: fallback(alias), shareKey: key });
    shared.react = from('react18', 'react', react);
    shared['react-dom'] = from('react-dom18', 'react-dom', reactDom);
    shared['react/jsx-runtime'] = from('react18/jsx-runtime', 'react/jsx-runtime', react);
    shared['react-dom/client'] = from('react-dom18/client', 'react-dom/client', reactDom);
  }
  return shared;
}
