// The bus against zustand 5 (vanilla), nanostores 1, @tanstack/store, rxjs BehaviorSubject and the floor: a
// bare loop over an array of listeners. One process, side by side, built packages, production mode (as the
// apps that ship it run it). Prints a table of medians and PASS/FAIL per target of issue #2.
//   npm run bench -- shared-state      (or: node --expose-gc bench/bus.bench.mjs from packages/shared-state)
//
// Fairness notes.
// - Every contestant gets the same listeners (closures from one factory, with the same cheap body).
// - The floor is ONE generic function, `bareLoop(listeners, value)`, used for the 1,000 listeners and for 25
//   watchers, as every store's notification loop serves every kind of listener.
// - Two regimes, measured in this order because V8 cannot go back from the second to the first:
//   "one listener kind": every notification loop has only ever called the 1,000 identical listeners, so V8
//   inlines them and a loop's own overhead shows; "mixed listeners": the loops have also called the
//   watchers, as on any real page, so each call is a real call and costs the same everywhere.
// - Counters and written values stay small integers: past 2^30 V8 boxes them and every call allocates.
process.env.NODE_ENV ??= 'production';

const { bench, do_not_optimize, run } = await import('mitata');
const { connect, defineContract } = await import('@concord/shared-state');
const { createStore } = await import('zustand/vanilla');
const { atom } = await import('nanostores');
const { Store } = await import('@tanstack/store');
const { BehaviorSubject } = await import('rxjs');
const { cpus, loadavg } = await import('node:os');

const LISTENERS = 1000;
let hits = 0;
const listener = () => () => {
  hits = (hits + 1) & 0xffffff;
};
const many = (n) => Array.from({ length: n }, listener);
const watchers = { a: 0, b: 0, c: 0, d: 0 };
const watcher = (slice) => () => {
  watchers[slice] = (watchers[slice] + 1) & 0xffffff;
};
let n = 0;
const next = () => {
  n = (n + 1) & 0xffff;
  return n;
};

let page = 0;
/** A fresh bus (own contract name) with 4 slices owned by "app". */
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
const bareLoop = (listeners, value) => {
  for (let i = 0, count = listeners.length; i < count; i++) listeners[i](value);
};

// 1. A write that changes a slice with 1,000 listeners on it.
const floorListeners = many(LISTENERS);
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

// 2. Unchanged writes, with no listener and with 1,000 (`concord` above).
const quiet = bus();

// 3. 100 watchers over 4 slices, 25 each; one slice changes.
const watched = bus();
for (const slice of ['a', 'b', 'c', 'd'])
  for (let i = 0; i < 25; i++) watched.subscribe(slice, watcher(slice));
const zustandWatched = createStore(() => ({ a: 0, b: 0, c: 0, d: 0 }));
for (const slice of ['a', 'b', 'c', 'd'])
  for (let i = 0; i < 25; i++) {
    const count = watcher(slice);
    zustandWatched.subscribe((state, prev) => {
      if (state[slice] !== prev[slice]) count();
    });
  }
const floorWatchers = Array.from({ length: 25 }, () => watcher('c'));

// 4. A subscribe + unsubscribe pair, on a slice that already has 10 listeners.
const pairs = bus();
for (const l of many(10)) pairs.subscribe('a', l);
const zustandPairs = createStore(() => ({ a: 0 }));
for (const l of many(10)) zustandPairs.subscribe(l);
const pairListener = listener();

// ---------------------------------------------------------------------------------------------- benches
const cases = {
  'write 1k: floor (bare loop)': () => bareLoop(floorListeners, next()),
  'write 1k: concord': () => concord.set('a', next()),
  'write 1k: zustand': () => zustand.setState({ a: next() }),
  'write 1k: nanostores': () => nano.set(next()),
  'write 1k: @tanstack/store': () => tanstack.setState(() => next()),
  'write 1k: rxjs BehaviorSubject': () => subject.next(next()),
  'unchanged, 0 listeners: concord': () => quiet.set('b', 0),
  'unchanged, 1k listeners on another slice: concord': () => concord.set('b', 0),
  'unchanged, 1k listeners on the slice: concord': () => concord.set('a', n),
  'unchanged, 1k listeners: zustand setState({ b: 0 }) (a new state object: notifies all)': () =>
    zustand.setState({ b: 0 }),
  '25 of 100 watchers: floor (bare loop over the 25)': () => bareLoop(floorWatchers, next()),
  '25 of 100 watchers: concord': () => watched.set('c', next()),
  '25 of 100 watchers: zustand': () => zustandWatched.setState({ c: next() }),
  'subscribe+unsubscribe: concord': () => pairs.subscribe('a', pairListener)(),
  'subscribe+unsubscribe: zustand': () => zustandPairs.subscribe(pairListener)(),
};
for (const [name, fn] of Object.entries(cases))
  bench(name, () => {
    do_not_optimize(fn());
  });

