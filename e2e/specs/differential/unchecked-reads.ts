// CONCORD-423: an app reads slices whose owner, as the contract names it, is built without that contract or is
// not among the report's inputs, so the report cannot check those reads. What it says is checked on two sides:
// the report's own inputs (the owner's manifest carries no contract, or the report was not given it), and the
// page's bus, where the reads are real: the reader reads each named slice, the bus takes the owner's write of it
// (it is that app's slice), and the owner is connected to the contract's bus, running a contract its manifest
// does not describe.

import type { CodeCheck } from './codes-without-a-cell';
import { type BusAnswer, type BusProbe, type BusState, probeKey } from './contract-claims';

interface Finding {
  code: string;
  apps?: string[];
  message: string;
}

/** An app as the report lists it, with the contract its manifest describes (none: built without one). */
interface ReportApp {
  name: string;
  contract?: { name: string; version: string };
}

/** What a CONCORD-423 finding says, read from its message. */
export interface UncheckedReads {
  contract: string;
  reader: string;
  /** The reads as `concord.reads` lists them: `theme`, `cart.count`. */
  reads: string[];
  owner: string;
  /** `built without that contract` (the owner is among the inputs) or `not among the inputs`. */
  why: 'built without' | 'not among the inputs';
}

const READ = /^[A-Za-z_$][\w$-]*(?:\.[A-Za-z_$][\w$-]*)*$/;

/** The claim of a 423 finding, or undefined when its message does not say it as expected. */
export function uncheckedReads(f: Finding): UncheckedReads | undefined {
  const m =
    / reads (.+) of contract "([^"]+)" \S+, owned by "([^"]+)", which is (built without that contract|not among the inputs)\./.exec(
      f.message,
    );
  const reader = f.apps?.[0];
  if (f.code !== 'CONCORD-423' || !m || !reader) return undefined;
  // listOf's `a, b and c`; past eight reads it ends with `N more`, which names no read.
  const reads = m[1]!.split(/, | and /).filter((r) => READ.test(r));
  return {
    contract: m[2]!,
    reader,
    reads,
    owner: m[3]!,
    why: m[4] === 'not among the inputs' ? 'not among the inputs' : 'built without',
  };
}

const sliceOf = (read: string): string => read.split('.')[0]!;
const readKey = (f: Finding, app: string, read: string): string => `${probeKey(f, app)} ${read}`;

/** The probes of every 423: the reader reads each named slice; the owner writes each slice back as it is. */
export function uncheckedReadProbes(findings: readonly Finding[]): BusProbe[] {
  const probes: BusProbe[] = [];
  for (const f of findings) {
    const claim = uncheckedReads(f);
    if (!claim) continue;
    const { contract, reader, owner } = claim;
    for (const read of claim.reads)
      probes.push({ key: readKey(f, reader, read), contract, app: reader, slice: sliceOf(read) });
    for (const slice of new Set(claim.reads.map(sliceOf)))
      probes.push({ key: readKey(f, owner, slice), contract, app: owner, slice, write: true });
  }
  return probes;
}

/** The contracts whose buses a 423 is checked against (`inspectBuses`). */
export const uncheckedReadContracts = (findings: readonly Finding[]): string[] => [
  ...new Set(findings.flatMap((f) => uncheckedReads(f)?.contract ?? [])),
];

/**
 * 423 against the report's inputs and the page. In agreement when the owner's manifest is as the finding says
 * (in the report without a contract, or not in it), every named slice is on the bus and the reader reads it,
 * the bus accepts the owner's write of it (it gives the slice to that app) and leaves it unchanged, and the
 * owner listens on the contract's bus. Whether a read field is in the slice's value is shown, not required:
 * that is the check the report says it could not make.
 */
export function checkUncheckedReads(
  findings: readonly Finding[],
  apps: readonly ReportApp[],
  bus: Readonly<Record<string, BusAnswer>>,
  buses: Readonly<Record<string, BusState>>,
): CodeCheck[] {
  const checks: CodeCheck[] = [];
  for (const f of findings) {
    if (f.code !== 'CONCORD-423') continue;
    const claim = uncheckedReads(f);
    if (!claim || claim.reads.length === 0) {
      checks.push({
        code: f.code,
        subject: (f.apps ?? []).join(', '),
        report: f.message.slice(0, 120),
        page: 'not asked: the reads and their owner could not be read from the message',
        same: false,
      });
      continue;
    }
    const { contract, reader, owner, reads, why } = claim;
    const listed = apps.find((a) => a.name === owner);
    const manifest = listed
      ? `${owner}'s manifest ${listed.contract ? `describes contract "${listed.contract.name}" ${listed.contract.version}` : 'has no contract'}`
      : `the report has no manifest of ${owner}`;
    const manifestAgrees = why === 'built without' ? !!listed && !listed.contract : !listed;
    const state = buses[contract] ?? { missing: 'not inspected' };
    const listening = state.apps?.includes(owner) ?? false;
    const answer = (key: string): BusAnswer => bus[key] ?? { missing: 'not asked' };
    const readsSeen = reads.map((read) => {
      const a = answer(readKey(f, reader, read));
      const field = read.split('.')[1];
      const value = a.value;
      const object = typeof value === 'object' && value !== null && !Array.isArray(value);
      const text =
        a.missing ??
        (a.read === 'ok'
          ? `${reader} reads ${sliceOf(read)}${field ? ` (${object && Object.hasOwn(value, field) ? 'has' : 'no'} "${field}")` : ''}`
          : `${reader}'s read of ${sliceOf(read)} is refused with ${a.read}`);
      return { ok: a.read === 'ok', text };
    });
    const writes = [...new Set(reads.map(sliceOf))].map((slice) => {
      const a = answer(readKey(f, owner, slice));
      const ok = a.write === 'accepted' && a.unchanged === true;
      return {
        ok,
        text:
          a.missing ??
          `${owner}'s write of ${slice} ${a.write === 'accepted' ? 'accepted' : `refused with ${a.write ?? a.read}`}${a.write === 'accepted' && !a.unchanged ? ', CHANGED' : ''}`,
      };
    });
    checks.push({
      code: f.code,
      subject: `${reads.join(', ')} read by ${reader}, owned by ${owner}`,
      report: `not checked: "${owner}" is ${why === 'built without' ? 'built without' : 'not among the inputs of'} contract "${contract}"`,
      page: [
        manifest,
        state.missing ?? `${owner} ${listening ? 'listens' : 'does not listen'} on the bus of "${contract}"`,
        ...readsSeen.map((r) => r.text),
        ...writes.map((w) => w.text),
      ].join('; '),
      same:
        manifestAgrees &&
        state.missing === undefined &&
        listening &&
        readsSeen.every((r) => r.ok) &&
        writes.every((w) => w.ok),
    });
  }
  return checks;
}
