// Runs around every test of every project (vitest.workspace.ts loads it for each): a test that leaves
// Object.prototype or any other builtin prototype changed fails, naming what.
import { afterEach, beforeEach, expect } from 'vitest';
import { changes, fingerprint } from './builtins';

let before = fingerprint();
beforeEach(() => {
  before = fingerprint();
});
afterEach(() => {
  const changed = changes(before, fingerprint());
  // Restore what can be restored so one polluting test does not fail every later one.
  for (const entry of changed) {
    const [, owner, key] = /^(.*\.prototype|\w+)\.(.+) \(added\)$/.exec(entry) ?? [];
    if (owner && key) {
      const target = owner
        .split('.')
        .reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], globalThis);
      if (target) delete (target as Record<string, unknown>)[key];
    }
  }
  expect(changed, 'builtin prototypes changed by this test').toEqual([]);
});
