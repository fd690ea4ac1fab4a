// Cross-tab adapter over BroadcastChannel. A slice crosses tabs only while EVERY contract version connected
// to the page's bus marks it `broadcast` and none marks it `sensitive` (the strictest definition wins, so a
// later contract cannot let a session token out); every value that arrives is written through the owner's
// handle, so it passes exactly the checks of a local write (schema, forbidden keys) and leaves the state
// unchanged when rejected.
//
// Ordering: each shared slice carries a Lamport clock `[clock, tab]`; a tab applies a value only when its
// clock is newer, so concurrent writers converge on one value and nothing is echoed back and forth. A tab
// that opens late says `hello` with what it has; every open tab answers with its current values.
//
// Hostile tabs: a message is checked for its envelope, its number of entries and the size and depth of its
// values (bounded work, see broadcast-options.ts) before anything else; clocks must be safe integers no
// further than `maxClockLead` ahead, so one message cannot put a slice out of reach of honest tabs; each
// message is reported at most once per entry, and never throws.
import { type Entry, type Message, malformed, oversized } from './broadcast-message';
import { type BroadcastOptions, resolveBroadcastOptions } from './broadcast-options';
import { type BusLink, major } from './bus';
import { type ConcordError, DEV, fail } from './errors';
import { connect, getRegistry } from './registry';
import type { AnyContract, AnyHandle, SliceSpec, Unsubscribe } from './types';
import { dict } from './validate';

export type { BroadcastOptions } from './broadcast-options';

interface Bridge {
  refs: number;
  stop: () => void;
}

/**
 * Mirrors the contract's `broadcast` slices across the browser tabs of this origin; returns `stop`. One
 * bridge runs per channel per page: later calls share it, and it stops when every caller has stopped.
 * Without BroadcastChannel (a server) it does nothing.
 * @example const stop = broadcast(connect(shop, { app: 'host' }));
 */
