// CONCORD-414: exact pins drifting from the versions on offer. Info while every pinned app still gets a version
// its pin accepts; a warning once one does not (its outcome is then also a 410/416 of its own).
import { finding, listOf } from '../../finding';
import type { App } from '../apps';
import { labels, type PackageContext } from '../context';

export function exactPinDrift({ pkg, users, resolutions, versions, findings }: PackageContext): void {
  const pins: (readonly [App, string])[] = [];
  let satisfied = true;
  for (let i = 0; i < users.length; i++) {
    const d = users[i]!;
    const pin = d.range.pin;
    if (!pin) continue;
    pins.push([d.owner, pin]);
    const r = resolutions[i]!;
    if (r.kind !== 'shared' || !r.satisfied) satisfied = false;
  }
  if (pins.length === 0) return;
  const distinct = new Set(versions);
  for (const [, p] of pins) distinct.add(p);
  if (distinct.size < 2) return;
  findings.push(
    finding('CONCORD-414', {
      severity: satisfied ? 'info' : 'warning',
      what: `${pkg} is pinned exactly by ${listOf(labels(pins, ([a, p]) => `${a.label} to ${p}`))}, while the apps provide ${listOf(versions)}`,
      consequence:
        'Any patch release in one app breaks the others: a singleton then loads a version an exact pin rejects, a non-singleton a second copy',
      fix: `Use a caret range for ${pkg} (requiredVersion ^${pins[0]![1]}); exact versions in package.json become exact requiredVersions`,
      package: pkg,
      apps: pins.map(([a]) => a.name),
    }),
  );
}
