// The hostile page inputs of test/hostile.test.ts: each puts something on the page and says which code it
// must add (or none), and returns a check that the hostile thing itself was left as it was.
import { getInstances } from '@concord/runtime-plugin';
import { expect } from 'vitest';

// biome-ignore lint/suspicious/noExplicitAny: fault injection into untyped globals
export const G = globalThis as any;
export const REGISTRY = Symbol.for('concord.registry');
export const BEACONS = Symbol.for('concord.beacons');
const boom = () => {
  throw new Error('boom');
};
/** A property of globalThis, configurable so that the next page can delete it. */
const define = (key: PropertyKey, d: PropertyDescriptor) =>
  Object.defineProperty(globalThis, key, { configurable: true, ...d });
const thrower = new Proxy({}, { get: boom, has: boom, ownKeys: boom, getPrototypeOf: boom });
const record = (over: Record<string, unknown> = {}) => ({
  package: 'zustand',
  version: '5.1.0',
  app: 'host',
  bundler: 'vite',
  ...over,
});

export interface Case {
  /** Puts the hostile thing on the page; returns a check that it was left as it was. */
  inject: () => (() => void) | undefined;
  /** The codes (with the package or the fault's place) the case must add, and nothing else. */
  adds: string[];
  /** Beacons cannot register: the findings only beacons give are missing, and nothing else changes. */
  blind?: boolean;
}

