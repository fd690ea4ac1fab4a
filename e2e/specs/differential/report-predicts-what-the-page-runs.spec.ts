// Differential test of the report's resolution model (issue #11.1): for every (package, consuming app), the
// version, the provider app and the number of live copies that the host build's report predicted
// (concord-report.json) are what the page runs in Chromium, as Concord's runtime plugin records it
// (window.__CONCORD__.getInstances() and getDiagnostics()), read with Module Federation's own page state where
// the plugin has no per-consumer record (Vite's module cache owners, the share scope's `useIn`).
// Runs in every scenario project on the scenario's servers; prints the comparison as a table.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { outDir } from '../../../playground/scenarios.mjs';
import { expect, openShop, test, waitForRemote } from '../../fixtures';
import type { Diagnostic } from '../../page-globals';
import { askForShare, checkCodesWithoutACell, containerState } from './codes-without-a-cell';
import {
  askTheBus,
  busProbes,
  checkIncompatibleContracts,
  incompatibleContracts,
  inspectBuses,
} from './contract-claims';
import { checkUncheckedReads, uncheckedReadContracts, uncheckedReadProbes } from './unchecked-reads';

interface ReportCell {
  app: string;
  version: string | null;
  requiredVersion: string | null;
  singleton: boolean | null;
  provider: { app: string; version: string } | null;
  verdict: string;
}
interface ReportJson {
  apps: { name: string; bundler: string; contract?: { name: string; version: string } }[];
  matrix: { package: string; watched: boolean; cells: ReportCell[] }[];
  findings: { code: string; package?: string; apps?: string[]; message: string }[];
}
interface LiveCopy {
  package: string;
  version: string;
  app: string;
  bundler: string;
  source: string;
}
interface PageState {
  instances: Record<string, LiveCopy[]>;
  diagnostics: Diagnostic[];
  /** Vite's module cache: key (`default:pkg` / `default:pkg@version`) → container that filed the module. */
  owners: Record<string, string>;
  /** Share scope: package → version → containers that used that slot (Rspack/webpack consumers). */
  useIn: Record<string, Record<string, string[]>>;
}

/** One (package, app) outcome: the version it runs, whose copy, and how many copies of the package are live. */
interface Outcome {
  version: string;
  provider: string;
  copies: number;
}

const pageState = () => {
  // biome-ignore lint/suspicious/noExplicitAny: Module Federation's page globals of any runtime version
  const g = globalThis as Record<string | symbol, any>;
  const concord = g.__CONCORD__;
  const cache = g.__mf_module_cache__?.share ?? {};
  const owners = cache[Symbol.for('module-federation.shared-cache-owners')] ?? {};
  const useIn: Record<string, Record<string, string[]>> = {};
  const share = g.__FEDERATION__?.__SHARE__ ?? {};
  for (const id of Object.keys(share))
    for (const sc of Object.keys(share[id] ?? {}))
      for (const pkg of Object.keys(share[id][sc] ?? {}))
        for (const v of Object.keys(share[id][sc][pkg] ?? {})) {
          const used = share[id][sc][pkg][v]?.useIn;
          if (!Array.isArray(used) || used.length === 0) continue;
          const byVersion = useIn[pkg] ?? {};
          useIn[pkg] = byVersion;
          const list = byVersion[v] ?? [];
          byVersion[v] = list;
          for (const name of used) if (!list.includes(name)) list.push(name);
        }
  return JSON.parse(
    JSON.stringify({
      instances: concord.getInstances(),
      diagnostics: concord.getDiagnostics(),
      owners: { ...owners },
      useIn,
    }),
  );
};

/**
 * What the report predicted for `app` in `row`. Where the report names a race (CONCORD-425 between Vite
 * remotes of one declared version) it names both outcomes: each app of the race runs its own answer or the
 * other's (whichever container starts first files it for both), and the page may then hold one copy fewer.
 */
