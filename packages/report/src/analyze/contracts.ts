// The contract test: every app's `concord.reads` is checked against the contract its slice's OWNER was built
// with, so a CI run fails when a writer renames or removes a slice or field that a reader still uses.
import { appLabel, finding, listOf } from '../finding';
import type { ContractDescription, Finding } from '../types';
import type { App } from './apps';
import type { Satisfies } from './share-scope';

type WithContract = App & { contract: ContractDescription };

const label = (a: App): string => appLabel(a.name, a.bundler);
const contractOf = (a: App): ContractDescription | undefined => a.manifest.concord?.contract;

export function analyzeContracts(apps: App[], satisfies: Satisfies): Finding[] {
  const groups = new Map<string, WithContract[]>();
  for (const app of apps) {
    const contract = contractOf(app);
    if (!contract) continue;
    const group = groups.get(contract.name) ?? [];
    group.push({ ...app, contract });
    groups.set(contract.name, group);
  }
  const findings: Finding[] = [];
  for (const [name, group] of groups) {
    incompatibleVersions(name, group, findings, satisfies);
    const owners = ownership(name, group, findings);
    readers(name, group, owners, apps, findings);
  }
  return findings;
}

function incompatibleVersions(
  name: string,
  group: WithContract[],
  findings: Finding[],
  satisfies: Satisfies,
): void {
  const compatible = (a: string, b: string): boolean =>
    satisfies.test(a, `^${b}`) || satisfies.test(b, `^${a}`);
  const versions = [...new Set(group.map((a) => a.contract.version))];
  const clash = versions.some((a, i) => versions.slice(i + 1).some((b) => !compatible(a, b)));
  if (!clash) return;
  const pkg = group[0]!.contract.package;
  const listing = versions.map(
    (v) => `${v} in ${listOf(group.filter((a) => a.contract.version === v).map(label))}`,
  );
  findings.push(
    finding('CONCORD-420', {
      severity: 'error',
      what: `${pkg ?? name}: contract "${name}" is built in incompatible versions: ${listing.join('; ')}`,
      consequence:
        'One copy of the contract runs on the page, so the apps built against another major read slices and events whose shape changed',
      fix: `Rebuild every app against one major of "${name}" and deploy readers together with the writer`,
      ...(pkg !== undefined && { package: pkg }),
      apps: group.map((a) => a.name),
    }),
  );
}

/** Slice → owning app, from each app's `owns`, falling back to what the contracts name as owner. */
function ownership(name: string, group: WithContract[], findings: Finding[]): Map<string, WithContract> {
  const owners = new Map<string, WithContract>();
  const claims = new Map<string, WithContract[]>();
  for (const app of group)
    for (const slice of app.manifest.concord!.owns) {
      const list = claims.get(slice) ?? [];
      list.push(app);
      claims.set(slice, list);
    }
  for (const [slice, list] of claims) {
    owners.set(slice, list[0]!);
    const declared = list[0]!.contract.slices[slice]?.owner;
    const wrong = declared !== undefined && list.every((a) => a.name !== declared);
    if (list.length < 2 && !wrong) continue;
    const pkg = list[0]!.contract.package ?? name;
    findings.push(
      finding('CONCORD-424', {
        severity: 'error',
        what:
          list.length > 1
            ? `${pkg}: slice "${slice}" of contract "${name}" is claimed as owned by ${listOf(list.map((a) => `${label(a)} with ${a.contract.version}`))}`
            : `${pkg}: ${label(list[0]!)} claims slice "${slice}" of contract "${name}" ${list[0]!.contract.version}, whose owner is "${declared}"`,
        consequence:
          'Only the owner named in the contract may write a slice, so the other writes are rejected at runtime and readers see stale values',
        fix: `Give slice "${slice}" one owner in the contract and build only that app with it in \`owns\``,
        ...(list[0]!.contract.package !== undefined && { package: pkg }),
        apps: list.map((a) => a.name),
      }),
    );
  }
  return owners;
}

