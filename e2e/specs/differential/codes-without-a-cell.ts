// The report's findings that no (package, app) cell of the differential table can show: what the report
// says for each is checked against what Module Federation really does on the page (docs/diagnostics.md,
// "Report and runtime codes": 415 ↔ 206 is a development-only lint, so on these production pages Module
// Federation's own warning is compared (the runtime plugin adds CONCORD-201); 428 ↔ 202 only when a beacon
// watches the subpath, so the share scope's users are compared; 417 and 429 have no pair). The contract codes
// 421, 422 and 424 are checked against the page's shared-state bus (contract-claims.ts), 423 against the owner's
// manifest and that bus (unchecked-reads.ts); the runtime codes 426 and 427 against the runtime each container
// runs (runtime-claims.ts).

import { type BusAnswer, contractClaim, probeKey } from './contract-claims';
import { checkRuntimeClaims } from './runtime-claims';

/** What the page knows beyond the runtime plugin's records, read once with `containerState`. */
export interface ContainerState {
  /** Every federation container on the page (`__FEDERATION__.__INSTANCES__`), by name. */
  containers: string[];
  /** Share scope slots: package → containers that loaded it (`useIn`), over every version. */
  usedBy: Record<string, string[]>;
  /**
   * Container → the runtime its instance carries (`version`, the runtime-core version of that container's own
   * copy), whether Concord's runtime plugin is among the instance's plugins, and whether that plugin's `init`
   * hook ran there (the page-wide registry, `Symbol.for('concord.registry')`, lists the container it joined).
   */
  runtimes: Record<string, { version: string; concord: boolean; joined: boolean }>;
}

export const containerState = (): ContainerState => {
  // biome-ignore lint/suspicious/noExplicitAny: Module Federation's page globals of any runtime version
  const g = globalThis as Record<string, any>;
  const federation = g.__FEDERATION__ ?? {};
  const containers: string[] = [];
  const runtimes: ContainerState['runtimes'] = {};
  // The runtime plugin's registry: `init` in a container adds it to `containers` (Map: name → container).
  const joined = (globalThis as unknown as Record<symbol, { containers?: Map<string, unknown> } | undefined>)[
    Symbol.for('concord.registry')
  ]?.containers;
  for (const instance of federation.__INSTANCES__ ?? []) {
    const name = String(instance?.options?.name ?? instance?.name ?? '');
    if (!name) continue;
    if (!containers.includes(name)) containers.push(name);
    const plugins: { name?: string }[] = instance?.options?.plugins ?? [];
    runtimes[name] ??= {
      version: String(instance?.version ?? '?'),
      concord: plugins.some((p) => p?.name === 'concord'),
      joined: joined instanceof Map && joined.has(name),
    };
  }
  const usedBy: ContainerState['usedBy'] = {};
  const share = federation.__SHARE__ ?? {};
  for (const id of Object.keys(share))
    for (const scope of Object.keys(share[id] ?? {}))
      for (const pkg of Object.keys(share[id][scope] ?? {}))
        for (const version of Object.keys(share[id][scope][pkg] ?? {})) {
          usedBy[pkg] ??= [];
          const list = usedBy[pkg];
          for (const app of share[id][scope][pkg][version]?.useIn ?? [])
            if (!list.includes(app)) list.push(app);
        }
  return JSON.parse(JSON.stringify({ containers, usedBy, runtimes }));
};

/**
 * Module Federation's answer when `app`'s container asks for `pkg` — what an import of it in that app would get
 * (`loadShare`, the call the bundler's consume code makes): `a copy`, or what it said instead.
 */
export const askForShare = async ({ app, pkg }: { app: string; pkg: string }): Promise<string> => {
  // biome-ignore lint/suspicious/noExplicitAny: Module Federation's page globals of any runtime version
  const instances: any[] = (globalThis as any).__FEDERATION__?.__INSTANCES__ ?? [];
  const instance = instances.find((i) => i?.options?.name === app);
  if (!instance) return `no container "${app}" on the page`;
  try {
    const got = await instance.loadShare(pkg);
    return got ? 'a copy' : `loadShare resolved ${String(got)}: no copy`;
  } catch (error) {
    return `loadShare threw: ${String((error as Error)?.message ?? error)
      .split('\n')[0]!
      .slice(0, 160)}`;
  }
};