function predicted(report: ReportJson, row: ReportJson['matrix'][number], cell: ReportCell): Outcome[] {
  const copies = new Set<string>();
  for (const c of row.cells) {
    if (c.provider) copies.add(`${c.provider.app}@${c.provider.version}`);
    else if (c.verdict === 'own-copy' || c.verdict === 'private') copies.add(`${c.app}@${c.version}`);
  }
  const races = report.findings.filter(
    (f) =>
      f.code === 'CONCORD-425' && f.package === row.package && !f.message.includes('the host always does'),
  );
  const counts = [copies.size, ...races.map((_, i) => copies.size - i - 1)].filter((n) => n >= 1);
  const outcome = (c: ReportCell): { version: string; provider: string } =>
    c.provider
      ? { version: c.provider.version, provider: c.provider.app }
      : { version: c.version!, provider: c.app };
  // Every app of a named race (the finding's first two apps) runs the answer of whichever starts first.
  const members = new Set<string>();
  for (const f of races) for (const app of f.apps?.slice(0, 2) ?? []) members.add(app);
  const answers = [outcome(cell)];
  if (members.has(cell.app))
    for (const c of row.cells) if (c.app !== cell.app && members.has(c.app)) answers.push(outcome(c));
  const predictions = answers.flatMap((a) => counts.map((n) => ({ ...a, copies: n })));
  // CONCORD-430 names @module-federation/vite's start-order race: each Vite remote it lists (after the host)
  // may seed its own copy of the host's version beside the host's, so on such a load the page holds one to
  // k more copies, and a Vite consumer may run the seeded copy its container filed first.
  const seeders = seedRace(report, row)?.slice(1) ?? [];
  const raced = seeders.map((_, k) => copies.size + k + 1);
  const seeded = seeders.flatMap((app) => {
    const version = row.cells.find((x) => x.app === app)?.version;
    return version ? [{ version, provider: app }] : [];
  });
  for (const a of [...answers, ...seeded]) for (const n of raced) predictions.push({ ...a, copies: n });
  return predictions;
}

/** The apps of a CONCORD-430 finding on `row`'s package (the host first, then the Vite remotes), if any. */
const seedRace = (report: ReportJson, row: ReportJson['matrix'][number]): string[] | undefined =>
  report.findings.find((f) => f.code === 'CONCORD-430' && f.package === row.package)?.apps;

/**
 * A consumer the page cannot tell apart between copies (an Rspack container's share-scope slot of a version two
 * copies hold) is in agreement when the report named the race that made the copies (CONCORD-430): every live
 * copy is the predicted version from an app of the race.
 */
function withinNamedRace(
  report: ReportJson,
  row: ReportJson['matrix'][number],
  expected: Outcome[],
  state: PageState,
): string | undefined {
  const race = seedRace(report, row);
  const live = (state.instances[row.package] ?? []).filter((c) => c.version !== '?');
  if (!race || live.length < 2) return undefined;
  const version = expected[0]!.version;
  if (!live.every((c) => c.version === version && race.includes(c.app))) return undefined;
  return `one of ${live.length} copies of ${version} (${live.map((c) => c.app).join(', ')}: the race CONCORD-430 names)`;
}

/** What the page runs for `app`'s `pkg`, from the runtime plugin's record and Module Federation's page state. */
function observed(
  state: PageState,
  pkg: string,
  cell: ReportCell,
  bundler: string,
): Outcome | { unknown: string } {
  const live = (state.instances[pkg] ?? []).filter((c) => c.version !== '?');
  const copies = live.length;
  const versionOf = (app: string) => live.find((c) => c.app === app)?.version;
  // 1. A consumer handed a version outside its range: CONCORD-201 names the real provider (captured before the
  //    runtime overwrites `from`).
  const d = state.diagnostics.find(
    (x) => x.code === 'CONCORD-201' && x.package === pkg && x.consumer?.app === cell.app,
  );
  if (d?.provider) return { version: d.versions[0]!, provider: d.provider.app, copies };
  // 2. One live copy: everyone runs it.
  if (copies === 1) return { version: live[0]!.version, provider: live[0]!.app, copies };
  // 3. A Vite container runs what the module cache holds under its key, filed by the container named there.
  if (bundler === 'vite') {
    const key = `default:${pkg}${cell.singleton ? '' : `@${cell.version}`}`;
    const owner = state.owners[key];
    const version = owner ? versionOf(owner) : undefined;
    if (owner && version) return { version, provider: owner, copies };
  }
  // 4. An Rspack/webpack container is listed in the `useIn` of the slot it loaded; its own evaluated copy is its
  //    fallback (a beacon records every evaluated copy).
  for (const [version, users] of Object.entries(state.useIn[pkg] ?? {}))
    if (users.includes(cell.app)) {
      const holders = live.filter((c) => c.version === version);
      if (holders.length === 1) return { version, provider: holders[0]!.app, copies };
    }
  const own = live.find((c) => c.app === cell.app);
  if (own) return { version: own.version, provider: own.app, copies };
  return { unknown: `no record of which of ${copies} copies ${cell.app} runs` };
}

