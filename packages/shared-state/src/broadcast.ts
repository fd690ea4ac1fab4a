// Cross-tab adapter over BroadcastChannel. Only slices marked `broadcast` (and not `sensitive`) ever leave
// the page; every value that arrives is written through the owner's handle, so it passes exactly the checks
// of a local write (schema, forbidden keys) and leaves the state unchanged when rejected.
//
// Ordering: each shared slice carries a Lamport clock `[clock, tab]`; a tab applies a value only when its
// clock is newer, so concurrent writers converge on one value and nothing is echoed back and forth. A tab
// that opens late says `hello` with what it has; every open tab answers with its current values.
import { major } from './bus';
import { type ConcordError, DEV, fail } from './errors';
import { connect, getRegistry } from './registry';
import type { AnyHandle, Unsubscribe } from './types';

export interface BroadcastOptions {
  /**
   * The BroadcastChannel name; tabs on another major of the contract use another channel.
   * @default `concord:${contract.name}@${major}`
   */
  channel?: string | undefined;
  /**
   * Receives rejected messages from other tabs (CONCORD-311) and values that cannot be sent (CONCORD-312).
   * @default console.error
   */
  onError?: ((error: ConcordError) => void) | undefined;
}

type Entry = [slice: string, value: unknown, clock: number, tab: string];
interface Message {
  concord: 'shared-state';
  type: 'hello' | 'state' | 'set';
  tab: string;
  entries: Entry[];
}

/**
 * Mirrors the contract's `broadcast` slices across the browser tabs of this origin; returns `stop`. One
 * bridge runs per channel per page: later calls share it, and it stops when every caller has stopped.
 * Without BroadcastChannel (a server) it does nothing.
 * @example const stop = broadcast(connect(shop, { app: 'host' }));
 */
export function broadcast(handle: AnyHandle, options: BroadcastOptions = {}): () => void {
  const { contract } = handle;
  if (typeof BroadcastChannel === 'undefined') return () => {};
  const name = options.channel ?? `concord:${contract.name}@${major(contract.version)}`;
  const registry = getRegistry();
  registry.bridges ??= {};
  const bridges = registry.bridges;
  bridges[name] ??= { refs: 0, stop: open(handle, name, options) };
  const bridge = bridges[name];
  bridge.refs++;
  let on = true;
  return () => {
    if (!on) return;
    on = false;
    if (--bridge.refs === 0) {
      bridge.stop();
      delete bridges[name];
    }
  };
}

function open(handle: AnyHandle, name: string, { onError = console.error }: BroadcastOptions) {
  const { contract } = handle;
  const tab = Math.random().toString(36).slice(2) + Date.now().toString(36);
  const shared = Object.keys(contract.slices).filter(
    (slice) => contract.slices[slice]!.broadcast && !contract.slices[slice]!.sensitive,
  );
  // Listeners show under their own app in inspect(), and an app's dispose() does not stop the bridge.
  const watcher = connect(contract, { app: 'concord:broadcast', onError });
  const writers: Record<string, AnyHandle> = {};
  const clocks: Record<string, [clock: number, tab: string]> = {};
  // The slice version a value from another tab produces, so the watcher does not send it back.
  const incoming: Record<string, number> = {};
  for (const slice of shared) {
    const { owner } = contract.slices[slice]!;
    writers[owner] ??= connect(contract, { app: owner, onError });
    clocks[slice] = [watcher.version(slice), tab];
  }
  const channel = new BroadcastChannel(name);
  const report = (code: string, message: string | false, details?: unknown) => {
    try {
      onError(fail(code, message, details));
    } catch {}
  };
  const post = (type: Message['type'], entries: Entry[]) => {
    try {
      channel.postMessage({ concord: 'shared-state', type, tab, entries } satisfies Message);
    } catch (error) {
      report(
        'CONCORD-312',
        DEV &&
          `A value of slice ${entries.map(([slice]) => `"${slice}"`).join(', ')} of contract "${contract.name}" ${contract.version} could not be sent to other tabs on channel "${name}" (it is not structured-cloneable); other tabs keep their value. Store plain data (no functions, class instances or DOM nodes) in broadcast slices.`,
        error,
      );
    }
  };
  const current = () =>
    shared
      .filter((slice) => clocks[slice]![0] > 0)
      .map((slice): Entry => [slice, watcher.get(slice), ...clocks[slice]!]);

  const receive = (entry: unknown) => {
    const [slice, value, clock, from] = Array.isArray(entry) ? entry : [];
    if (!shared.includes(slice) || !Number.isSafeInteger(clock) || typeof from !== 'string')
      return report(
        'CONCORD-311',
        DEV &&
          `A message on channel "${name}" carried ${JSON.stringify(String(slice))}, which is not a broadcast slice of contract "${contract.name}" ${contract.version} (or its clock is malformed); it was ignored and the state is unchanged. Check that every tab runs a compatible contract, and that nothing else posts on this channel.`,
      );
    // Every shared slice has a clock (and `clocks` is a plain object: look it up only after `includes`).
    const mine = clocks[slice]!;
    if (clock < mine[0] || (clock === mine[0] && from <= mine[1])) return;
    incoming[slice] = watcher.version(slice) + 1;
    try {
      writers[contract.slices[slice]!.owner]!.set(slice, value);
      clocks[slice] = [clock, from];
    } catch (error) {
      report(
        'CONCORD-311',
        DEV &&
          `A value of slice "${slice}" of contract "${contract.name}" ${contract.version} from tab "${from}" on channel "${name}" was rejected (${(error as ConcordError).code ?? error}); the state is unchanged. Check that every tab runs a compatible contract, and that nothing else posts on this channel.`,
        error,
      );
    } finally {
      delete incoming[slice];
    }
  };

  channel.onmessage = ({ data }: MessageEvent<Partial<Message>>) => {
    if (data?.concord !== 'shared-state' || !Array.isArray(data.entries) || data.tab === tab)
      return report(
        'CONCORD-311',
        DEV &&
          `A message on channel "${name}" is not a Concord message; it was ignored and the state is unchanged. Keep channel "${name}" for Concord.`,
      );
    for (const entry of data.entries) receive(entry);
    if (data.type === 'hello') post('state', current());
  };
  const unsubscribe: Unsubscribe[] = shared.map((slice) =>
    watcher.subscribe(slice, (value: unknown) => {
      if (watcher.version(slice) === incoming[slice]) return;
      const clock = clocks[slice]![0] + 1;
      clocks[slice] = [clock, tab];
      post('set', [[slice, value, clock, tab]]);
    }),
  );
  post('hello', current());
  return () => {
    for (const off of unsubscribe) off();
    channel.close();
  };
}
