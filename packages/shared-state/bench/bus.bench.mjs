// The bus against zustand 5 (vanilla), nanostores 1, @tanstack/store, rxjs BehaviorSubject and the floor: a
// bare loop over an array of listeners. One process, side by side, built packages, production mode (as the
// apps that ship it run it). Prints a table of medians and PASS/FAIL per target of issue #2.
//   npm run bench -- shared-state      (or: node --expose-gc bench/bus.bench.mjs from packages/shared-state)
process.env.NODE_ENV ??= 'production';

const { bench, do_not_optimize, run } = await import('mitata');
const { connect, defineContract } = await import('@concord/shared-state');
const { createStore } = await import('zustand/vanilla');
const { atom } = await import('nanostores');
const { Store } = await import('@tanstack/store');
const { BehaviorSubject } = await import('rxjs');

const LISTENERS = 1000;
let hits = 0;
// Every contestant gets the same listeners: distinct closures with the same cheap body.
const listener = () => () => {
  hits++;
};
const many = (n) => Array.from({ length: n }, listener);

let page = 0;
/** A fresh bus (own contract name) with 4 slices, the first owned by "app". */
const bus = () => {
  const contract = defineContract({
    name: `bench-${page++}`,
    version: '1.0.0',
    slices: {
      a: { owner: 'app', initial: 0 },
      b: { owner: 'app', initial: 0 },
      c: { owner: 'app', initial: 0 },
      d: { owner: 'app', initial: 0 },
    },
  });
  return connect(contract, { app: 'app' });
};

// ---------------------------------------------------------------------------------------------- fixtures
// 1. A write that changes a slice with 1,000 listeners on it.
const floorListeners = many(LISTENERS);
const floorWrite = (value) => {
  for (let i = 0; i < floorListeners.length; i++) floorListeners[i](value);
};

const concord = bus();
for (const l of many(LISTENERS)) concord.subscribe('a', l);
const zustand = createStore(() => ({ a: 0, b: 0, c: 0, d: 0 }));
for (const l of many(LISTENERS)) zustand.subscribe(l);
const nano = atom(0);
for (const l of many(LISTENERS)) nano.listen(l);
const tanstack = new Store(0);
for (const l of many(LISTENERS)) tanstack.subscribe(l);
const subject = new BehaviorSubject(0);
for (const l of many(LISTENERS)) subject.subscribe(l);

// 2. Unchanged writes, with no listener and with 1,000.
const quiet = bus();

// 3. 100 watchers over 4 slices, 25 each; one slice changes.
const watched = bus();
const watchers = { a: 0, b: 0, c: 0, d: 0 };
for (const slice of ['a', 'b', 'c', 'd'])
  for (let i = 0; i < 25; i++)
    watched.subscribe(slice, () => {
      watchers[slice]++;
    });
const zustandWatched = createStore(() => ({ a: 0, b: 0, c: 0, d: 0 }));
for (const slice of ['a', 'b', 'c', 'd'])
  for (let i = 0; i < 25; i++)
    zustandWatched.subscribe((state, prev) => {
      if (state[slice] !== prev[slice]) watchers[slice]++;
    });

// 4. A subscribe + unsubscribe pair, on a slice that already has 10 listeners.
const pairs = bus();
for (const l of many(10)) pairs.subscribe('a', l);
const zustandPairs = createStore(() => ({ a: 0 }));
for (const l of many(10)) zustandPairs.subscribe(l);
const pairListener = listener();