function readers(
  name: string,
  group: WithContract[],
  owners: Map<string, WithContract>,
  apps: App[],
  findings: Finding[],
): void {
  const unchecked = new Map<string, { reader: WithContract; owner: string; slices: string[] }>();
  // By name: a fleet's readers look their slice's owner up once each, not with a scan of the group.
  const byName = new Map<string, WithContract>();
  for (const a of group) if (!byName.has(a.name)) byName.set(a.name, a);
  for (const reader of group) {
    for (const read of reader.manifest.concord!.reads) {
      const dot = read.indexOf('.');
      const slice = dot < 0 ? read : read.slice(0, dot);
      const field = dot < 0 ? undefined : read.slice(dot + 1).split('.')[0];
      const declaredOwner = reader.contract.slices[slice]?.owner;
      const owner =
        owners.get(slice) ?? (declaredOwner !== undefined ? byName.get(declaredOwner) : undefined);
      if (owner === reader) continue;
      if (!owner) {
        if (declaredOwner === undefined) {
          missingSlice(name, reader, read, slice, undefined, findings);
          continue;
        }
        const key = `${reader.name}\u0000${declaredOwner}`;
        const entry = unchecked.get(key) ?? { reader, owner: declaredOwner, slices: [] };
        entry.slices.push(read);
        unchecked.set(key, entry);
        continue;
      }
      const ownerSlice = owner.contract.slices[slice];
      if (!ownerSlice) missingSlice(name, reader, read, slice, owner, findings);
      else if (field !== undefined && ownerSlice.fields.length > 0 && !ownerSlice.fields.includes(field))
        findings.push(
          finding('CONCORD-422', {
            severity: 'error',
            what: `${owner.contract.package ?? name}: ${label(reader)} reads ${read} but ${label(owner)}, the owner of slice "${slice}", builds contract "${name}" ${owner.contract.version} whose "${slice}" has no field "${field}" (it has ${listOf(ownerSlice.fields)})`,
            consequence: `Once both are deployed, ${reader.name} reads undefined where it expects ${field}`,
            fix: `Move ${reader.name} to the new field and deploy it with ${owner.name}, or keep "${field}" in the contract until every reader has moved (removing a field is a major change)`,
            package: owner.contract.package ?? name,
            apps: [reader.name, owner.name],
          }),
        );
    }
  }
  const known = new Set(apps.map((a) => a.name));
  for (const { reader, owner, slices } of unchecked.values()) {
    const pkg = reader.contract.package ?? name;
    // The owner is an input whose build did not describe the contract, or it is not an input at all.
    const given = known.has(owner);
    findings.push(
      finding('CONCORD-423', {
        severity: 'info',
        what: `${pkg}: ${label(reader)} reads ${listOf(slices)} of contract "${name}" ${reader.contract.version}, owned by "${owner}", which is ${given ? 'built without that contract' : 'not among the inputs'}`,
        consequence: 'Those reads are not checked against the owner’s contract',
        fix: given
          ? `Set \`concord.contract\` ("${pkg}") in "${owner}"'s Concord build plugin options, so its manifest describes the contract it writes`
          : `Add "${owner}"'s mf-manifest.json (path or URL) to the report inputs`,
        package: pkg,
        apps: [reader.name, owner],
      }),
    );
  }
}

function missingSlice(
  name: string,
  reader: WithContract,
  read: string,
  slice: string,
  owner: WithContract | undefined,
  findings: Finding[],
): void {
  const pkg = (owner ?? reader).contract.package ?? name;
  findings.push(
    finding('CONCORD-421', {
      severity: 'error',
      what: owner
        ? `${pkg}: ${label(reader)} reads ${read} but ${label(owner)}, the owner of slice "${slice}", builds contract "${name}" ${owner.contract.version}, which has no slice "${slice}"`
        : `${pkg}: ${label(reader)} reads ${read} but no contract "${name}" in the report has a slice "${slice}" (it builds ${reader.contract.version})`,
      consequence: `${reader.name} reads a slice nobody writes: it sees its initial value forever, or undefined`,
      fix: `Move ${reader.name} to the slice that replaced "${slice}" and deploy it with the writer, or restore "${slice}" in the contract`,
      package: pkg,
      apps: owner ? [reader.name, owner.name] : [reader.name],
    }),
  );
}
