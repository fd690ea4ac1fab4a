// CONCORD-426 / 427: which Module Federation runtime each container runs. All runtimes on a page share one
// `__FEDERATION__`, but each container resolves its shares with its own copy: different minors can pick and
// judge differently, and Concord's runtime plugin is built and tested for 2.6 and later (its peer range).
import { finding, listOf } from '../../finding';
import type { Finding } from '../../types';
import type { App } from '../apps';
import { labels } from '../context';
import { compareVersionsDesc } from '../versions';

/**
 * The oldest Module Federation runtime Concord's runtime plugin supports: its peer range (`>=2.6.0`), the
 * oldest runtime its tests run on (the report's test/resolution-model.test.ts checks the two agree).
 */
export const MIN_RUNTIME = '2.6.0';

/**
 * The runtime @module-federation/vite bundles, by its major.minor (read in its lib/index.js; the manifest's
 * `pluginVersion` is the Vite plugin's own version). Apps built by other Vite plugin versions without Concord's
 * `runtime` metadata are left out of the comparison rather than guessed.
 */
const VITE_PLUGIN_RUNTIME: Readonly<Record<string, string>> = Object.freeze({ '1.23': '2.9' });

/** `{ version, source }` of the runtime an app runs, or null when no manifest field says it. */
export function runtimeOf(app: App): { version: string; how: string } | null {
  const concord = app.manifest.concord;
  const recorded = concord?.runtime;
  const plugin = app.manifest.pluginVersion;
  // The manifest's pluginVersion is written by the federation plugin that really ran; metadata of an older
  // Concord recorded the runtime found beside its own plugin even when the build ran another copy.
  const stale = !!plugin && !!concord?.federation && concord.federation.version !== plugin;
  if (recorded && !stale && /^\d+\.\d+/.test(recorded.version))
    return { version: recorded.version, how: `${recorded.package} ${recorded.version}` };
  if (!plugin || !/^\d+\.\d+/.test(plugin)) return null;
  // enhanced and the runtime are released together: enhanced 2.9.3 runs runtime 2.9.3.
  if (app.bundler !== 'vite') return { version: plugin, how: `@module-federation/enhanced ${plugin}` };
  const minor = VITE_PLUGIN_RUNTIME[plugin.split('.').slice(0, 2).join('.')];
  return minor
    ? { version: `${minor}.0`, how: `@module-federation/vite ${plugin} (runtime ${minor})` }
    : null;
}

const majorMinor = (v: string): string => v.split('.').slice(0, 2).join('.');

export function runtimeFindings(apps: readonly App[]): Finding[] {
  const findings: Finding[] = [];
  const byMinor = new Map<string, { app: App; how: string }[]>();
  const old: { app: App; how: string }[] = [];
  for (const app of apps) {
    const r = runtimeOf(app);
    if (!r) continue;
    const key = majorMinor(r.version);
    const list = byMinor.get(key);
    if (list) list.push({ app, how: r.how });
    else byMinor.set(key, [{ app, how: r.how }]);
    if (compareVersionsDesc(r.version, MIN_RUNTIME) > 0) old.push({ app, how: r.how });
  }
  if (byMinor.size > 1) {
    const minors = [...byMinor.keys()].sort(compareVersionsDesc);
    const listing = minors.map(
      (m) => `${m} in ${listOf(labels(byMinor.get(m)!, (e) => `${e.app.label} with ${e.how}`))}`,
    );
    findings.push(
      finding('CONCORD-426', {
        severity: 'warning',
        what: `The apps run ${minors.length} Module Federation runtimes: ${listing.join('; ')}`,
        consequence:
          'Each container picks and judges its shares with its own runtime copy, so versions of the runtime that differ in how they select or check a share can hand two apps of one page different copies, and this report models one runtime only',
        fix: `Build every app with the same Module Federation minor (${minors[0]}): one catalog entry for @module-federation/enhanced and @module-federation/vite`,
        apps: minors.flatMap((m) => byMinor.get(m)!.map((e) => e.app.name)),
      }),
    );
  }
  for (const { app, how } of old)
    findings.push(
      finding('CONCORD-427', {
        severity: 'warning',
        what: `${app.label} runs Module Federation ${how}, older than ${MIN_RUNTIME}, the oldest Concord supports`,
        consequence: `Concord's runtime plugin is not built or tested for that runtime: it names that container at load time (CONCORD-210), and its checks there may be missing or incomplete, so some share choices may go unchecked on the page`,
        fix: `Upgrade ${app.name}'s @module-federation/enhanced (or @module-federation/vite) to a release on runtime ${MIN_RUNTIME} or later`,
        apps: [app.name],
      }),
    );
  return findings;
}