interface ReportFinding {
  code: string;
  package?: string;
  apps?: string[];
  message: string;
}

/** One finding checked against the page: what the report said, what the page did, and whether they agree. */
export interface CodeCheck {
  code: string;
  subject: string;
  report: string;
  page: string;
  same: boolean;
}

/**
 * Checks every finding of a code that has no cell in the table. `warnings`: the page's console warnings (Module
 * Federation prints its own unsatisfied-singleton message there); `diagnostics`: the runtime plugin's codes;
 * `reportApps`: the apps the report was given.
 */
export function checkCodesWithoutACell(
  findings: readonly ReportFinding[],
  page: ContainerState,
  warnings: readonly string[],
  diagnostics: readonly {
    code: string;
    package: string;
    message?: string;
    consumer?: { app: string };
    versions?: string[];
  }[],
  reportApps: readonly string[],
  matrix: readonly { package: string; cells: { app: string; requiredVersion: string | null }[] }[],
  /** `askForShare` per `${package} ${app}` of every CONCORD-417 finding. */
  answers: Readonly<Record<string, string>>,
  /** `askTheBus` of the `busProbes` of the findings (421, 422, 424). */
  bus: Readonly<Record<string, BusAnswer>>,
): CodeCheck[] {
  const checks: CodeCheck[] = [];
  const ranges = new Map<string, string | null>();
  for (const row of matrix)
    for (const c of row.cells) ranges.set(`${row.package}\u0000${c.app}`, c.requiredVersion);
  for (const f of findings) {
    const pkg = f.package ?? '';
    const [app, other] = f.apps ?? [];
    if (!app) continue;
    if (f.code === 'CONCORD-415') {
      // The runtime's verdict on the range the report read (the consumer's, as Module Federation uses it): its
      // own warning that no version satisfies it (a singleton), naming the app and the range.
      const range = ranges.get(`${pkg}\u0000${app}`);
      const warning = warnings.find(
        (w) => w.includes(`module ${pkg} does not satisfy`) && w.includes(`of ${app} which needs ${range})`),
      );
      checks.push({
        code: f.code,
        subject: `${pkg} in ${app}`,
        report: `requiredVersion ${JSON.stringify(range)}, a protocol the runtime never satisfies`,
        page: warning
          ? `Module Federation: ${warning.replace(/^\[ Federation Runtime \] /, '')}`
          : 'no warning from Module Federation',
        same: typeof range === 'string' && /^[a-z]+:/.test(range) && warning !== undefined,
      });
    } else if (f.code === 'CONCORD-417') {
      // Nobody provides it: asked for it, Module Federation has no copy for the app (Module Federation's own
      // error when the app imports it; the app renders only while it never does).
      const answer = answers[`${pkg} ${app}`] ?? 'not asked';
      checks.push({
        code: f.code,
        subject: `${pkg} in ${app}`,
        report: `no app provides ${pkg} to ${app} (import: false)`,
        page: answer,
        same: answer.startsWith('loadShare'),
      });
    } else if (f.code === 'CONCORD-428') {
      // The app loads its own copy of the subpath: it never takes the page's shared one, while it does take
      // the package the subpath belongs to.
      const parent = pkg
        .split('/')
        .slice(0, pkg.startsWith('@') ? 2 : 1)
        .join('/');
      const takesSub = (page.usedBy[pkg] ?? []).includes(app);
      const takesParent = (page.usedBy[parent] ?? []).includes(app);
      const flagged = diagnostics.some((d) => d.code === 'CONCORD-202' && d.package === pkg);
      checks.push({
        code: f.code,
        subject: `${pkg} in ${app}`,
        report: `${app} bundles its own ${pkg}`,
        page: `${app} ${takesParent ? 'uses' : 'does not use'} the shared ${parent} and ${takesSub ? 'uses' : 'never uses'} the shared ${pkg}${flagged ? ' (CONCORD-202)' : ''}`,
        same: takesParent && !takesSub,
      });
    } else if (f.code === 'CONCORD-429') {
      // The remote the report was not given runs on the page all the same, unpredicted.
      const runs = page.containers.includes(other ?? '');
      const given = reportApps.includes(other ?? '');
      checks.push({
        code: f.code,
        subject: `${other} loaded by ${app}`,
        report: `"${other}" not checked (not among the report's apps)`,
        page: `container "${other}" ${runs ? 'runs' : 'does not run'} on the page${given ? ', yet the report had it' : ''}`,
        same: runs && !given,
      });
    } else if (f.code === 'CONCORD-421' || f.code === 'CONCORD-422' || f.code === 'CONCORD-424') {
      checks.push(checkContractClaim(f, bus));
    }
  }
  checks.push(...checkRuntimeClaims(findings, page, diagnostics, reportApps));
  return checks;
}

