// Options of `broadcast()`: every field documented with its default, resolved once by a pure function.
import type { ConcordError } from './errors';

export interface BroadcastOptions {
  /**
   * The BroadcastChannel name; tabs on another major of the contract use another channel. Any string works,
   * `__proto__` included.
   * @default `concord:${contract.name}@${major}`
   */
  channel?: string | undefined;
  /**
   * Receives rejected messages from other tabs (CONCORD-311, 317, 318), values that cannot be sent
   * (CONCORD-312) and contract versions that disagree on a slice's flags (CONCORD-314). Whatever it throws
   * is ignored.
   * @default console.error
   */
  onError?: ((error: ConcordError) => void) | undefined;
  /**
   * The most entries one inbound message may carry; a longer message is dropped whole with one CONCORD-318.
   * @default 64
   */
  maxEntries?: number | undefined;
  /**
   * The most bytes the values of one inbound message may add up to (strings count their length, binary
   * data its byteLength, every other value and key 8); counting stops at the bound, so the work per message
   * is bounded too. Larger messages are dropped whole with one CONCORD-318.
   * @default 1_048_576
   */
  maxBytes?: number | undefined;
  /**
   * The deepest nesting of objects and arrays an inbound value may have (CONCORD-318 beyond).
   * @default 32
   */
  maxDepth?: number | undefined;
  /**
   * How far ahead of this tab's clock for a slice an inbound clock may be. Clocks must also be
   * non-negative safe integers: one message can never push a slice's clock out of reach of the other tabs.
   * @default 1_000_000
   */
  maxClockLead?: number | undefined;
}

export type ResolvedBroadcastOptions = Required<{
  [K in keyof BroadcastOptions]: NonNullable<BroadcastOptions[K]>;
}>;

export const BROADCAST_DEFAULTS = Object.freeze({
  maxEntries: 64,
  maxBytes: 1_048_576,
  maxDepth: 32,
  maxClockLead: 1_000_000,
}) satisfies Partial<ResolvedBroadcastOptions>;

const LIMITS = ['maxEntries', 'maxBytes', 'maxDepth', 'maxClockLead'] as const;

/**
 * Fills in the defaults; never mutates `user`. Throws CONCORD-310 for a bound that is not a positive safe
 * integer, naming the option and the value.
 */
export function resolveBroadcastOptions(
  user: BroadcastOptions | undefined,
  defaultChannel: string,
  invalid: (option: string, value: unknown) => Error,
): ResolvedBroadcastOptions {
  const resolved: ResolvedBroadcastOptions = {
    channel: user?.channel ?? defaultChannel,
    onError: user?.onError ?? ((error: ConcordError) => console.error(error)),
    ...BROADCAST_DEFAULTS,
  };
  for (const option of LIMITS) {
    const value = user?.[option];
    if (value === undefined) continue;
    if (!Number.isSafeInteger(value) || value <= 0) throw invalid(option, value);
    resolved[option] = value;
  }
  if (typeof resolved.channel !== 'string') throw invalid('channel', resolved.channel);
  return resolved;
}
