// The report's contract findings (CONCORD-421, 422, 424) name slices, fields and owners; the page's answer is
// its shared-state bus. Each finding is read into the slice it is about, and the page's bus is asked, through
// the registry every copy of @concord/shared-state joins (`globalThis[Symbol.for('concord.shared-state')]`, the
// registry protocol of packages/shared-state/README.md), what the named app gets when it reads or writes it.
// A CONCORD-420 (apps built against incompatible majors of one contract) is checked against the bus's own
// account of who connected with which version (`inspect()`).

import type { CodeCheck } from './codes-without-a-cell';

interface Finding {
  code: string;
  apps?: string[];
  message: string;
}

/** What a contract finding says, read from its message: the contract, the slice, the field (422). */
export interface ContractClaim {
  contract: string;
  slice: string;
  field?: string;
}

/** One question to the page's bus: `app` reads `slice` (and with `write`, writes its current value back). */
export interface BusProbe {
  key: string;
  contract: string;
  app: string;
  slice: string;
  write?: boolean;
}

/** The bus's answer: the read (`ok` or the code it was refused with), the value, and the write's outcome. */
export interface BusAnswer {
  /** Why nothing was asked (no bus of that contract on the page). */
  missing?: string;
  /** Slices the bus has. */
  slices?: string[];
  read?: string;
  value?: unknown;
  /** `accepted`, or the code the write was refused with. */
  write?: string;
  /** The value and the slice's version are as before the write. */
  unchanged?: boolean;
}

const CODES = new Set(['CONCORD-421', 'CONCORD-422', 'CONCORD-424']);

/** The claim of a 421, 422 or 424 finding, or undefined when its message does not say it as expected. */
export function contractClaim(f: Finding): ContractClaim | undefined {
  const contract = /contract "([^"]+)"/.exec(f.message)?.[1];
  if (!CODES.has(f.code) || !contract) return undefined;
  if (f.code === 'CONCORD-424') {
    const slice = /[Ss]lice "([^"]+)"/.exec(f.message)?.[1];
    return slice ? { contract, slice } : undefined;
  }
  const read = / reads ([A-Za-z_$][\w$-]*)(?:\.([A-Za-z_$][\w$-]*))? but /.exec(f.message);
  if (!read) return undefined;
  if (f.code === 'CONCORD-422') return read[2] ? { contract, slice: read[1]!, field: read[2] } : undefined;
  return { contract, slice: read[1]! };
}

/** The key of `app`'s probe of the claim of `f`. */
export const probeKey = (f: Finding, app: string): string => `${f.code} ${app} ${f.message}`;

/**
 * The probes that check the contract findings: the reader reads the slice (421, 422); every app that claims the
 * slice writes it (424).
 */
export function busProbes(findings: readonly Finding[]): BusProbe[] {
  const probes: BusProbe[] = [];
  for (const f of findings) {
    const claim = contractClaim(f);
    if (!claim) continue;
    const apps = f.code === 'CONCORD-424' ? (f.apps ?? []) : (f.apps ?? []).slice(0, 1);
    for (const app of apps)
      probes.push({
        key: probeKey(f, app),
        contract: claim.contract,
        app,
        slice: claim.slice,
        write: f.code === 'CONCORD-424',
      });
  }
  return probes;
}

/**
 * In the page: connects each probe's app to the page's bus of the contract (with the contract the bus was
 * created with, as the app's own `connect` joins it), reads the slice, and for a write probe writes the value it
 * read back (an accepted write of an equal value notifies nobody). Never disposes the handle: `dispose()` would
 * remove every listener of that app, the real app's too.
 */
export const askTheBus = (probes: BusProbe[]): Record<string, BusAnswer> => {
  // biome-ignore lint/suspicious/noExplicitAny: the registry of any copy of @concord/shared-state
  const registry = (globalThis as Record<symbol, any>)[Symbol.for('concord.shared-state')];
  const codeOf = (error: unknown) =>
    String((error as { code?: unknown })?.code ?? (error as Error)?.message ?? error);
  const answers: Record<string, BusAnswer> = {};
  for (const p of probes) {
    const link = registry?.buses?.[p.contract];
    const contract = link?.contracts?.[0];
    if (!contract) {
      answers[p.key] = { missing: `no bus of contract "${p.contract}" on the page` };
      continue;
    }
    let handle: {
      get(slice: string): unknown;
      set(slice: string, value: unknown): void;
      version(slice: string): number;
      getSnapshot(): Record<string, unknown>;
    };
    try {
      handle = link.connect(contract, { app: p.app });
    } catch (error) {
      answers[p.key] = { missing: `"${p.app}" could not connect: ${codeOf(error)}` };
      continue;
    }
    const answer: BusAnswer = { slices: Object.keys(handle.getSnapshot()) };
    let value: unknown;
    try {
      value = handle.get(p.slice);
      answer.read = 'ok';
      answer.value = JSON.parse(JSON.stringify(value ?? null));
    } catch (error) {
      answer.read = codeOf(error);
    }
    if (p.write && answer.read === 'ok') {
      const version = handle.version(p.slice);
      try {
        handle.set(p.slice, value);
        answer.write = 'accepted';
      } catch (error) {
        answer.write = codeOf(error);
      }
      answer.unchanged = Object.is(handle.get(p.slice), value) && handle.version(p.slice) === version;
    }
    answers[p.key] = answer;
  }
  return answers;
};

