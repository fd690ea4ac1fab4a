import {
  completeDevManifest,
  finishBuildReport,
  type ResolvedReportOptions,
  renderReport,
  reportInputs,
} from '@concord/build-core';
import type { Plugin, ViteDevServer } from 'vite';
import { failBuild } from './fail';
import type { ViteState } from './state';

/** Path of the report page on the dev server (`/__concord.json` serves the JSON). */
export const DEV_REPORT_PATH = '/__concord';

/**
 * After each build: run the report on this app's manifest and the configured ones, print it, write
 * `concord-report.json/.html` into the output directory, and fail the build per `failOn`.
 * In `vite dev`: serve the same report at `/__concord`.
 */
export function reportPlugin(state: ViteState): Plugin {
  const report = state.build.options.report;
  return {
    name: 'concord:report',
    enforce: 'post',
    configResolved: (config) => state.init(config),
    // `vite build` only (concord:manifest's `buildApp` runs before). Without a `builder.buildApp` of the
    // user's, Vite builds the environments only after every `buildApp` hook: build them here first, so a
    // failure held by the report is thrown after it, outside rolldown.
    buildApp: {
      order: 'post',
      async handler(builder) {
        for (const environment of Object.values(builder.environments))
          if (!environment.isBuilt) await builder.build(environment);
        const failure = state.failure;
        state.failure = undefined;
        if (failure) throw failure;
      },
    },
    ...(report && {
      writeBundle: {
        order: 'post',
        sequential: true,
        async handler() {
          if (state.command !== 'build' || this.environment?.name === 'ssr' || !state.logger) return;
          // Started by concord:manifest once the manifest was stamped; awaited here, after Vite wrote.
          const pending = state.report;
          state.report = undefined;
          if (!pending) return;
          const error = finishBuildReport(await pending, state.logger);
          if (error) failBuild(state, this, error.message);
        },
      },
      configureServer(server) {
        server.middlewares.use((req, res, next) => {
          const path = req.url?.replace(/[?#].*$/, '');
          if (path !== DEV_REPORT_PATH && path !== `${DEV_REPORT_PATH}.json`) return next();
          serveReport(server, state, report, path.endsWith('.json'))
            .then(({ body, type }) => {
              res.setHeader('Content-Type', `${type}; charset=utf-8`);
              res.setHeader('Cache-Control', 'no-store');
              res.end(body);
            })
            .catch(next);
        });
      },
    }),
  };
}

async function serveReport(
  server: ViteDevServer,
  state: ViteState,
  report: ResolvedReportOptions,
  json: boolean,
) {
  const origin = server.resolvedUrls?.local[0] ?? `http://localhost:${server.config.server.port}/`;
  const own = new URL(state.build.manifestFiles.manifest, new URL(server.config.base, origin)).href;
  // The host is in its own report: @module-federation/vite serves no `shared` for an app without exposes,
  // so the manifest is completed from the resolved federation options (the metadata).
  const served: unknown = await fetch(own, { signal: AbortSignal.timeout(report.timeoutMs) })
    .then((response) => (response.ok ? response.json() : undefined))
    .catch(() => undefined);
  const { metadata } = await state.metadata();
  const manifest = completeDevManifest(served, metadata, state.build.augmentation.name);
  const inputs = reportInputs({ input: own, manifest }, report.manifests, state.build.project.root);
  const page = await renderReport(inputs, { timeoutMs: report.timeoutMs });
  return json ? { body: page.json, type: 'application/json' } : { body: page.html, type: 'text/html' };
}
