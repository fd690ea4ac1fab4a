// Vue adapter: a composable over a shallowRef, unsubscribed by onScopeDispose (component unmount or
// effectScope.stop()).
import { getCurrentScope, onScopeDispose, type Ref, shallowRef } from 'vue';
import type { AnyHandle, Handle, Snapshot } from './types';

/** The whole snapshot as a read-only ref. */
export function useShared<S, E>(handle: Handle<S, E>): Readonly<Ref<Snapshot<S>>>;
/**
 * A selection of the snapshot as a read-only ref, updated only when it changes by `isEqual`.
 * Outside a component or effect scope nothing unsubscribes it but `handle.dispose()`.
 * @example const theme = useShared(shop, (s) => s.theme);
 */
export function useShared<S, E, T>(
  handle: Handle<S, E>,
  selector: (snapshot: Snapshot<S>) => T,
  isEqual?: (a: T, b: T) => boolean,
): Readonly<Ref<T>>;
export function useShared(
  handle: AnyHandle,
  // biome-ignore lint/suspicious/noExplicitAny: the overloads above type the selector.
  selector: (snapshot: any) => unknown = (snapshot) => snapshot,
  // biome-ignore lint/suspicious/noExplicitAny: the overloads above type the comparison.
  isEqual?: (a: any, b: any) => boolean,
): Readonly<Ref<unknown>> {
  const ref = shallowRef(selector(handle.getSnapshot()));
  const off = handle.select(
    selector,
    (value) => {
      ref.value = value;
    },
    isEqual,
  );
  if (getCurrentScope()) onScopeDispose(off);
  return ref;
}
