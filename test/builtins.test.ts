// The suite-wide check of test/setup/builtin-prototypes.ts can fail: it sees a property added to, changed on or removed from a
// builtin prototype, and nothing otherwise.
import { describe, expect, it } from 'vitest';
import { changes, fingerprint } from './setup/builtins';

describe('the builtin-prototype check run after every test', () => {
  it('sees nothing when nothing changed', () => {
    expect(changes(fingerprint(), fingerprint())).toEqual([]);
  });

  it.each([
    ['Object.prototype', () => Object.prototype],
    ['Array.prototype', () => Array.prototype],
    ['Function.prototype', () => Function.prototype],
    ['Map.prototype', () => Map.prototype],
  ])('sees a property added to %s, and the same property changed', (label, target) => {
    const before = fingerprint();
    const proto = target() as Record<string, unknown>;
    try {
      proto.polluted = 1;
      expect(changes(before, fingerprint())).toEqual([`${label}.polluted (added)`]);
      const withIt = fingerprint();
      proto.polluted = 2;
      expect(changes(withIt, fingerprint())).toEqual([`${label}.polluted (changed)`]);
    } finally {
      delete proto.polluted;
    }
    expect(changes(before, fingerprint())).toEqual([]);
  });

  it('sees a replaced builtin method and a changed prototype chain', () => {
    const before = fingerprint();
    const original = Object.prototype.toString;
    const proto = Object.getPrototypeOf(Uint8Array.prototype);
    try {
      Object.prototype.toString = () => 'x';
      Object.setPrototypeOf(Uint8Array.prototype, Object.prototype);
      expect(changes(before, fingerprint())).toEqual([
        'Object.prototype.toString (changed)',
        'Uint8Array.prototype [[Prototype]] (changed)',
      ]);
    } finally {
      Object.prototype.toString = original;
      Object.setPrototypeOf(Uint8Array.prototype, proto);
    }
  });
});
