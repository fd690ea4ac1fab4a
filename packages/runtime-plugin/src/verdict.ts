import { satisfy as port } from './semver';

// The runtime's verdict, memoised (~8 µs a call, and the same few pairs come back on every load and scan).
// Concord's own port, not an import from @module-federation/runtime: 2.8 does not export `satisfy` (a
// bundler then calls undefined) and 2.6/2.7 make a static import of it fail at ESM link time (a blank
// page); the semver module of runtime-core is byte-identical from 2.6.0 to 2.9.3, and test/semver.test.ts
// proves the port returns what the runtime returns. A Map: no version or range can shadow a key.
const verdicts = new Map<string, boolean>();
export const satisfy = (version: string, range: string) => {
  const k = `${version} ${range}`;
  let v = verdicts.get(k);
  if (v === undefined) {
    v = port(version, range);
    verdicts.set(k, v);
  }
  return v;
};