export function broadcast(handle: AnyHandle, options?: BroadcastOptions): () => void {
  const { contract } = handle;
  if (typeof BroadcastChannel === 'undefined') return () => {};
  const resolved = resolveBroadcastOptions(
    options,
    `concord:${contract.name}@${major(contract.version)}`,
    (option, value) =>
      fail(
        310,
        DEV &&
          `broadcast: \`${option}\` must be ${option === 'channel' ? 'a string' : 'a positive safe integer'}, got ${String(value)}; no bridge was started. Fix the option.`,
      ),
  );
  const name = resolved.channel;
  const registry = getRegistry();
  // Channel names are data: a bridge table without a prototype, read through own properties only.
  registry.bridges ??= dict();
  const bridges = registry.bridges as Record<string, Bridge>;
  if (!Object.hasOwn(bridges, name)) bridges[name] = { refs: 0, stop: open(handle, resolved) };
  const bridge = bridges[name]!;
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

/** An own slice spec of a contract, never an inherited property (`toString`, `constructor`). */
const specOf = (contract: AnyContract, slice: string): SliceSpec | undefined =>
  Object.hasOwn(contract.slices, slice) ? (contract.slices[slice] as SliceSpec) : undefined;

function open(handle: AnyHandle, options: ReturnType<typeof resolveBroadcastOptions>) {
  const { contract } = handle;
  const { channel: name, onError, maxEntries, maxClockLead } = options;
  const tab = Math.random().toString(36).slice(2) + Date.now().toString(36);
  // Every contract version connected to the bus (the bus of another copy may not list them: then this one).
  const link = getRegistry().buses[contract.name] as BusLink | undefined;
  const definitions = () => link?.contracts ?? [contract];
  // May the slice cross tabs? Only if every definition on the page says `broadcast` and none `sensitive`.
  const crosses = (slice: string) => {
    let defined = false;
    for (const definition of definitions()) {
      const spec = specOf(definition, slice);
      if (!spec) continue;
      if (spec.sensitive || !spec.broadcast) return false;
      defined = true;
    }
    return defined;
  };
  const report = (code: number, message: string | false, details?: unknown) => {
    try {
      onError(fail(code, message, details));
    } catch {}
  };
  // CONCORD-314, once per slice: a definition would let it cross but another keeps it in.
  const disagreements = new Set<string>();
  const checkFlags = () => {
    for (const definition of definitions())
      for (const slice of Object.keys(definition.slices)) {
        const spec = specOf(definition, slice)!;
        if (spec.broadcast && !spec.sensitive && !crosses(slice) && !disagreements.has(slice)) {
          disagreements.add(slice);
          report(
            314,
            DEV &&
              `Contract "${contract.name}" ${definition.version} marks slice "${slice}" \`broadcast\`, but another version on this page (${definitions()
                .map((d) => d.version)
                .join(
                  ', ',
                )}) keeps it in (not \`broadcast\`, or \`sensitive\`); the strictest definition wins, so "${slice}" does not cross tabs on channel "${name}". Give every version of the contract the same flags.`,
            slice,
          );
        }
      }
  };
  checkFlags();
  const shared = Object.keys(contract.slices).filter(crosses);

  // Listeners show under their own app in inspect(); the name carries this tab's id so that no app of the
  // page shares it (an app's dispose() never stops the bridge).
  const watcher = connect(contract, { app: `concord:broadcast ${tab}`, onError });
  const writers = new Map<string, AnyHandle>();
  const clocks = new Map<string, [clock: number, tab: string]>();
  // The slice version a value from another tab produces, so the watcher does not send it back.
  const incoming = new Map<string, number>();
  for (const slice of shared) {
    const { owner } = specOf(contract, slice)!;
    if (!writers.has(owner)) writers.set(owner, connect(contract, { app: owner, onError }));
    clocks.set(slice, [watcher.version(slice), tab]);
  }
  const channel = new BroadcastChannel(name);
  const post = (type: Message['type'], entries: Entry[]) => {
    try {
      channel.postMessage({ concord: 'shared-state', type, tab, entries } satisfies Message);
    } catch (error) {
      report(
        312,
        DEV &&
          `A value of slice ${entries.map(([slice]) => `"${slice}"`).join(', ')} of contract "${contract.name}" ${contract.version} could not be sent to other tabs on channel "${name}" (it is not structured-cloneable); other tabs keep their value. Store plain data (no functions, class instances or DOM nodes) in broadcast slices.`,
        error,
      );
    }
  };
  // Checked at every send: a stricter contract connected since the bridge opened keeps the slice in.
  const current = () =>
    shared
      .filter((slice) => clocks.get(slice)![0] > 0 && crosses(slice))
      .map((slice): Entry => [slice, watcher.get(slice), ...clocks.get(slice)!]);

  const receive = (entry: unknown) => {
    const [slice, value, clock, from] = Array.isArray(entry) && entry.length === 4 ? entry : [];
    const mine = clocks.get(slice);
    if (!mine || !crosses(slice))
      return report(
        317,
        DEV &&
          `A message on channel "${name}" carried a value for ${JSON.stringify(String(slice)).slice(0, 80)}, which may not cross tabs on this page (not a \`broadcast\` slice of contract "${contract.name}" in every version connected here, or \`sensitive\`); it was dropped and the state is unchanged. Check that every tab runs a compatible contract, and that nothing else posts on this channel.`,
        slice,
      );
    if (
      !Number.isSafeInteger(clock) ||
      clock < 0 ||
      clock - mine[0] > maxClockLead ||
      typeof from !== 'string' ||
      from.length > 64
    )
      return report(
        318,
        DEV &&
          `A message on channel "${name}" carried slice "${slice}" with clock ${String(clock).slice(0, 40)} from tab ${JSON.stringify(String(from)).slice(0, 80)}, but clocks must be safe integers at most \`maxClockLead\` (${maxClockLead}) ahead of this tab's ${mine[0]}, and tabs short strings; it was dropped and the state is unchanged. Check that nothing else posts on this channel.`,
        { slice, clock },
      );
    if (clock < mine[0] || (clock === mine[0] && from <= mine[1])) return;
    incoming.set(slice, watcher.version(slice) + 1);
    try {
      writers.get(specOf(contract, slice)!.owner)!.set(slice, value);
      clocks.set(slice, [clock, from]);
    } catch (error) {
      report(
        311,
        DEV &&
          `A value of slice "${slice}" of contract "${contract.name}" ${contract.version} from tab ${JSON.stringify(from).slice(0, 80)} on channel "${name}" was rejected (${(error as ConcordError)?.code ?? error}); the state is unchanged. Check that every tab runs a compatible contract, and that nothing else posts on this channel.`,
        error,
      );
    } finally {
      incoming.delete(slice);
    }
  };

  channel.onmessage = ({ data }: MessageEvent<unknown>) => {
    const why = malformed(data);
    if (why)
      return report(
        311,
        DEV &&
          `A message on channel "${name}" was ignored: ${why}; the state is unchanged. Keep channel "${name}" for Concord.`,
      );
    const { type, tab: from, entries } = data as Message;
    if (from === tab) return;
    const over = entries.length > maxEntries ? `maxEntries (${maxEntries})` : oversized(entries, options);
    if (over)
      return report(
        318,
        DEV &&
          `A message on channel "${name}" from tab ${JSON.stringify(from)} exceeds ${over}; it was dropped whole and the state is unchanged. Raise the bound in broadcast()'s options if such values are legitimate.`,
        over,
      );
    checkFlags();
    for (const entry of entries) receive(entry);
    if (type === 'hello') post('state', current());
  };
  const unsubscribe: Unsubscribe[] = shared.map((slice) =>
    watcher.subscribe(slice, (value: unknown) => {
      if (watcher.version(slice) === incoming.get(slice)) return;
      const clock = clocks.get(slice)![0] + 1;
      clocks.set(slice, [clock, tab]);
      checkFlags();
      if (crosses(slice)) post('set', [[slice, value, clock, tab]]);
    }),
  );
  post('hello', current());
  return () => {
    for (const off of unsubscribe) off();
    channel.close();
  };
}