/** An app as the report lists it, with the contract version its manifest was built against. */
interface ReportApp {
  name: string;
  contract?: { name: string; version: string };
}

/** A contract's bus as the page runs it: the versions that connected, and the apps that listen on it. */
export interface BusState {
  /** Why there is nothing to say (no bus of that contract on the page). */
  missing?: string;
  /** The versions of the contract that connected (`inspect().contracts`), the creator's first. */
  contracts?: string[];
  /** Apps with live listeners on the bus: each holds a handle it connected with. */
  apps?: string[];
}

/** The contracts a CONCORD-420 finding names (`contract "acme"`): the buses to inspect. */
export const incompatibleContracts = (findings: readonly Finding[]): string[] => [
  ...new Set(
    findings
      .filter((f) => f.code === 'CONCORD-420')
      .flatMap((f) => /contract "([^"]+)"/.exec(f.message)?.[1] ?? []),
  ),
];

/** In the page: `inspect()` of each named contract's bus, through a handle that adds no listener. */
export const inspectBuses = (contracts: string[]): Record<string, BusState> => {
  // biome-ignore lint/suspicious/noExplicitAny: the registry of any copy of @concord/shared-state
  const registry = (globalThis as Record<symbol, any>)[Symbol.for('concord.shared-state')];
  const states: Record<string, BusState> = {};
  for (const name of contracts) {
    const link = registry?.buses?.[name];
    const contract = link?.contracts?.[0];
    if (!contract) {
      states[name] = { missing: `no bus of contract "${name}" on the page` };
      continue;
    }
    try {
      const ins = link.connect(contract, { app: 'concord:differential' }).inspect();
      states[name] = { contracts: [...ins.contracts], apps: Object.keys(ins.listeners) };
    } catch (error) {
      states[name] = { missing: `inspect() threw: ${String((error as Error)?.message ?? error)}` };
    }
  }
  return states;
};

// The major a bus compares (`0.x` minors count as majors, as @concord/shared-state's connect does).
const majorOf = (version: string): string => {
  const [major, minor] = version.split('.');
  return major === '0' ? `0.${minor}` : major!;
};

/**
 * 420: "one copy of the contract runs on the page, so the apps built against another major read slices and
 * events whose shape changed". On the page: the contract's bus runs one major, every app of the finding listens
 * on it (none was refused), and some of them were built against another major than the one it runs.
 */
export function checkIncompatibleContracts(
  findings: readonly Finding[],
  apps: readonly ReportApp[],
  buses: Readonly<Record<string, BusState>>,
): CodeCheck[] {
  const builtWith = new Map(apps.map((a) => [a.name, a.contract?.version]));
  const checks: CodeCheck[] = [];
  for (const f of findings) {
    if (f.code !== 'CONCORD-420') continue;
    const name = /contract "([^"]+)"/.exec(f.message)?.[1] ?? '?';
    const named = f.apps ?? [];
    const groups = new Map<string, string[]>();
    for (const app of named) {
      const version = builtWith.get(app) ?? 'no contract';
      groups.set(version, [...(groups.get(version) ?? []), app]);
    }
    const listing = [...groups].map(([v, list]) => `${v} in ${list.join(', ')}`).join('; ');
    const bus = buses[name] ?? { missing: 'not inspected' };
    const majors = new Set((bus.contracts ?? []).map(majorOf));
    const runs = bus.contracts?.[0];
    const connected = named.filter((app) => bus.apps?.includes(app));
    const absent = named.filter((app) => !bus.apps?.includes(app));
    const other = named.filter((app) => {
      const version = builtWith.get(app);
      return runs !== undefined && version !== undefined && majorOf(version) !== majorOf(runs);
    });
    checks.push({
      code: f.code,
      subject: `contract "${name}": ${listing}`,
      report: 'one copy runs: the apps built against the other major run it',
      page:
        bus.missing ??
        `the bus runs ${runs} (connected: ${bus.contracts!.join(', ')}); ${connected.join(', ') || 'no app'} listen on it${absent.length ? `, ${absent.join(', ')} not` : ''}; built against another major: ${other.join(', ') || 'none'}`,
      same: majors.size === 1 && absent.length === 0 && other.length > 0,
    });
  }
  return checks;
}
