// A size floor, not a product: the smallest core this team could write that keeps what issue #2 requires of
// `defineContract` + `connect` + get/set/subscribe in production (coded errors, the page-wide registry with
// its protocol check, one bus per contract joined by compatible versions, owner / schema / async schema /
// version / forbidden-key checks, per-slice listener lists, listener isolation, re-entrant writes, removal
// during a notification, tracing). It drops everything the shipped core keeps for people (events, select,
// dispose, inspect, the observable, frozen contracts) and is written for the minifier, not for reading.
// It is NOT tested for behaviour: it can only be smaller than a correct core, which is the point.
// size-floor.bench.mjs measures it whole and with each required behaviour switched off (`__OFF_<NAME>__`,
// replaced at bundle time, so the minifier removes the code behind it).
// biome-ignore-all lint/suspicious/noAssignInExpressions: written for the minifier: every byte is the point.
export class ConcordError extends Error {
  name = 'ConcordError';
  constructor(code, message, details) {
    super(`[concord] ${code} ${message}See docs/diagnostics.md#${code.toLowerCase()}`);
    this.code = code;
    this.details = details;
  }
}
const fail = __OFF_ERROR_CLASS__
  ? (code, _, details) => Object.assign(Error(code), { code, details })
  : (code, message, details) => new ConcordError(code, message ? `${message} ` : '', details);

const FORBIDDEN = ['__proto__', 'constructor', 'prototype'];
const forbidden = (value, seen) => {
  if (value && typeof value === 'object' && !(seen ??= new Set()).has(value)) {
    seen.add(value);
    for (const key in value) if (FORBIDDEN.includes(key) || forbidden(value[key], seen)) return 1;
  }
};
const check = (schema, value) => {
  if (!__OFF_FORBIDDEN_KEYS__ && forbidden(value)) throw fail('CONCORD-307');
  if (__OFF_SCHEMA__ || !schema) return value;
  const result = schema['~standard'].validate(value);
  if (result.then) throw fail('CONCORD-305');
  if (result.issues) throw fail('CONCORD-304', 0, result.issues);
  return result.value;
};
const major = (version) => /^(0\.)?\d+/.exec(version)?.[0];
const noop = () => {};

function createBus({ version }) {
  const slices = Object.create(null);
  const all = [];
  const tracers = [];
  const pending = [];
  const dirty = [];
  let depth = 0;
  let flushing = false;
  let snapshot;
  const compact = (list) => {
    for (let i = list.length - 2; i >= 0; i -= 2) if (list[i] === noop) list.splice(i, 2);
  };
  const call = (list, a, b) => {
    const n = list.length;
    depth++;
    if (__OFF_ISOLATION__) for (let i = 0; i < n; i += 2) list[i](a, b);
    else
      for (let i = 0; i < n; i += 2)
        try {
          for (; i < n; i += 2) list[i](a, b);
        } catch (error) {
          const reported = fail('CONCORD-309', 0, error);
          try {
            (list[i + 1].e ?? console.error)(reported);
          } catch {
            console.error(reported);
          }
        }
    if (!--depth && !__OFF_REMOVAL_DURING_NOTIFY__) for (let list; (list = dirty.pop()); ) compact(list);
  };
  const drop = (list, i) => {
    if (__OFF_REMOVAL_DURING_NOTIFY__) return list.splice(i, 2);
    list[i] = list[i + 1] = noop;
    depth ? dirty.push(list) : compact(list);
  };
  const get = (name) => {
    const slice = slices[name];
    if (!slice) throw fail('CONCORD-308');
    return slice;
  };
  const snap = () => {
    if (!snapshot) {
      snapshot = {};
      for (const name in slices) snapshot[name] = slices[name].v;
    }
    return snapshot;
  };
  const notify = (slice) => {
    snapshot = undefined;
    if (__OFF_REENTRANT_WRITES__) {
      call(slice.l, slice.v);
      return call(all, snap());
    }
    if (flushing) return pending.includes(slice) || pending.push(slice);
    flushing = true;
    for (let next = slice; next; next = pending.shift()) {
      for (; next; next = pending.shift()) {
        const { v, s } = next;
        if (!Object.is(v, s)) {
          next.s = v;
          call(next.l, v, s);
        }
      }
      if (all.length) call(all, snap());
    }
    flushing = false;
  };
  return {
    a: all,
    t: tracers,
    get,
    snap,
    add(list, fn, app, onError) {
      const sub = { a: app, e: onError };
      list.push(fn, sub);
      return () => {
        for (let i = list.length - 1; i > 0; i -= 2) if (list[i] === sub) return drop(list, i - 1);
      };
    },
    join({ version: joining, slices: specs }) {
      if (
        (!__OFF_JOIN_OF_OTHER_VERSIONS__ &&
          Object.keys(specs).find((name) => slices[name] && slices[name].o !== specs[name].owner)) ||
        major(joining) !== major(version)
      )
        throw fail('CONCORD-302');
      for (const name in specs)
        if (!slices[name]) {
          const { owner, schema, initial } = specs[name];
          slices[name] = { l: [], o: owner, c: schema, v: initial, s: initial, n: 0 };
          snapshot = undefined;
        }
    },
    set(app, name, value, options) {
      const slice = get(name);
      const { o: owner, v: prev, n } = slice;
      if (owner !== app) throw fail('CONCORD-303');
      const next = typeof value === 'function' ? value(prev) : value;
      if (!__OFF_VERSION_OPTION__ && options?.version !== undefined && options.version !== n)
        throw fail('CONCORD-306');
      const changed = !Object.is(next, prev);
      const stored = changed ? check(slice.c, next) : prev;
      if (!__OFF_TRACING__ && tracers.length) call(tracers, [app, name, prev, stored, n + +changed, changed]);
      if (changed) {
        slice.v = stored;
        slice.n++;
        notify(slice);
      }
    },
  };
}

const KEY = Symbol.for('concord.shared-state');
const self = { version: '0.1.0', protocol: 1 };
const registry = () => {
  const found = (globalThis[KEY] ??= { protocol: 1, copies: [], buses: Object.create(null) });
  if (!found.copies.includes(self)) found.copies.push(self);
  return found;
};

export function connect(contract, { app, onError, onTrace }) {
  const page = registry();
  if (page.protocol !== 1) throw fail('CONCORD-301');
  const bus = (page.buses[contract.name] ??= createBus(contract));
  bus.join(contract);
  if (!__OFF_TRACING__ && onTrace) bus.add(bus.t, onTrace, app, onError);
  return {
    app,
    contract,
    get: (name) => bus.get(name).v,
    getSnapshot: bus.snap,
    set: (name, value, options) => bus.set(app, name, value, options),
    subscribe: (a, b) =>
      typeof a === 'function' ? bus.add(bus.a, a, app, onError) : bus.add(bus.get(a).l, b, app, onError),
  };
}

/* @__NO_SIDE_EFFECTS__ */
export function defineContract(definition) {
  const initial = {};
  for (const name in definition.slices) initial[name] = definition.slices[name].initial;
  return { ...definition, events: definition.events ?? {}, initial };
}
