// What a message from another tab must look like before any of it is looked at further. Every check here is
// bounded by the options (entries, bytes, depth), so a hostile message costs at most that much work.
import type { ResolvedBroadcastOptions } from './broadcast-options';

export type Entry = [slice: string, value: unknown, clock: number, tab: string];
export interface Message {
  concord: 'shared-state';
  type: 'hello' | 'state' | 'set';
  tab: string;
  entries: Entry[];
}

const TYPES = ['hello', 'state', 'set'];

/** Why a message is not a Concord message of this protocol, or undefined when its envelope is fine. */
export const malformed = (data: unknown): string | undefined => {
  const message = data as Partial<Message> | null;
  if (!message || typeof message !== 'object') return 'it is not an object';
  if (message.concord !== 'shared-state') return 'it is not a Concord message';
  if (!TYPES.includes(message.type as string)) return 'its `type` is unknown';
  if (typeof message.tab !== 'string' || message.tab.length > 64) return 'its `tab` is not a short string';
  if (!Array.isArray(message.entries)) return 'its `entries` is not an array';
};

/**
 * The bound an inbound message's values exceed (`maxBytes`, `maxDepth`), or undefined. Counting stops as soon
 * as a bound is crossed: the work is O(min(size, maxBytes / 8)) whatever arrives.
 */
export const oversized = (
  entries: unknown[],
  { maxBytes, maxDepth }: ResolvedBroadcastOptions,
): string | undefined => {
  let bytes = 0;
  let deepest = 0;
  const seen = new Set<unknown>();
  const visit = (value: unknown, depth: number): boolean => {
    if (depth > deepest) deepest = depth;
    if (deepest > maxDepth) return false;
    if (typeof value === 'string') bytes += value.length;
    else if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) bytes += value.byteLength;
    else if (value && typeof value === 'object' && !seen.has(value)) {
      seen.add(value);
      bytes += 8;
      if (typeof Blob !== 'undefined' && value instanceof Blob) bytes += value.size;
      else if (value instanceof Map || value instanceof Set) {
        // Lazily: a Map yields one [key, value] pair at a time.
        for (const item of value as Iterable<unknown>)
          if (bytes > maxBytes || !visit(item, depth + 1)) return false;
      } else
        for (const key in value) {
          bytes += 8 + key.length;
          if (bytes > maxBytes || !visit((value as Record<string, unknown>)[key], depth + 1)) return false;
        }
    } else bytes += 8;
    return bytes <= maxBytes;
  };
  for (const entry of entries) if (!visit(entry, 0)) break;
  if (deepest > maxDepth) return `maxDepth (${maxDepth})`;
  if (bytes > maxBytes) return `maxBytes (${maxBytes})`;
};
