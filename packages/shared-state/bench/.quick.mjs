process.env.NODE_ENV = 'production';
const { connect, defineContract } = await import('@concord/shared-state');
const { createStore } = await import('zustand/vanilla');
const hits = 0;
const kinds = Array.from(
  { length: 8 },
  (_, k) => new Function('h', `return () => { h.n = (h.n + ${k + 1}) & 0xffff; }`),
);
const H = { n: 0 };
const mk = (i) => kinds[i % 8](H);
let p = 0;
const bus = () =>
  connect(
    defineContract({
      name: `b${p++}`,
      version: '1.0.0',
      slices: { a: { owner: 'app', initial: 0 }, b: { owner: 'app', initial: 0 } },
    }),
    { app: 'app' },
  );
let n = 0;
const next = () => (n = (n + 1) & 0xffff);
const now = () => Number(process.hrtime.bigint());
const time = (fn, it) => {
  const s = now();
  for (let i = 0; i < it; i++) fn();
  return (now() - s) / it;
};
const med = (xs) => xs.sort((a, b) => a - b)[xs.length >> 1];
for (const L of [0, 1, 10, 100, 1000]) {
  const c = bus();
  const z = createStore(() => ({ a: 0, b: 0 }));
  const fl = [];
  for (let i = 0; i < L; i++) {
    c.subscribe('a', mk(i));
    z.subscribe(mk(i));
    fl.push(mk(i));
  }
  const floor = () => {
    const v = next();
    for (let i = 0; i < fl.length; i++) fl[i](v);
  };
  const fc = () => c.set('a', next());
  const fz = () => z.setState({ a: next() });
  const it = Math.max(20, (20000 / (L + 1)) | 0);
  for (let i = 0; i < 200; i++) {
    time(fc, it);
    time(fz, it);
    time(floor, it);
  }
  const rc = [],
    rz = [],
    rf = [];
  for (let r = 0; r < 101; r++) {
    rc.push(time(fc, it));
    rz.push(time(fz, it));
    rf.push(time(floor, it));
  }
  console.log(L, 'concord', med(rc).toFixed(1), 'zustand', med(rz).toFixed(1), 'floor', med(rf).toFixed(1));
}
const q = bus();
const fu = () => q.set('b', 0);
for (let i = 0; i < 100; i++) time(fu, 10000);
const ru = [];
for (let r = 0; r < 51; r++) ru.push(time(fu, 10000));
console.log('unchanged', med(ru).toFixed(2));
