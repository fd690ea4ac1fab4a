#!/usr/bin/env node
// Serves the baseline playground in development (issue #16.3): host, cart and account under `vite dev`
// (Vite 8, @vitejs/plugin-react / plugin-vue), catalog as an Rspack development build served statically
// (@rspack/dev-server is not installed). Ports in ./dev-ports.mjs (one base per page): host +0, cart +1,
// catalog +2, account +3, the page at the host's `/`.
//
//   node dev-serve.mjs                   the healthy playground: one copy of every shared library
//   CONCORD_DEV_OWN_REACT=cart node …    the development-only duplicate: cart leaves react out of `shared`
//                                        (and Concord's autoShare off), so its dependency optimizer
//                                        pre-bundles react (CommonJS) from cart's own server while react-dom
//                                        comes from the host — the page @module-federation/vite 1.16.0–1.16.11
//                                        produced with react shared (see dev-pair/README.md).
//   CONCORD_DEV_HOST_VITE=7 node …       the host on Vite 7 (without @vitejs/plugin-react, which needs
//                                        Vite 8; esbuild compiles its JSX), the remotes on Vite 8.
//
// Each Vite app runs in a child process of its own, started in the app's directory:
// @module-federation/vite resolves `exposes` and package versions from the working directory.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { devPage } from './dev-ports.mjs';
import { appOrigin, playgroundDir } from './scenarios.mjs';

// The playground's configs read ports and origins from CONCORD_PORT_BASE (./scenarios.mjs).
const ownReact = process.env.CONCORD_DEV_OWN_REACT ?? '';
if (ownReact && ownReact !== 'cart')
  throw new Error(`CONCORD_DEV_OWN_REACT=${ownReact}: only cart is served with a react of its own.`);
// CONCORD_DEV_HOST_VITE=7: the host on Vite 7 (the remotes stay on Vite 8), as in issue #16's report.
const hostVite = process.env.CONCORD_DEV_HOST_VITE === '7' ? 7 : 8;
const page = devPage(Boolean(ownReact), hostVite);
process.env.CONCORD_SCENARIO = 'baseline';
process.env.CONCORD_PORT_BASE = String(page.base);
const { values } = parseArgs({ options: { app: { type: 'string' } } });

if (values.app) await serveViteApp(values.app);
else await serveAll();

/** One Vite app under `vite dev`, in this (child) process. */
async function serveViteApp(app) {
  const appDir = join(playgroundDir, app);
  process.chdir(appDir);
  const origin = appOrigin('baseline', app);
  const vite7 = hostVite === 7 && app === 'host';
  // The app's own Vite (each app pins its major in package.json), or Vite 7 (installed for the dev pair).
  const vitePackage = vite7
    ? createRequire(join(playgroundDir, 'dev-pair/package.json')).resolve('vite7/package.json')
    : createRequire(join(appDir, 'package.json')).resolve('vite/package.json');
  const vite = await import(pathToFileURL(join(vitePackage, '../dist/node/index.js')).href);
  const server = await vite.createServer({
    ...(vite7 ? await vite7HostConfig(vite, appDir) : { configFile: join(appDir, 'vite.config.ts') }),
    root: appDir,
    logLevel: 'warn',
    // The healthy and duplicate pages pre-bundle different graphs: one optimizer cache each.
    cacheDir: join(
      appDir,
      'node_modules',
      '.vite',
      `dev-playground${ownReact ? `-own-react-${ownReact}` : ''}`,
    ),
    server: { host: '127.0.0.1', port: Number(new URL(origin).port), strictPort: true, origin, cors: true },
  });
  await server.listen();
  console.log(`${app}: vite ${server.config.env.MODE} on ${origin}`);
  const close = async () => {
    await server.close();
    process.exit(0);
  };
  process.on('SIGINT', close);
  process.on('SIGTERM', close);
}

/**
 * The host's config on Vite 7: @vitejs/plugin-react 6 requires Vite 8, so it is left out and esbuild
 * compiles the JSX (no Fast Refresh, which this page does not need).
 */
async function vite7HostConfig(vite, appDir) {
  const loaded = await vite.loadConfigFromFile(
    { command: 'serve', mode: 'development' },
    join(appDir, 'vite.config.ts'),
  );
  const plugins = loaded.config.plugins
    .flat(Number.POSITIVE_INFINITY)
    .filter((p) => p && !p.name.startsWith('vite:react'));
  // The remotes' React components (plugin-react on Vite 8) register with React Refresh and throw "can't
  // detect preamble" on a page without it: the Vite 7 host installs a no-op one.
  const preamble = {
    name: 'dev-playground:react-refresh-noop-preamble',
    transformIndexHtml: () => [
      {
        tag: 'script',
        injectTo: 'head-prepend',
        children: 'window.$RefreshReg$ = () => {}; window.$RefreshSig$ = () => (type) => type;',
      },
    ],
  };
  return {
    ...loaded.config,
    configFile: false,
    plugins: [...plugins, preamble],
    esbuild: { jsx: 'automatic' },
  };
}

/** The catalog built by Rspack in development mode into its output directory; returns that directory. */
async function buildCatalog() {
  // A computed path: the e2e type-check (which reads this folder's .mjs files) stays out of catalog/.
  const { createConfig } = await import(pathToFileURL(join(playgroundDir, 'catalog/rspack.config.mjs')).href);
  const { rspack } = createRequire(join(playgroundDir, 'catalog/package.json'))('@rspack/core');
  const config = { ...createConfig(process.env), mode: 'development', devtool: 'cheap-module-source-map' };
  const compiler = rspack(config);
  const stats = await new Promise((resolve, reject) =>
    compiler.run((error, result) => (error || !result ? reject(error) : resolve(result))),
  );
  await new Promise((resolve) => compiler.close(resolve));
  if (stats.hasErrors()) throw new Error(stats.toString({ preset: 'errors-only' }));
  return config.output.path;
}

async function serveAll() {
  const { serveDir } = await import('../scripts/demo/serve.mjs');
  const children = [];
  const stop = () => {
    for (const child of children) child.kill('SIGTERM');
  };
  process.on('SIGINT', () => {
    stop();
    process.exit(0);
  });
  process.on('SIGTERM', () => {
    stop();
    process.exit(0);
  });
  process.on('exit', stop);
  const catalogDir = await buildCatalog();
  await serveDir(catalogDir, Number(new URL(appOrigin('baseline', 'catalog')).port));
  const script = fileURLToPath(import.meta.url);
  // Remotes first, one after another (two cores): the host's page fetches their entries.
  for (const app of ['cart', 'account', 'host']) {
    const child = spawn(process.execPath, [script, '--app', app], { stdio: ['ignore', 'pipe', 'inherit'] });
    children.push(child);
    await new Promise((resolve, reject) => {
      child.stdout.on('data', (chunk) => {
        process.stdout.write(chunk);
        if (chunk.toString().includes(`${app}: vite`)) resolve(undefined);
      });
      child.on('exit', (code) => reject(new Error(`${app}'s dev server exited with ${code}`)));
    });
  }
  console.log(`dev playground ${page.name} (host on Vite ${hostVite}): ${appOrigin('baseline', 'host')}/`);
}