// ---------------------------------------------------------------------------------------------- benches
let n = 0;
const cases = {
  'write 1k: floor (bare loop)': () => floorWrite(++n),
  'write 1k: concord': () => concord.set('a', ++n),
  'write 1k: zustand': () => zustand.setState({ a: ++n }),
  'write 1k: nanostores': () => nano.set(++n),
  'write 1k: @tanstack/store': () => tanstack.setState(() => ++n),
  'write 1k: rxjs BehaviorSubject': () => subject.next(++n),
  'unchanged, 0 listeners: concord': () => quiet.set('b', 0),
  'unchanged, 1k listeners: concord': () => concord.set('b', 0),
  'unchanged, 1k listeners (same value of the busy slice): concord': () => concord.set('a', n),
  'unchanged, 1k listeners: zustand': () => zustand.setState({ b: 0 }),
  '25 of 100 watchers: concord': () => watched.set('c', ++n),
  '25 of 100 watchers: zustand': () => zustandWatched.setState({ c: ++n }),
  'subscribe+unsubscribe: concord': () => pairs.subscribe('a', pairListener)(),
  'subscribe+unsubscribe: zustand': () => zustandPairs.subscribe(pairListener)(),
};
for (const [name, fn] of Object.entries(cases))
  bench(name, () => {
    do_not_optimize(fn());
  });

// Exactly the 25 watchers of the written slice run, and nobody else.
const countOne = () => {
  for (const slice in watchers) watchers[slice] = 0;
  watched.set('c', ++n);
  return { ...watchers };
};
const counted = countOne();

const { benchmarks } = await run({ format: 'quiet', throw: true });
const p50 = Object.fromEntries(benchmarks.map((b) => [b.alias, b.runs[0].stats.p50]));
const ns = (v) => `${v < 10 ? v.toFixed(2) : v < 1000 ? v.toFixed(1) : v.toFixed(0)} ns`;

console.log(`Node ${process.version}, NODE_ENV=${process.env.NODE_ENV}, medians (p50) per operation\n`);
console.log('| case | median |');
console.log('| --- | ---: |');
for (const name of Object.keys(cases)) console.log(`| ${name} | ${ns(p50[name])} |`);
console.log(
  `\nwatchers run by one write to slice "c": ${JSON.stringify(counted)}; listener calls so far: ${hits}`,
);

const targets = [
  [
    'write with 1,000 listeners ≤ 1.15× the floor',
    p50['write 1k: concord'] / p50['write 1k: floor (bare loop)'],
    (r) => r <= 1.15,
    (r) => `${r.toFixed(3)}×`,
  ],
  [
    'write with 1,000 listeners ≥ 2× faster than zustand',
    p50['write 1k: zustand'] / p50['write 1k: concord'],
    (r) => r >= 2,
    (r) => `${r.toFixed(2)}× faster`,
  ],
  [
    'unchanged write ≤ 15 ns, whatever the number of listeners',
    Math.max(
      p50['unchanged, 0 listeners: concord'],
      p50['unchanged, 1k listeners: concord'],
      p50['unchanged, 1k listeners (same value of the busy slice): concord'],
    ),
    (v) => v <= 15,
    ns,
  ],
  [
    '100 watchers over 4 slices: exactly the 25 of the written slice run',
    counted.c === 25 && counted.a + counted.b + counted.d === 0 ? 25 : -1,
    (v) => v === 25,
    () => `${counted.c} ran, ${counted.a + counted.b + counted.d} others`,
  ],
  ['100 watchers over 4 slices: ≤ 300 ns per write', p50['25 of 100 watchers: concord'], (v) => v <= 300, ns],
  [
    'subscribe + unsubscribe no slower than zustand',
    p50['subscribe+unsubscribe: concord'] / p50['subscribe+unsubscribe: zustand'],
    (r) => r <= 1,
    (r) =>
      `${ns(p50['subscribe+unsubscribe: concord'])} vs ${ns(p50['subscribe+unsubscribe: zustand'])} (${r.toFixed(2)}×)`,
  ],
];
console.log('\n| target | measured | result |');
console.log('| --- | --- | --- |');
let failed = 0;
for (const [name, value, ok, show] of targets) {
  const pass = ok(value);
  if (!pass) failed++;
  console.log(`| ${name} | ${show(value)} | ${pass ? 'PASS' : 'FAIL'} |`);
}
console.log(`\n${targets.length - failed} PASS, ${failed} FAIL`);
