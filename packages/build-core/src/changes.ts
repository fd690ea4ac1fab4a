// The one block each build prints about what Concord changed in the federation config (shares added,
// singletons forced, ranges filled or replaced, its own packages taken out, the runtime plugin registered),
// so nothing Concord does to an app's sharing is silent. One line when no share was touched.
import type { Augmentation, FederationOptionsLike } from './augment';

const range = (value: string | false | undefined): string =>
  value === undefined ? 'no range' : value === false ? 'false' : value;

/**
 * The text of the block, without colour, for the bundler's info logger.
 *
 * @example
 * [concord] cart (vite) federation config, as Concord changed it:
 *   + shared (singleton): react ^19.3.1, zustand ^5.1.0
 *   ~ singleton forced: lodash
 *   + runtime plugin @concord/runtime-plugin (mode "warn")
 */
export function describeChanges(
  augmentation: Augmentation<FederationOptionsLike>,
  user: FederationOptionsLike,
): string {
  const { app, bundler, shared, removed, autoShare } = augmentation;
  const added: string[] = [];
  const forced: string[] = [];
  const filled: string[] = [];
  const replaced: string[] = [];
  for (const [key, entry] of Object.entries(shared)) {
    const changes = entry.concord;
    if (!changes) continue;
    if (changes.added) added.push(`${key} ${range(entry.requiredVersion)}`);
    if (changes.singleton !== undefined) forced.push(key);
    if (changes.requiredVersion === null) filled.push(`${key} ${range(entry.requiredVersion)}`);
    else if (changes.requiredVersion !== undefined)
      replaced.push(`${key} ${JSON.stringify(changes.requiredVersion)} → ${range(entry.requiredVersion)}`);
  }
  const other: string[] = [];
  if (augmentation.runtimePluginAdded)
    other.push(
      `runtime plugin @concord/runtime-plugin registered (mode "${augmentation.runtimeOptions.mode}")`,
    );
  if (user.manifest === undefined) other.push('manifest on');
  if (user.dts === undefined) other.push('dts off');
  const head = `[concord] ${app} (${bundler})`;
  const lines = [
    added.length ? `  + shared as singletons: ${added.join(', ')}` : '',
    forced.length ? `  ~ singleton forced: ${forced.join(', ')}` : '',
    filled.length ? `  ~ requiredVersion filled from the installed version: ${filled.join(', ')}` : '',
    replaced.length ? `  ~ requiredVersion replaced: ${replaced.join(', ')}` : '',
    removed.length
      ? `  - removed from shared: ${removed.join(', ')} (Concord's own build-time packages must never be shared)`
      : '',
  ].filter(Boolean);
  if (lines.length === 0) {
    const why = autoShare
      ? 'every share as written'
      : 'no share added or changed (`concord.autoShare: false`)';
    return `${head}: ${why}${other.length ? `; ${other.join(', ')}` : ''}.`;
  }
  if (other.length) lines.push(`  + ${other.join(', ')}`);
  return [`${head} federation config, as Concord changed it:`, ...lines].join('\n');
}