// Size, measured as scripts/size.mjs measures budgets (rolldown minify + gzip -9 of the built package).
const { rolldown } = await import('rolldown');
const { gzipSync } = await import('node:zlib');
const { mkdtempSync, rmSync, writeFileSync } = await import('node:fs');
const { join } = await import('node:path');
const sizeOf = async (code) => {
  const dir = mkdtempSync(join(import.meta.dirname, '.size-'));
  try {
    writeFileSync(join(dir, 'entry.js'), code);
    const bundle = await rolldown({
      input: join(dir, 'entry.js'),
      external: (id) => /^(react|vue)(\/|$)/.test(id),
      logLevel: 'silent',
    });
    const { output } = await bundle.generate({ format: 'esm', minify: true });
    await bundle.close();
    return gzipSync(output.map((o) => o.code ?? '').join(''), { level: 9 }).length;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};
// A child process measures the "one listener kind" regime only (see below) and needs no sizes.
const child = process.env.CONCORD_BENCH_ONE_KIND === '1';
const coreImport = "export { defineContract, connect } from '@concord/shared-state';";
const core = child ? 0 : await sizeOf(coreImport);
const withReact = child
  ? 0
  : await sizeOf(`${coreImport}\nexport { useShared } from '@concord/shared-state/react';`);

// Paired measurement: short alternating rounds of two cases (the order swapped every round) after a
// warm-up; the median per-round ratio b/a and the median time per operation of each. On a shared machine
// the load changes between two runs seconds apart, hardly within a round of a few hundred microseconds.
const now = () => Number(process.hrtime.bigint());
const median = (values) => values.sort((x, y) => x - y)[values.length >> 1];
// Warm-up calls per timed call: enough for V8 to have optimized every function on the path before timing.
const WARMUP = 1000;
const paired = (a, b, iterations, rounds = 401) => {
  for (let i = 0; i < WARMUP * iterations; i++) {
    a();
    b();
  }
  const time = (fn) => {
    const start = now();
    for (let i = 0; i < iterations; i++) fn();
    return (now() - start) / iterations;
  };
  const ratios = [];
  const timesA = [];
  const timesB = [];
  for (let round = 0; round < rounds; round++) {
    let ta;
    let tb;
    if (round % 2) {
      tb = time(b);
      ta = time(a);
    } else {
      ta = time(a);
      tb = time(b);
    }
    timesA.push(ta);
    timesB.push(tb);
    ratios.push(tb / ta);
  }
  return { ratio: median(ratios), a: median(timesA), b: median(timesB) };
};
const writeTargets = (floor, concord, zustand) => ({
  floor: paired(floor, concord, 20),
  zustand: paired(concord, zustand, 20),
  // The bound on "≥ 2× faster than zustand": nothing that calls every listener beats the bare loop.
  ceiling: paired(floor, zustand, 20),
});

// Regime "one listener kind": only the 1,000 identical listeners have run so far. What V8 inlines there
// differs from one process to the next and then stays (the bus's write lands near ~1.03× the floor in some
// processes and near ~1.15× in others, with the same code), so the regime is measured in PROCESSES fresh
// child processes, each with function literals of its own, and reported as the median with the range.
const PROCESSES = 7;
if (child) {
  const measured = writeTargets(
    () => bareLoop(floorListeners, next()),
    () => concord.set('a', next()),
    () => zustand.setState({ a: next() }),
  );
  console.log(JSON.stringify(measured));
  process.exit(0);
}
const { spawnSync } = await import('node:child_process');
const runs = Array.from({ length: PROCESSES }, () => {
  const r = spawnSync(process.execPath, ['--expose-gc', import.meta.filename], {
    env: { ...process.env, CONCORD_BENCH_ONE_KIND: '1' },
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`one-listener-kind child failed:\n${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1));
});
const spread = (pick) => {
  const values = runs.map(pick).sort((x, y) => x - y);
  return { median: values[values.length >> 1], min: values[0], max: values.at(-1) };
};
const summary = (key) => ({
  ratio: spread((r) => r[key].ratio).median,
  range: spread((r) => r[key].ratio),
  a: spread((r) => r[key].a).median,
  b: spread((r) => r[key].b).median,
});
const oneKind = { floor: summary('floor'), zustand: summary('zustand'), ceiling: summary('ceiling') };

// Exactly the 25 watchers of the written slice run, and nobody else.
for (const slice in watchers) watchers[slice] = 0;
watched.set('c', next());
const counted = { ...watchers };

// Regime "mixed listeners": every fixture has run, so every loop has called every kind of listener.
for (const fn of Object.values(cases)) fn();
const mixed = writeTargets(
  cases['write 1k: floor (bare loop)'],
  cases['write 1k: concord'],
  cases['write 1k: zustand'],
);
const pair = paired(cases['subscribe+unsubscribe: zustand'], cases['subscribe+unsubscribe: concord'], 2000);

const { benchmarks } = await run({ format: 'quiet', throw: true });
const p50 = Object.fromEntries(benchmarks.map((b) => [b.alias, b.runs[0].stats.p50]));
const ns = (v) => `${v < 10 ? v.toFixed(2) : v < 1000 ? v.toFixed(1) : v.toFixed(0)} ns`;

console.log(
  `Node ${process.version}, NODE_ENV=${process.env.NODE_ENV}, ${cpus().length} cores, load average ${loadavg()[0].toFixed(2)}\n`,
);
console.log('mitata medians (p50) per operation, "mixed listeners" regime:\n');
console.log('| case | median |');
console.log('| --- | ---: |');
for (const name of Object.keys(cases)) console.log(`| ${name} | ${ns(p50[name])} |`);
console.log('\npaired, a write that changes a slice with 1,000 listeners (median per write):\n');
console.log('| regime | floor | concord | zustand |');
console.log('| --- | ---: | ---: | ---: |');
for (const [name, r] of [
  ['one listener kind', oneKind],
  ['mixed listeners', mixed],
])
  console.log(`| ${name} | ${ns(r.floor.a)} | ${ns(r.floor.b)} | ${ns(r.zustand.b)} |`);
console.log(
  `\nthe floor itself vs zustand, the most any store that calls every listener can be faster: ${oneKind.ceiling.ratio.toFixed(2)}× (one listener kind), ${mixed.ceiling.ratio.toFixed(2)}× (mixed listeners)`,
);
console.log(`\nwatchers run by one write to slice "c": ${JSON.stringify(counted)} (listener calls: ${hits})`);

// "median of N processes (min – max)" for the regime measured in child processes.
const across = (range) =>
  range ? ` (median of ${PROCESSES} processes: ${range.min.toFixed(2)}× – ${range.max.toFixed(2)}×)` : '';
const floorTarget = (label, r) => [
  `write with 1,000 listeners ≤ 1.15× the floor (${label})`,
  r.floor.ratio,
  (x) => x <= 1.15,
  (x) => `${x.toFixed(2)}×${across(r.floor.range)}`,
];
const zustandTarget = (label, r) => [
  `write with 1,000 listeners ≥ 2× faster than zustand (${label})`,
  r.zustand.ratio,
  (x) => x >= 2,
  (x) =>
    `${x.toFixed(2)}× faster${across(r.zustand.range)}; the bare loop itself: ${r.ceiling.ratio.toFixed(2)}×`,
];
const targets = [
  floorTarget('one listener kind', oneKind),
  floorTarget('mixed listeners', mixed),
  zustandTarget('one listener kind', oneKind),
  zustandTarget('mixed listeners', mixed),
  [
    'unchanged write ≤ 15 ns, whatever the number of listeners',
    Math.max(
      p50['unchanged, 0 listeners: concord'],
      p50['unchanged, 1k listeners on another slice: concord'],
      p50['unchanged, 1k listeners on the slice: concord'],
    ),
    (v) => v <= 15,
    (v) => `${ns(v)} (slowest of the three cases)`,
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
    pair.ratio,
    (r) => r <= 1,
    (r) => `${r.toFixed(2)}× zustand's time (${ns(pair.b)} vs ${ns(pair.a)})`,
  ],
  ['size: core (defineContract + connect) ≤ 800 B min+gzip', core, (v) => v <= 800, (v) => `${v} B`],
  ['size: the React adapter adds ≤ 150 B', withReact - core, (v) => v <= 150, (v) => `${v} B`],
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
