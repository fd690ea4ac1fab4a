// CONCORD-415: a package-manager protocol (`workspace:*`, `catalog:`…) in a requiredVersion: the runtime's
// satisfy never matches it.
import { finding } from '../../finding';
import type { AppDecl } from '../apps';
import type { PackageContext } from '../context';

/** Whether the requiredVersion is a protocol (tested once per distinct range: `AppDecl.range`). */
export const leaks = (d: AppDecl): boolean => d.range.leak;

export function protocolLeaks({ pkg, users, findings }: PackageContext): void {
  for (const d of users) {
    const app = d.owner;
    if (!leaks(d)) continue;
    findings.push(
      finding('CONCORD-415', {
        severity: 'error',
        what: `${app.label} shares ${pkg} ${d.version} with requiredVersion ${JSON.stringify(d.requiredVersion)}, a package-manager protocol`,
        consequence: d.singleton
          ? `The runtime's satisfy never matches it, so every load warns (or throws with strictVersion) about ${pkg}`
          : `The runtime's satisfy never matches it, so ${app.name} ignores every shared copy and runs its own ${pkg}`,
        fix: `Set requiredVersion explicitly (for example ^${d.version}) for ${pkg} in ${app.name}'s shared options; the Concord build plugins do this for the contract package`,
        package: pkg,
        apps: [app.name],
      }),
    );
  }
}
