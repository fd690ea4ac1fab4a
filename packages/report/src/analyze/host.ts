// Which app is the host. It matters because the host's own shares are registered (its `init`) before any
// remote container starts, and keep their slot in the share scope (shared/reference/adoption-facts.md #1):
// for a version the host provides, the host's copy is the one that runs.
//
// The rule, in order:
//  1. the `host` option, when given (`false`: no input is the host — e.g. a page of remotes only);
//  2. the one app whose manifest lists other inputs as remotes and that no input lists as a remote (the root of
//     the remotes graph). A remote's own build report puts the remote first, so the first input is not enough;
//  3. otherwise the first input (the CLI documents "give the host first").
import type { FederationManifest } from '../types';

export type { HostOption } from '../options';

/** Index of the host among `apps` (-1: none). */
export function findHost(
  apps: readonly { name: string; manifest: FederationManifest }[],
  host: string | false | undefined,
): number {
  if (host === false || apps.length === 0) return -1;
  if (typeof host === 'string') return apps.findIndex((a) => a.name === host || a.manifest.name === host);
  const names = new Set(apps.map((a) => a.manifest.name));
  const listed = new Set<string>();
  for (const a of apps) for (const r of a.manifest.remotes ?? []) listed.add(r);
  const roots: number[] = [];
  for (let i = 0; i < apps.length; i++) {
    const m = apps[i]!.manifest;
    if (!listed.has(m.name) && (m.remotes ?? []).some((r) => names.has(r))) roots.push(i);
  }
  return roots.length === 1 ? roots[0]! : 0;
}