export const CASES: Record<string, Case> = {
  'a number under the registry key': {
    inject: () => {
      G[REGISTRY] = 42;
      return () => expect(G[REGISTRY]).toBe(42);
    },
    adds: ['CONCORD-209'],
  },
  'a string under the registry key': {
    inject: () => {
      G[REGISTRY] = 'registry';
      return () => expect(G[REGISTRY]).toBe('registry');
    },
    adds: ['CONCORD-209'],
  },
  'null under the registry key': {
    inject: () => {
      G[REGISTRY] = null;
      return () => expect(G[REGISTRY]).toBeNull();
    },
    adds: ['CONCORD-209'],
  },
  'a registry of another shape (an older Concord: arrays instead of Maps)': {
    inject: () => {
      const other = { version: '0.0.9', diagnostics: [], containers: {}, listeners: [] };
      G[REGISTRY] = other;
      const before = JSON.stringify(other);
      return () => expect(JSON.stringify(G[REGISTRY])).toBe(before);
    },
    adds: ['CONCORD-209'],
  },
  'a registry of another shape (Maps, but no watch set)': {
    inject: () => {
      const other = { version: '9.0.0', diagnostics: new Map(), containers: new Map(), listeners: new Set() };
      G[REGISTRY] = other;
      return () => {
        expect(G[REGISTRY]).toBe(other);
        expect([other.diagnostics.size, other.containers.size, other.listeners.size]).toEqual([0, 0, 0]);
      };
    },
    adds: ['CONCORD-209'],
  },
  'a frozen registry of another shape': {
    inject: () => {
      G[REGISTRY] = Object.freeze({ version: '0.0.1' });
      return () => expect(Object.isFrozen(G[REGISTRY])).toBe(true);
    },
    adds: ['CONCORD-209'],
  },
  'a registry key whose getter throws': {
    inject: () => {
      define(REGISTRY, { get: boom });
      return () => expect(() => G[REGISTRY]).toThrow('boom');
    },
    adds: ['CONCORD-209'],
  },
  'a read-only, empty registry key': {
    inject: () => {
      define(REGISTRY, { value: undefined, writable: false });
      return () => expect(Object.getOwnPropertyDescriptor(globalThis, REGISTRY)?.writable).toBe(false);
    },
    adds: ['CONCORD-209'],
  },
  'a registry key whose setter throws': {
    inject: () => {
      define(REGISTRY, { get: () => undefined, set: boom });
      return undefined;
    },
    adds: ['CONCORD-209'],
  },
  'a proxy that throws on every trap under the registry key': {
    inject: () => {
      G[REGISTRY] = thrower;
      return () => expect(G[REGISTRY]).toBe(thrower);
    },
    adds: ['CONCORD-209'],
  },
  'a frozen, empty beacon array': {
    inject: () => {
      const a = Object.freeze([]);
      G[BEACONS] = a;
      return () => expect([G[BEACONS], a.length, Object.isFrozen(a)]).toEqual([a, 0, true]);
    },
    adds: ['CONCORD-207 beacons'],
    blind: true,
  },
  'a frozen beacon array holding a record': {
    inject: () => {
      const a = Object.freeze([Object.freeze(record())]);
      G[BEACONS] = a;
      return () => expect(G[BEACONS]).toEqual([record()]);
    },
    adds: ['CONCORD-207 beacons'],
    blind: true,
  },
  'a sealed beacon array': {
    inject: () => {
      G[BEACONS] = Object.seal([]);
      return () => expect(Object.isSealed(G[BEACONS])).toBe(true);
    },
    adds: ['CONCORD-207 beacons'],
    blind: true,
  },
  'a beacon key whose getter throws': {
    inject: () => {
      define(BEACONS, { get: boom });
      return () => expect(() => G[BEACONS]).toThrow('boom');
    },
    adds: ['CONCORD-207 beacons'],
    blind: true,
  },
  'a read-only beacon key holding a number': {
    inject: () => {
      define(BEACONS, { value: 42, writable: false });
      return () => expect(G[BEACONS]).toBe(42);
    },
    adds: ['CONCORD-207 beacons'],
    blind: true,
  },
  'garbage beacon records (null, numbers, strings, wrong types)': {
    inject: () => {
      G[BEACONS] = [
        null,
        42,
        'zustand',
        { package: 1 },
        record({ version: 2 }),
        record({ app: undefined }),
        [],
      ];
      return undefined;
    },
    adds: [],
  },
  'beacon records whose getters throw': {
    inject: () => {
      G[BEACONS] = [Object.defineProperty({}, 'package', { get: boom, enumerable: true })];
      return undefined;
    },
    adds: [],
  },
  'a beacon record that is a proxy throwing on every trap': {
    inject: () => {
      G[BEACONS] = [thrower];
      return undefined;
    },
    adds: [],
  },
  'a beacon record whose fields change between reads': {
    inject: () => {
      let n = 0;
      G[BEACONS] = [
        Object.defineProperty(record({ app: 'cart' }), 'package', {
          get: () => (n++ % 2 ? { not: 'a string' } : 'jotai'),
          enumerable: true,
        }),
      ];
      return undefined;
    },
    adds: [],
  },
  '10,000 garbage beacon records': {
    inject: () => {
      G[BEACONS] = Array.from({ length: 10_000 }, (_, i) => ({ package: i, version: null }));
      return () => expect(G[BEACONS].length).toBeGreaterThanOrEqual(10_000);
    },
    adds: [],
  },
  'beacons named like Object.prototype members from an app nobody runs': {
    inject: () => {
      G[BEACONS] = [
        record({ package: '__proto__', app: 'toString', bundler: 'webpack' }),
        record({ package: 'constructor', app: 'toString', bundler: 'webpack' }),
      ];
      return () =>
        expect(getInstances()).toEqual(expect.objectContaining({ constructor: expect.any(Array) }));
    },
    // An app with copies on the page but no federation instance: a webpack built-in container.
    adds: ['CONCORD-210'],
  },
  'a copy from a webpack built-in container (beacons, no runtime instance)': {
    inject: () => {
      G[BEACONS] = [record({ package: 'mobx', version: '6.13.0', app: 'legacy', bundler: 'webpack' })];
      return undefined;
    },
    adds: ['CONCORD-210'],
  },
  'a read-only foreign __CONCORD__': {
    inject: () => {
      const foreign = Object.freeze({ getDiagnostics: () => [] });
      define('__CONCORD__', { value: foreign, writable: false });
      return () => expect(G.__CONCORD__).toBe(foreign);
    },
    adds: [],
  },
  'a __CONCORD__ whose getter throws': {
    inject: () => {
      define('__CONCORD__', { get: boom });
      return () => expect(() => G.__CONCORD__).toThrow('boom');
    },
    adds: ['CONCORD-207 __CONCORD__'],
  },
  'a read-only, empty __CONCORD__': {
    inject: () => {
      define('__CONCORD__', { value: undefined, writable: false });
      return () => expect(G.__CONCORD__).toBeUndefined();
    },
    adds: ['CONCORD-207 __CONCORD__'],
  },
  'a share-scope slot whose getter throws': {
    inject: () => {
      G.__FEDERATION__.__SHARE__.ghost = {
        default: { zustand: Object.defineProperty({}, '9.9.9', { get: boom, enumerable: true }) },
      };
      return undefined;
    },
    adds: ['CONCORD-207 share scope'],
  },
  'an instance of a runtime older than 2.6 on the page': {
    inject: () => {
      G.__FEDERATION__.__INSTANCES__.push({
        name: 'fossil',
        version: '2.4.0',
        options: { name: 'fossil', shared: {} },
      });
      return undefined;
    },
    adds: ['CONCORD-210'],
  },
  'an instance whose options throw on read': {
    inject: () => {
      G.__FEDERATION__.__INSTANCES__.push({
        name: 'ghost',
        options: Object.defineProperty({ name: 'ghost' }, 'shared', { get: boom, enumerable: true }),
      });
      return undefined;
    },
    adds: ['CONCORD-207 instance options'],
  },
};
