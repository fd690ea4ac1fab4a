// Module Federation options common to the playground's build configs (Vite and Rspack), derived from
// the scenario (playground/scenarios.mjs). The baseline shares every store library as a singleton with
// the version its app really has installed; fault scenarios deviate exactly as their title says.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { APP_INFO, appChoices, appOrigin, currentScenario, outDir } from './scenarios.mjs';

/** Version of `pkg` as installed for the app in `appDir` (aliases such as `zustand4` included). */
export function installedVersion(appDir, pkg) {
  const require = createRequire(join(appDir, 'package.json'));
  return require(`${pkg}/package.json`).version;
}

/** Everything an app's build config needs to know about the current scenario. */
export function buildContext(app, appDir, env = process.env) {
  const scenario = currentScenario(env);
  const choices = appChoices(scenario, app);
  return {
    scenario,
    choices,
    app,
    bundler: APP_INFO[app].bundler,
    origin: appOrigin(scenario.name, app, env),
    outDir: outDir(scenario.name, app, env),
    remotes: remotesFor(app, scenario.name, env),
    shared: sharedFor(app, appDir, choices),
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

const singleton = (version) => ({ singleton: true, version, requiredVersion: `^${version}` });

/**
 * The `shared` map of one app. Rspack needs React's subpaths listed (the automatic JSX runtime imports
 * `react/jsx-runtime`); @module-federation/vite adds them by itself.
 */
function sharedFor(app, appDir, choices) {
  const { framework, bundler } = APP_INFO[app];
  const shared = {
    '@acme/contract': singleton(installedVersion(appDir, '@acme/contract')),
    '@concord/shared-state': singleton(installedVersion(appDir, '@concord/shared-state')),
  };
  if (framework === 'vue') shared.vue = singleton(installedVersion(appDir, 'vue'));
  if (framework === 'react') Object.assign(shared, reactShared(appDir, choices, bundler));
  if (app !== 'account' && choices.zustand.shared) {
    const major4 = choices.zustand.major === 4;
    const version = installedVersion(appDir, major4 ? 'zustand4' : 'zustand');
    shared.zustand = {
      ...singleton(version),
      singleton: choices.zustand.singleton,
      ...(major4 ? { import: 'zustand4' } : {}),
    };
  }
  return shared;
}

function reactShared(appDir, choices, bundler) {
  const react18 = choices.react.major === 18;
  const react = installedVersion(appDir, react18 ? 'react18' : 'react');
  const reactDom = installedVersion(appDir, react18 ? 'react-dom18' : 'react-dom');
  const from = (pkg, alias, subpath = '') =>
    react18 ? { import: `${alias}${subpath}`, shareKey: `${pkg}${subpath}` } : {};
  const shared = {
    react: { ...singleton(react), ...from('react', 'react18') },
    'react-dom': { ...singleton(reactDom), ...from('react-dom', 'react-dom18') },
  };
  if (bundler === 'rspack') {
    shared['react/jsx-runtime'] = { ...singleton(react), ...from('react', 'react18', '/jsx-runtime') };
    shared['react-dom/client'] = { ...singleton(reactDom), ...from('react-dom', 'react-dom18', '/client') };
  }
  return shared;
}
