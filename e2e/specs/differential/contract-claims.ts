// The report's contract findings (CONCORD-421, 422, 424) name slices, fields and owners; the page's answer is
// its shared-state bus. Each finding is read into the slice it is about, and the page's bus is asked, through
// the registry every copy of @concord/shared-state joins (`globalThis[Symbol.for('concord.shared-state')]`, the
// registry protocol of packages/shared-state/README.md), what the named app gets when it reads or writes it.

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
