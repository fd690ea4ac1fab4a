// Playwright against production builds of the playground in Debian's Chromium. One project per
// scenario (playground/scenarios.mjs), each with its own server on its own fixed loopback ports: a
// `webServer` entry runs `npm run demo -- --scenario <name> --no-install`, which builds the scenario
// once (cached under playground/.out) and serves it. Playwright starts the servers one after another,
// so builds never compete for the two cores.
import { defineConfig, type PlaywrightTestConfig, type Project } from '@playwright/test';
import { devOrigin, HOST_PAGE } from '../playground/dev-pair/ports.mjs';
import { DEV_PAGES, devHostUrl } from '../playground/dev-ports.mjs';
import { appOrigin, SCENARIOS } from '../playground/scenarios.mjs';
import { chromiumArgs, chromiumPath } from '../scripts/chromium.mjs';
import type { ScenarioOptions } from './fixtures';

// `--project a b --project=c` (the flag takes several names): start only the servers those projects need.
const wanted: string[] = [];
for (let i = 0; i < process.argv.length; i++) {
  const arg = process.argv[i]!;
  if (arg.startsWith('--project=')) wanted.push(arg.slice('--project='.length));
  else if (arg === '--project')
    while (process.argv[i + 1] && !process.argv[i + 1]!.startsWith('-')) wanted.push(process.argv[++i]!);
}
const selected = SCENARIOS.filter((s) => wanted.length === 0 || wanted.includes(s.name));

// Every scenario: the report's predictions against what the page runs (issue #11.1).
const DIFFERENTIAL = 'specs/differential/report-predicts-what-the-page-runs.spec.ts';

// Every scenario: the Concord panel against the page's own APIs (issue #14).
const PANEL = 'specs/panel/**/*.spec.ts';

const projects: Project<ScenarioOptions>[] = SCENARIOS.map((scenario) => ({
  name: scenario.name,
  testMatch:
    scenario.name === 'baseline'
      ? ['specs/baseline/**/*.spec.ts', DIFFERENTIAL, PANEL]
      : [
          DIFFERENTIAL,
          PANEL,
          'specs/faults/diagnostics-name-the-fault.spec.ts',
          'specs/faults/build-report-names-the-fault.spec.ts',
          scenario.fails
            ? 'specs/faults/strict-mode-fails-only-the-offending-remote.spec.ts'
            : 'specs/faults/warn-mode-keeps-every-remote-working.spec.ts',
          ...(scenario.expect.some((f) => f.where === 'build')
            ? ['specs/faults/offending-build-warns-with-its-code.spec.ts']
            : []),
        ],
  use: { baseURL: `${appOrigin(scenario.name, 'host')}/`, scenarioName: scenario.name },
}));
projects.push({ name: 'demo', testMatch: 'specs/demo/**/*.spec.ts' });
// The HTML report of a 2,000-app fleet in Chromium (issue #15.3): no server, a file: URL (about 40 s on two
// cores; `npm run bench -- fleet-html` runs it alone and prints how long it took).
projects.push({ name: 'report-html', testMatch: 'specs/report-html/**/*.spec.ts', timeout: 600_000 });
// The dev pair (playground/dev-pair) under `vite dev`, once per Vite major in the plugin's peer range.
const DEV_MAJORS = [7, 8] as const;
for (const major of DEV_MAJORS)
  projects.push({
    name: `dev-vite${major}`,
    testMatch: 'specs/dev/**/*.spec.ts',
    metadata: { viteMajor: major },
    // Cold dev servers transform on first request.
    timeout: 120_000,
  });
const devWebServers: Extract<PlaywrightTestConfig['webServer'], unknown[]> = DEV_MAJORS.filter(
  (m) => wanted.length === 0 || wanted.includes(`dev-vite${m}`),
).map((major) => ({
  command: `node ../playground/dev-pair/serve.mjs --vite ${major}`,
  url: `${devOrigin(major, 'own-react', 'host')}${HOST_PAGE}`,
  name: `dev-vite${major}`,
  reuseExistingServer: false,
  timeout: 60_000,
  stdout: 'ignore',
  stderr: 'pipe',
}));

// The baseline playground under `vite dev` (playground/dev-serve.mjs): the healthy page and the page where
// cart binds a react of its own, each with the host on Vite 8 and on Vite 7 (issue #16.3).
projects.push({ name: 'dev-playground', testMatch: 'specs/dev-playground/**/*.spec.ts', timeout: 180_000 });
if (wanted.length === 0 || wanted.includes('dev-playground'))
  for (const page of DEV_PAGES)
    devWebServers.push({
      command: 'node ../playground/dev-serve.mjs',
      env: {
        CONCORD_DEV_HOST_VITE: String(page.hostVite),
        ...(page.ownReact ? { CONCORD_DEV_OWN_REACT: 'cart' } : {}),
      },
      url: devHostUrl(page.ownReact, page.hostVite),
      name: `dev-playground ${page.name}`,
      reuseExistingServer: false,
      timeout: 180_000,
      stdout: 'ignore',
      stderr: 'pipe',
    });

const reporter: PlaywrightTestConfig['reporter'] = [['list']];
if (process.env.CONCORD_PW_JSON) reporter.push(['json']);

export default defineConfig<ScenarioOptions>({
  testDir: '.',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 2,
  // Up to two retries, each reported by scripts/test.mjs as flaky. The known intermittent second react-dom (a
  // start-order race of @module-federation/vite, docs/diagnostics.md CONCORD-202/430) is now named by the report
  // and accepted by the differential and fault specs; a spec that asserts one copy on a healthy page (the
  // baseline's) can still meet it, rarely (0 of 70 measured loads).
  retries: 2,
  forbidOnly: Boolean(process.env.CI),
  reporter,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
    // Traced only when a test is retried (recording every test and discarding the passing ones cost time on
    // two cores); the first failure keeps its screenshot.
    trace: 'on-first-retry',
    screenshot: 'only-on-failure',
  },
  projects,
  webServer: [
    ...selected.map((scenario) => ({
      command: `node ../scripts/demo.mjs --scenario ${scenario.name} --no-install --keep-going`,
      url: `${appOrigin(scenario.name, 'host')}/`,
      name: scenario.name,
      reuseExistingServer: false,
      // The first run builds the scenario (four apps); later runs reuse the build.
      timeout: 180_000,
      stdout: 'ignore' as const,
      stderr: 'pipe' as const,
    })),
    ...devWebServers,
  ],
});
