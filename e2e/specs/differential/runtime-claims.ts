// The report's runtime findings against the Module Federation runtimes the page runs (codes-without-a-cell.ts):
// 426, the apps' runtime minors as the report groups them, against each container's `version` (the runtime-core
// version its instance carries, `__FEDERATION__.__INSTANCES__`); 427, an app on a runtime older than the runtime
// plugin's peer range, against that container's version and against the runtime plugin's own word on the page,
// CONCORD-210 for a container older than 2.6 (whether Concord's plugin is in that container, whether its `init`
// ran there, and any CONCORD-207 are shown beside it: 427 says its checks there "may be" incomplete). Both ways:
// a runtime split or an old runtime the page shows but the report does not name is a disagreement too.
import { readFileSync } from 'node:fs';
import type { CodeCheck, ContainerState } from './codes-without-a-cell';

/**
 * The oldest runtime Concord supports: the runtime plugin's peer range (`>=2.6.0`), the bound the report's
 * CONCORD-427 uses (docs/diagnostics.md#concord-427).
 */
const MIN_RUNTIME = (() => {
  const pkg = JSON.parse(
    readFileSync(new URL('../../../packages/runtime-plugin/package.json', import.meta.url), 'utf8'),
  );
  const range: string = pkg.peerDependencies['@module-federation/runtime'];
  const min = /^>=\s*(\d+\.\d+\.\d+)$/.exec(range)?.[1];
  if (!min)
    throw new Error(`@concord/runtime-plugin's peer range for the runtime is "${range}", not ">=x.y.z"`);
  return min;
})();

interface ReportFinding {
  code: string;
  apps?: string[];
  message: string;
}

const minorOf = (version: string) => version.split('.').slice(0, 2).join('.');
const older = (a: string, b: string) => {
  const [x, y] = [a, b].map((v) => v.split(/[.-]/).map((n) => Number.parseInt(n, 10) || 0));
  for (let i = 0; i < 3; i++) if (x![i]! !== y![i]!) return x![i]! < y![i]!;
  return false;
};

/** `2.9: host, cart; 2.7: catalog`, newest minor first, apps in the report's order. */
function grouping(minors: Readonly<Record<string, string>>, order: readonly string[]): string {
  const groups = new Map<string, string[]>();
  for (const app of order)
    if (minors[app]) groups.set(minors[app], [...(groups.get(minors[app]) ?? []), app]);
  return [...groups]
    .sort(([a], [b]) => (older(`${a}.0`, `${b}.0`) ? 1 : -1))
    .map(([minor, apps]) => `${minor}: ${apps.join(', ')}`)
    .join('; ');
}

/** The minor a CONCORD-426 message puts each of its apps under ("2.9 in "host" (vite) with …; 2.7 in …"). */
function minorsNamed(f: ReportFinding): Record<string, string> {
  const heads = [...f.message.matchAll(/(?:: |; )(\d+\.\d+) in /g)];
  const out: Record<string, string> = {};
  for (const app of f.apps ?? []) {
    const at = f.message.indexOf(`"${app}" (`);
    const head = heads.filter((h) => h.index < at).at(-1);
    if (at >= 0 && head) out[app] = head[1]!;
  }
  return out;
}

export function checkRuntimeClaims(
  findings: readonly ReportFinding[],
  page: ContainerState,
  diagnostics: readonly { code: string; message?: string; consumer?: { app: string }; versions?: string[] }[],
  reportApps: readonly string[],
): CodeCheck[] {
  const checks: CodeCheck[] = [];
  const onPage = reportApps.filter((app) => page.runtimes[app]);
  const pageMinors = Object.fromEntries(onPage.map((app) => [app, minorOf(page.runtimes[app]!.version)]));
  const split = findings.find((f) => f.code === 'CONCORD-426');
  if (split || new Set(Object.values(pageMinors)).size > 1) {
    const report = split ? grouping(minorsNamed(split), reportApps) : 'no CONCORD-426: one runtime';
    const seen = grouping(pageMinors, reportApps);
    checks.push({
      code: 'CONCORD-426',
      subject: `runtimes of ${reportApps.join(', ')}`,
      report,
      page: `containers' runtime minors ${seen}`,
      same: report === seen,
    });
  }
  const old = new Set([
    ...findings.filter((f) => f.code === 'CONCORD-427').flatMap((f) => f.apps ?? []),
    ...onPage.filter((app) => older(page.runtimes[app]!.version, MIN_RUNTIME)),
  ]);
  for (const app of old) {
    const reported = findings.find((f) => f.code === 'CONCORD-427' && f.apps?.includes(app));
    const runtime = page.runtimes[app];
    const faults = diagnostics.filter(
      (d) => d.code === 'CONCORD-207' && (d.consumer?.app === app || d.message?.includes(`"${app}"`)),
    );
    // The runtime plugin names a container older than 2.6 itself (CONCORD-210 with its runtime's version).
    const flagged = diagnostics.some(
      (d) =>
        d.code === 'CONCORD-210' && d.consumer?.app === app && d.versions?.includes(runtime?.version ?? ''),
    );
    const version = reported?.message.match(/ (\d+\.\d+\.\d+[^ ,]*), older than/)?.[1];
    checks.push({
      code: 'CONCORD-427',
      subject: `runtime of ${app}`,
      report: reported
        ? `${app} on runtime ${version ?? '?'}, older than ${MIN_RUNTIME}`
        : `no CONCORD-427 for ${app}`,
      page: runtime
        ? `${app}'s container runs runtime ${runtime.version}, ${flagged ? 'CONCORD-210 (older than 2.6)' : 'no CONCORD-210'}; Concord's runtime plugin ${runtime.concord ? 'registered in it' : 'not in it'}, ${runtime.joined ? 'its init ran there' : 'its init did not run there'}, ${faults.length ? 'CONCORD-207 recorded' : 'no CONCORD-207'}`
        : `no container "${app}" on the page`,
      same:
        reported !== undefined &&
        runtime !== undefined &&
        older(runtime.version, MIN_RUNTIME) &&
        version === runtime.version &&
        flagged,
    });
  }
  return checks;
}
