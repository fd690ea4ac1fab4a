// A fingerprint of every builtin prototype (and constructor), so a test that leaves one changed fails: a
// polluted `Object.prototype` would make later tests (and the code under test) pass or fail for the wrong
// reason. Used by test/setup/builtin-prototypes.ts after every test; tested in test/builtins.test.ts.
const BUILTINS: Record<string, unknown> = {
  Object,
  Function,
  Array,
  String,
  Number,
  Boolean,
  Symbol,
  BigInt,
  Date,
  RegExp,
  Error,
  TypeError,
  Map,
  Set,
  WeakMap,
  WeakSet,
  Promise,
  ArrayBuffer,
  DataView,
  Uint8Array,
  Int32Array,
  Float64Array,
  // The prototype all typed arrays share.
  TypedArray: Object.getPrototypeOf(Uint8Array),
  Iterator: Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]())).constructor,
  BroadcastChannel: globalThis.BroadcastChannel,
  EventTarget: globalThis.EventTarget,
  Blob: globalThis.Blob,
};

type Fingerprint = Map<string, unknown>;

const describe = (target: object, label: string, into: Fingerprint) => {
  into.set(`${label} [[Prototype]]`, Object.getPrototypeOf(target));
  into.set(`${label} [[Extensible]]`, Object.isExtensible(target));
  for (const key of Reflect.ownKeys(target)) {
    const d = Object.getOwnPropertyDescriptor(target, key)!;
    const at = `${label}.${String(key)}`;
    into.set(at, [d.value, d.get, d.set, d.writable, d.enumerable, d.configurable]);
  }
};

/** Every own property (with its descriptor's parts) of each builtin constructor and prototype. */
export const fingerprint = (): Fingerprint => {
  const into: Fingerprint = new Map();
  // Each object once, under its first name (in Node 20 the iterator prototype's constructor is Object).
  const seen = new Set<unknown>();
  const once = (target: object, label: string) => {
    if (!seen.has(target)) describe(target, label, into);
    seen.add(target);
  };
  for (const [name, ctor] of Object.entries(BUILTINS)) {
    if (typeof ctor !== 'function') continue;
    once(ctor, name);
    if (ctor.prototype) once(ctor.prototype, `${name}.prototype`);
  }
  return into;
};

/** What differs between two fingerprints: added, removed or changed properties, e.g. `Object.prototype.x`. */
export const changes = (before: Fingerprint, after: Fingerprint): string[] => {
  const out: string[] = [];
  for (const [key, value] of after) {
    if (!before.has(key)) out.push(`${key} (added)`);
    else {
      const was = before.get(key);
      const same = Array.isArray(value)
        ? (was as unknown[]).every((part, i) => Object.is(part, (value as unknown[])[i]))
        : Object.is(was, value);
      if (!same) out.push(`${key} (changed)`);
    }
  }
  for (const key of before.keys()) if (!after.has(key)) out.push(`${key} (removed)`);
  return out;
};