test('for every (package, app) the report predicted the version, provider and copies the page runs', async ({
  page,
  scenario,
}, testInfo) => {
  test.setTimeout(120_000);
  const report: ReportJson = JSON.parse(
    readFileSync(join(outDir(scenario.name, 'host'), 'concord-report.json'), 'utf8'),
  );
  const bundlers = Object.fromEntries(report.apps.map((a) => [a.name, a.bundler]));
  // Module Federation's own messages (its unsatisfied-singleton warning) go to the console.
  const warnings: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'warning') warnings.push(message.text());
  });
  await openShop(page);
  await page.getByRole('button', { name: 'Open account' }).click();
  await waitForRemote(page, 'account');
  // Wait until the runtime plugin has seen every container (the late one too), then read the page once.
  await expect
    .poll(async () => Object.keys((await page.evaluate(pageState)).instances).length)
    .toBeGreaterThan(0);
  const state: PageState = await page.evaluate(pageState);
  const containers = await page.evaluate(containerState);

  const rows: string[][] = [];
  let disagreements = 0;
  for (const row of report.matrix) {
    // The packages the runtime plugin tracks copies of (watched libraries, and what the page shows live).
    if (!row.watched && !state.instances[row.package]) continue;
    for (const cell of row.cells) {
      if (cell.verdict === 'absent' || cell.verdict === 'unprovided') continue;
      const expected = predicted(report, row, cell);
      const seen = observed(state, row.package, cell, bundlers[cell.app] ?? 'unknown');
      const raced = 'unknown' in seen ? withinNamedRace(report, row, expected, state) : undefined;
      const ok =
        raced !== undefined ||
        (!('unknown' in seen) &&
          expected.some(
            (e) => e.version === seen.version && e.provider === seen.provider && e.copies === seen.copies,
          ));
      if (!ok) disagreements++;
      const show = (o: Outcome) =>
        `${o.version} from ${o.provider}, ${o.copies} cop${o.copies === 1 ? 'y' : 'ies'}`;
      rows.push([
        row.package,
        cell.app,
        expected.map(show).join(' | or '),
        'unknown' in seen ? (raced ?? seen.unknown) : show(seen),
        ok ? 'same' : 'DIFFERENT',
      ]);
    }
  }
  // Findings no cell shows (415, 417, 428, 429): the report's claim against what Module Federation did. For
  // 417 the app's container asks for the package after the page was read, as an import of it would. The
  // contract findings (421, 422, 423, 424) against the page's shared-state bus: the named apps read and write
  // there. The runtime findings (426, 427) against each container's runtime, also when the report names none.
  const answers: Record<string, string> = {};
  for (const f of report.findings)
    if (f.code === 'CONCORD-417' && f.package && f.apps?.[0])
      answers[`${f.package} ${f.apps[0]}`] = await page.evaluate(askForShare, {
        app: f.apps[0],
        pkg: f.package,
      });
  const bus = await page.evaluate(askTheBus, [
    ...busProbes(report.findings),
    ...uncheckedReadProbes(report.findings),
  ]);
  const unpaired = checkCodesWithoutACell(
    report.findings,
    containers,
    warnings,
    state.diagnostics,
    report.apps.map((a) => a.name),
    report.matrix,
    answers,
    bus,
  );
  // 420 (incompatible contract majors) against who connected to the contract's bus with which version; 423
  // (reads of an owner built without the contract) against the owner's manifest and who listens on the bus.
  const contracts = [
    ...new Set([...incompatibleContracts(report.findings), ...uncheckedReadContracts(report.findings)]),
  ];
  const buses = await page.evaluate(inspectBuses, contracts);
  unpaired.push(...checkIncompatibleContracts(report.findings, report.apps, buses));
  unpaired.push(...checkUncheckedReads(report.findings, report.apps, bus, buses));
  for (const c of unpaired) {
    if (!c.same) disagreements++;
    rows.push([c.code, c.subject, c.report, c.page, c.same ? 'same' : 'DIFFERENT']);
  }
  const widths = [0, 1, 2, 3, 4].map((i) =>
    Math.max(...[['package', 'app', 'report', 'page', ''], ...rows].map((r) => r[i]!.length)),
  );
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  const compared = new Set(rows.filter((r) => !r[0]!.startsWith('CONCORD-')).map((r) => r[0]!));
  const copies = [...compared].map(
    (pkg) =>
      `  ${pkg}: ${(state.instances[pkg] ?? []).map((c) => `${c.version} from ${c.app} (${c.source})`).join(', ') || 'none recorded'}`,
  );
  const table = [
    `${scenario.name}: ${rows.length} (package, app) pairs, ${disagreements} disagreement(s)`,
    line(['package', 'app', 'report predicted', 'page runs', '']),
    ...rows.map(line),
    'live copies recorded by the runtime plugin (getInstances):',
    ...copies,
    'diagnostics on the page (getDiagnostics):',
    ...state.diagnostics.map(
      (x) =>
        `  ${x.code} ${x.package}: ${x.consumer?.app ?? '-'} ← ${x.provider?.app ?? '-'} ${x.versions.join(', ')}`,
    ),
  ].join('\n');
  console.log(`\n${table}\n`);
  await testInfo.attach('differential.txt', { body: table, contentType: 'text/plain' });
  expect(rows.length, 'pairs compared').toBeGreaterThan(0);
  expect(disagreements, table).toBe(0);
});
