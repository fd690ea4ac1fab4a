// React adapter: `useShared(handle, selector?, isEqual?)` over useSyncExternalStore. The component
// re-renders only when its selection changes (by `isEqual`), and server rendering and hydration read the
// contract's initial values, so markup never depends on state written before hydration.
import { useRef, useSyncExternalStore } from 'react';
import type { AnyHandle, Handle, Snapshot } from './types';

/** The whole snapshot; the component re-renders after every change. */
export function useShared<S, E>(handle: Handle<S, E>): Snapshot<S>;
/**
 * A selection of the snapshot; the component re-renders only when it changes by `isEqual`.
 * @example const count = useShared(shop, (s) => s.cart.count);
 */
export function useShared<S, E, T>(
  handle: Handle<S, E>,
  selector: (snapshot: Snapshot<S>) => T,
  isEqual?: (a: T, b: T) => boolean,
): T;
export function useShared(
  handle: AnyHandle,
  // biome-ignore lint/suspicious/noExplicitAny: the overloads above type the selector.
  selector?: (snapshot: any) => unknown,
  // biome-ignore lint/suspicious/noExplicitAny: the overloads above type the comparison.
  isEqual: (a: any, b: any) => boolean = Object.is,
): unknown {
  // [snapshot, selection, selector]: the selection is recomputed only for a new snapshot or selector, and
  // an equal selection keeps its old reference, so React sees no change.
  const memo = useRef<[unknown, unknown, unknown]>(undefined);
  const read = (snapshot: unknown) => {
    if (!selector) return snapshot;
    const last = memo.current;
    if (last && last[0] === snapshot && last[2] === selector) return last[1];
    const value = selector(snapshot);
    const selection = last && isEqual(last[1], value) ? last[1] : value;
    memo.current = [snapshot, selection, selector];
    return selection;
  };
  return useSyncExternalStore(
    handle.subscribe,
    () => read(handle.getSnapshot()),
    () => read(handle.contract.initial),
  );
}