/**
 * 421: the page's bus has no such slice, and the reader's read of it is refused (CONCORD-308). 422: the reader
 * reads the owner's slice on the page and it has no such field. 424: of the apps that claim the slice, one
 * (the contract's owner) writes it; every other's write is refused (CONCORD-303) and changes nothing.
 */
function checkContractClaim(f: ReportFinding, bus: Readonly<Record<string, BusAnswer>>): CodeCheck {
  const claim = contractClaim(f);
  const apps = f.apps ?? [];
  const reader = apps[0]!;
  if (!claim)
    return {
      code: f.code,
      subject: apps.join(', '),
      report: f.message.slice(0, 120),
      page: 'not asked: the slice could not be read from the message',
      same: false,
    };
  const answer = (app: string): BusAnswer => bus[probeKey(f, app)] ?? { missing: 'not asked' };
  const shown = (value: unknown) => JSON.stringify(value) ?? String(value);
  if (f.code === 'CONCORD-421') {
    const a = answer(reader);
    return {
      code: f.code,
      subject: `${claim.slice} read by ${reader}`,
      report: `${apps[1] ? `${apps[1]}'s contract has no` : 'no contract has'} slice "${claim.slice}"`,
      page:
        a.missing ??
        `${reader}'s read ${a.read === 'ok' ? `returns ${shown(a.value)}` : `is refused with ${a.read}`}; the bus has ${a.slices?.join(', ')}`,
      same: a.read === 'CONCORD-308' && !a.slices?.includes(claim.slice),
    };
  }
  if (f.code === 'CONCORD-422') {
    const a = answer(reader);
    const value = a.value;
    const object = typeof value === 'object' && value !== null && !Array.isArray(value);
    const has = object && Object.hasOwn(value, claim.field!);
    return {
      code: f.code,
      subject: `${claim.slice}.${claim.field} read by ${reader}`,
      report: `${apps[1]}'s "${claim.slice}" has no field "${claim.field}"`,
      page:
        a.missing ??
        (a.read === 'ok'
          ? `${reader} reads ${claim.slice} = ${shown(value)}: ${has ? 'has' : 'no'} "${claim.field}"`
          : `${reader}'s read of ${claim.slice} is refused with ${a.read}`),
      same: a.read === 'ok' && object && !has,
    };
  }
  const writes = apps.map((app) => ({ app, ...answer(app) }));
  const accepted = writes.filter((w) => w.write === 'accepted');
  const refused = writes.filter((w) => w.write === 'CONCORD-303' && w.unchanged);
  return {
    code: f.code,
    subject: `"${claim.slice}" claimed by ${apps.join(', ')}`,
    report: `one owner may write "${claim.slice}", the other claims are refused`,
    page: writes
      .map(
        (w) =>
          `${w.app}'s write ${w.missing ?? (w.write === 'accepted' ? 'accepted' : `refused with ${w.write}${w.unchanged ? ', unchanged' : ', CHANGED'}`)}`,
      )
      .join('; '),
    same: accepted.length === 1 && refused.length === apps.length - 1,
  };
}
