#!/usr/bin/env node
// Serves the dev pair under `vite dev` on one Vite major: `node serve.mjs --vite 7` (or 8). Two pairs of
// dev servers start in this process, each a host rendering the remote's counter:
//   healthy    the remote shares react (Concord shares it as a singleton by itself): one React on the page;
//   own-react  the remote, in development only, leaves react out of `shared`, so its dependency optimizer
//              binds the CommonJS `require('react')` of use-sync-external-store's shim to a react copy of
//              its own, pre-bundled from the remote's server, while the host's react-dom renders: the
//              development-only duplicate class. @module-federation/vite 1.16.0–1.16.11 produced this page
//              with react shared (an upstream bug fixed from 1.16.14); 1.23.8 no longer does, so the pair
//              forces the same page by configuration.
// Ports: devOrigin() in ./ports.mjs. Vite writes its optimizer cache and the federation plugin its virtual
// modules per server (cacheDir, virtualModuleDir), so both majors and both pairs can run at once.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { concord } from '@concord/vite-plugin';
import { devOrigin, PAIRS } from './ports.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
// @module-federation/vite resolves `exposes` and detects package versions from the working directory,
// not from Vite's root: run from this package whoever starts the script (Playwright runs it from e2e/).
process.chdir(here);
const { values } = parseArgs({ options: { vite: { type: 'string', default: '8' } } });
const major = values.vite === '7' ? 7 : 8;
const vite = major === 7 ? await import('vite7') : await import('vite');

/** The dev server config of `app` ('host' or 'remote') in `pair` ('healthy' or 'own-react'). */
function devConfig(app, pair) {
  const origin = devOrigin(major, pair, app);
  const tag = `${major}_${pair.replace('-', '_')}_${app}`;
  const federation =
    app === 'host'
      ? {
          name: 'host',
          remotes: {
            remote: {
              type: 'module',
              name: 'remote',
              entry: `${devOrigin(major, pair, 'remote')}/remoteEntry.js`,
            },
          },
        }
      : { name: 'remote', filename: 'remoteEntry.js', exposes: { './counter': './remote/src/counter.js' } };
  const ownReact = app === 'remote' && pair === 'own-react';
  return {
    configFile: false,
    // One root (this package) for every server: Concord reads the package.json there. The host's page
    // is /host/index.html.
    root: here,
    logLevel: 'warn',
    cacheDir: join(here, 'node_modules', '.vite', tag),
    // Pre-bundled at start-up, not discovered on the first page load (a discovery reloads the page). The
    // host's scan cannot resolve `remote/counter` and would skip pre-bundling until the first request.
    optimizeDeps: {
      noDiscovery: true,
      include: app === 'host' ? ['react', 'react-dom/client'] : ['react', 'use-sync-external-store/shim'],
    },
    server: { host: '127.0.0.1', port: Number(new URL(origin).port), strictPort: true, origin },
    plugins: [
      concord({
        ...federation,
        virtualModuleDir: `__mf__virtual_${tag}`,
        // Sharing nothing leaves react to the remote's optimizer (see the top of this file).
        ...(ownReact ? { shared: {} } : {}),
        concord: { root: here, autoShare: !ownReact, report: false },
      }),
    ],
  };
}

const servers = [];
for (const pair of PAIRS)
  for (const app of ['remote', 'host']) {
    const server = await vite.createServer(devConfig(app, pair));
    await server.listen();
    servers.push(server);
  }
console.log(`dev pair on Vite ${vite.version}: ${servers.map((s) => s.resolvedUrls.local[0]).join(' ')}`);

const close = async () => {
  await Promise.allSettled(servers.map((s) => s.close()));
  process.exit(0);
};
process.on('SIGINT', close);
process.on('SIGTERM', close);
