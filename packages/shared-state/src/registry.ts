// The page-wide registry: `globalThis[Symbol.for('concord.shared-state')]`. Every copy of the library on the
// page (shared through Module Federation or bundled privately by a remote) finds the same object, so they
// all join ONE bus per contract name instead of forking private state.
//
// The registry protocol is what copies must agree on: `protocol` and `copies` keep their shape forever (an
// incompatible copy still lists itself there), and `buses[name].connect` is the whole bus interface.
import { type BusLink, createBus } from './bus';
import { type ConcordError, DEV, fail } from './errors';
import type { AnyContract, ConnectOptions, CopyInfo, EventsOf, Handle, SlicesOf } from './types';
import { dict } from './validate';

/** The registry protocol this copy speaks; it changes only with an incompatible registry or bus shape. */
export const PROTOCOL = 1;
/** This copy's package version (test/version.test.ts keeps it equal to package.json). */
export const VERSION = '0.1.0';

export interface Registry {
  protocol: number;
  copies: CopyInfo[];
  buses: Record<string, BusLink>;
  /** Cross-tab bridges of the `./broadcast` adapter, one per channel name (added in 0.1, optional). */
  bridges?: Record<string, { refs: number; stop: () => void }>;
}

const KEY = Symbol.for('concord.shared-state');
const self: CopyInfo = { version: VERSION, protocol: PROTOCOL };

/** The page's registry, created on first use; lists this copy among the page's copies. */
export const getRegistry = (): Registry => {
  // biome-ignore lint/suspicious/noAssignInExpressions: the shortest form (this file is in the core budget).
  const registry = ((globalThis as unknown as Record<symbol, Registry>)[KEY] ??= {
    protocol: PROTOCOL,
    copies: [],
    buses: dict(),
  });
  if (!registry.copies.includes(self)) registry.copies.push(self);
  return registry;
};

/**
 * Connects an app to the page-wide bus of a contract, creating the bus on first use.
 * Throws CONCORD-301 when a copy of the library with another registry protocol created the registry, and
 * CONCORD-302 when the bus runs another major of the contract: the page never forks a second state.
 * @example const cart = connect(shop, { app: 'cart' });
 */
export function connect<C extends AnyContract>(
  contract: C,
  options: ConnectOptions,
): Handle<SlicesOf<C>, EventsOf<C>> {
  if (DEV && (typeof options?.app !== 'string' || !options.app))
    throw fail(
      310,
      `connect: \`app\` must be the name of the connecting app (a slice owner or a reader), got ${JSON.stringify(options?.app)}; it was not connected. Pass \`{ app: 'cart' }\`.`,
    );
  let registry: Registry | undefined;
  try {
    registry = getRegistry();
    if (registry.protocol !== PROTOCOL) throw 0;
    // biome-ignore lint/suspicious/noAssignInExpressions: the shortest form (this file is in the core budget).
    return (registry.buses[contract.name] ??= createBus(contract, registry.copies)).connect(
      contract,
      options,
    ) as Handle<SlicesOf<C>, EventsOf<C>>;
  } catch (error) {
    // The bus's own refusals pass through; anything else means the registry is not one this copy can use.
    if ((error as ConcordError)?.name === 'ConcordError') throw error;
    throw fail(
      301,
      DEV &&
        (error === 0
          ? `"${options.app}" loaded @concord/shared-state ${VERSION} (registry protocol ${PROTOCOL}), but the page's registry speaks protocol ${registry!.protocol} (copies: ${String(registry!.copies?.map?.((c) => c.version))}); this app was not connected, so the page keeps one state. Share @concord/shared-state as a singleton, or install one major of it in every app.`
          : `"${options.app}" found the page's registry (globalThis[Symbol.for('concord.shared-state')]) damaged: reading or using it threw (\`details\`); this app was not connected. Leave the registry to @concord/shared-state.`),
      error,
    );
  }
}
