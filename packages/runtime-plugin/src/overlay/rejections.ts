// Rejected writes. @concord/shared-state throws them to the writer (CONCORD-303 not the owner, 304 schema,
// 306 stale version, 307 forbidden key, 308 unknown slice …) and reports them nowhere else, and its core
// has no byte to spare for a hook. The panel sees them through the registry protocol instead
// (`globalThis[Symbol.for('concord.shared-state')].buses[name].connect` is the whole bus interface): from
// the moment the overlay mounts, every bus's `connect` is wrapped so that the `set` of each handle it returns
// notes the code of a ConcordError it throws — with the slice and the writing app, never the value — and
// rethrows the same error. The app sees exactly what it would without the panel.
//
// Mounted before the page's first `connect` (the runtime plugin is registered at federation init, before
// any shared module loads), it sees every handle; a handle connected before it mounted is not wrapped.

// biome-ignore lint/suspicious/noExplicitAny: boundary with a foreign library copy of any version
type Any = any;

/** A rejected write as the panel records it. */
export interface Rejection {
  /** `Date.now()` when the write was rejected. */
  at: number;
  app: string;
  slice: string;
  /** `CONCORD-3xx`. */
  code: string;
}

const REGISTRY = Symbol.for('concord.shared-state');
/** Where the wrapped handles report: the mounted overlay's recorder, whichever copy of it wrapped them. */
const SINK = Symbol.for('concord.overlay.rejections');
const HOOKED = Symbol.for('concord.overlay.hooked');
const G = globalThis as Any;

const mark = (o: Any) => Object.defineProperty(o, HOOKED, { value: true });

// Never throws: it runs inside the library's own `connect` (the registry's setter, the buses' `set` trap),
// and a bus or handle it cannot wrap (frozen, foreign) only goes unrecorded.
function wrapBus(name: string, link: Any): void {
  try {
    if (!link || typeof link !== 'object' || link[HOOKED] || typeof link.connect !== 'function') return;
    const connect = link.connect;
    link.connect = function (this: Any, ...args: Any[]) {
      const handle = connect.apply(this, args);
      const app = String(args[1]?.app);
      const set = handle?.set;
      if (typeof set === 'function')
        try {
          handle.set = function (this: Any, ...write: Any[]) {
            try {
              return set.apply(this, write);
            } catch (error) {
              const code = (error as Any)?.code;
              if (typeof code === 'string' && /^CONCORD-3\d\d$/.test(code))
                try {
                  G[SINK]?.(name, { at: Date.now(), app, slice: String(write[0]), code });
                } catch {
                  // The panel's trouble never changes what the writer sees.
                }
              throw error;
            }
          };
        } catch {
          // A frozen handle: its rejections go unrecorded.
        }
      return handle;
    };
    mark(link);
  } catch {
    // A frozen bus: its rejections go unrecorded.
  }
}

function hookRegistry(registry: Any): void {
  try {
    const buses = registry?.buses;
    if (!buses || typeof buses !== 'object' || buses[HOOKED]) return;
    for (const name in buses) wrapBus(name, buses[name]);
    // The bus the registry stores is the object `connect` is then called on (`(buses[n] ??= bus).connect`),
    // so wrapping it on assignment catches the first handle of every bus too.
    registry.buses = mark(
      new Proxy(buses, {
        set(target, key, value) {
          if (typeof key === 'string') wrapBus(key, value);
          return Reflect.set(target, key, value);
        },
      }),
    );
  } catch {
    // A registry that cannot be hooked (frozen, foreign): the timeline shows accepted writes only.
  }
}

/**
 * Records the page's rejected writes into `record` until the returned function is called. Creates no
 * registry: when none exists yet, the first copy of @concord/shared-state that creates one is hooked as it
 * stores it.
 */
export function watchRejections(record: (bus: string, rejection: Rejection) => void): () => void {
  G[SINK] = record;
  // Until a registry exists: stores it as the plain property an assignment would have made, hooked.
  const set = (registry: Any) => {
    Object.defineProperty(G, REGISTRY, {
      value: registry,
      writable: true,
      configurable: true,
      enumerable: true,
    });
    hookRegistry(registry);
  };
  try {
    if (G[REGISTRY]) hookRegistry(G[REGISTRY]);
    else Object.defineProperty(G, REGISTRY, { configurable: true, get: () => undefined, set });
  } catch {
    // A global that cannot take the property (a frozen globalThis): accepted writes only.
  }
  return () => {
    if (G[SINK] === record) G[SINK] = undefined;
    // Leaves the page as it found it when no registry came.
    if (Object.getOwnPropertyDescriptor(G, REGISTRY)?.set === set) delete G[REGISTRY];
  };
}
