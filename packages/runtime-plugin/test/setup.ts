// Runs around every test of this package (vitest.workspace.ts loads test/setup.ts of any package that has
// one): a test that leaves a builtin prototype changed — a `__proto__` key from JSON options or a hostile
// beacon named `constructor` gone wrong — fails, naming the property.
import { afterEach, beforeEach, expect } from 'vitest';

const PROTOTYPES: Record<string, object> = {
  Object: Object.prototype,
  Array: Array.prototype,
  Function: Function.prototype,
  String: String.prototype,
  Map: Map.prototype,
  Set: Set.prototype,
  WeakMap: WeakMap.prototype,
  Promise: Promise.prototype,
  Error: Error.prototype,
};

const fingerprint = () => {
  const out = new Map<string, unknown>();
  for (const [name, proto] of Object.entries(PROTOTYPES)) {
    out.set(`${name}.prototype [[Prototype]]`, Object.getPrototypeOf(proto));
    for (const key of Reflect.ownKeys(proto)) {
      const d = Object.getOwnPropertyDescriptor(proto, key)!;
      out.set(`${name}.prototype.${String(key)}`, [d.value, d.get, d.set] as const);
    }
  }
  return out;
};

let before = fingerprint();
beforeEach(() => {
  before = fingerprint();
});
afterEach(() => {
  const after = fingerprint();
  const same = (a: unknown, b: unknown) =>
    Array.isArray(a) && Array.isArray(b) ? a.every((x, i) => Object.is(x, b[i])) : Object.is(a, b);
  const changed = [...new Set([...before.keys(), ...after.keys()])].filter(
    (k) => before.has(k) !== after.has(k) || !same(before.get(k), after.get(k)),
  );
  // Remove what was added, so one polluting test does not fail every later one.
  for (const [name, proto] of Object.entries(PROTOTYPES))
    for (const key of Reflect.ownKeys(proto))
      if (!before.has(`${name}.prototype.${String(key)}`))
        delete (proto as Record<PropertyKey, unknown>)[key];
  expect(changed, 'builtin prototypes changed by this test').toEqual([]);
});
