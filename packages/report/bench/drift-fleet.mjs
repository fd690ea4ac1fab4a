// A drifting fleet: what a real organisation's manifests look like after a year of independent deploys.
// 15 libraries, each in several versions (a few majors, minors and patches behind or ahead), shared with
// ranges of every form (`^`, `~`, exact, `=x`, `>=`, `*`, a union, `false`, missing, null), some as
// non-singletons, a few with strictVersion or import: false, half of the apps with Concord metadata.
// Deterministic (a seeded generator), so the bench and the golden test (test/drift-golden.test.ts) read
// the same documents. Plain JavaScript: the bench runs it with Node as it is.

const LIBS = [
  // [name, versions on offer (the fleet's drift), singleton?]
  ['react', ['18.2.0', '18.3.1', '19.0.0', '19.1.1', '19.3.1'], true],
  ['react-dom', ['18.2.0', '18.3.1', '19.0.0', '19.1.1', '19.3.1'], true],
  ['zustand', ['4.4.7', '4.5.7', '5.0.2', '5.1.0'], true],
  ['@tanstack/query-core', ['5.51.0', '5.59.20', '5.62.1'], true],
  ['rxjs', ['7.5.7', '7.8.1', '7.8.2'], true],
  ['mobx', ['6.10.2', '6.13.5'], true],
  ['@acme/design-tokens', ['2.0.0', '2.1.0', '2.3.4', '3.0.0-beta.2'], true],
  ['@acme/contract', ['1.0.0', '1.2.0', '1.4.1'], true],
  ['lodash', ['4.17.20', '4.17.21'], false],
  ['date-fns', ['2.30.0', '3.6.0', '4.1.0'], false],
  ['nanoid', ['3.3.7', '5.0.9', '5.1.16'], false],
  ['clsx', ['1.2.1', '2.1.1'], false],
  ['i18next', ['23.16.8', '24.2.0', '25.0.1'], true],
  ['axios', ['1.6.8', '1.7.9', '1.8.4'], false],
  ['immer', ['9.0.21', '10.1.1'], false],
];

/** mulberry32: a tiny seeded generator (the same fleet on every run). */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = (rnd, list) => list[Math.floor(rnd() * list.length)];

/** Most apps sit on the newest version or one behind; a tail lags further. */
function driftVersion(rnd, versions) {
  const r = rnd();
  const last = versions.length - 1;
  if (r < 0.35) return versions[last];
  if (r < 0.8) return versions[Math.max(0, last - 1)];
  return pick(rnd, versions);
}

/** A requiredVersion in one of the forms real manifests carry, for an app on `version`. */
function rangeFor(rnd, version) {
  const [major, minor] = version.split('.');
  const r = rnd();
  if (r < 0.45) return `^${version}`;
  if (r < 0.55) return `~${version}`;
  if (r < 0.62) return version;
  if (r < 0.66) return `=${version}`;
  if (r < 0.72) return `>=${major}.${minor}.0`;
  if (r < 0.76) return `^${major}.0.0 || ^${Number(major) + 1}.0.0`;
  if (r < 0.8) return '*';
  if (r < 0.84) return `>=${major}.0.0 <${Number(major) + 1}.0.0`;
  if (r < 0.88) return false;
  if (r < 0.94) return undefined; // not recorded
  return null; // Rspack's "could not infer"
}

/** Library indexes this app shares: every app shares the first five, then a drifting subset. */
function libsOf(rnd) {
  const out = [];
  for (let l = 0; l < LIBS.length; l++) if (l < 5 || rnd() < 0.8) out.push(l);
  return out;
}

/**
 * The manifest of app `i` of a fleet (an mf-manifest.json object, Vite- or enhanced-shaped). Each library
 * is shared under a handful of subpath entries too, so an app carries ~40-60 shared entries.
 */
export function driftManifest(i, seed = 42) {
  const rnd = random(seed * 100_003 + i);
  const name = `app-${String(i).padStart(4, '0')}`;
  const vite = i % 3 !== 1;
  const shared = [];
  const config = {};
  const dependencies = {};
  for (const l of libsOf(rnd)) {
    const [lib, versions, single] = LIBS[l];
    const version = driftVersion(rnd, versions);
    const requiredVersion = rangeFor(rnd, version);
    // About one app in eight drops singleton on a library the others share as one.
    const singleton = single ? rnd() > 0.12 : rnd() < 0.1;
    const strictVersion = singleton && rnd() < 0.05;
    const importFalse = i > 0 && rnd() < 0.03;
    const names = [lib, `${lib}/sub-a`, `${lib}/sub-b`, `${lib}/sub-c`];
    for (const pkg of names) {
      const entry = { id: `${name}:${pkg}`, name: pkg, version, singleton };
      if (requiredVersion !== undefined) entry.requiredVersion = requiredVersion;
      entry.assets = {
        js: { async: [`assets/${pkg.replace(/\W/g, '_')}-${(i * 31 + l).toString(36)}.js`], sync: [] },
        css: { async: [], sync: [] },
      };
      shared.push(entry);
      config[pkg] = {
        version,
        requiredVersion: requiredVersion ?? false,
        singleton,
        strictVersion,
        import: !importFalse,
      };
    }
    dependencies[lib] = version;
  }
  const value = {
    id: name,
    name,
    metaData: {
      name,
      type: 'app',
      buildInfo: { buildVersion: '1.0.0', buildName: name },
      remoteEntry: { name: 'remoteEntry.js', path: '', type: vite ? 'module' : 'global' },
      types: { path: '', name: '' },
      globalName: name,
      pluginVersion: vite ? '1.23.8' : '2.9.3',
      publicPath: 'auto',
    },
    shared,
    remotes: [],
    exposes:
      i === 0
        ? []
        : [
            {
              id: `${name}:Widget`,
              name: 'Widget',
              assets: {
                js: { async: [], sync: [`assets/Widget-${i.toString(36)}.js`] },
                css: { async: [], sync: [] },
              },
              path: './Widget',
            },
          ],
  };
  if (i % 2 === 0)
    value.concord = {
      schema: 1,
      app: name,
      bundler: vite ? 'vite' : 'rspack',
      pluginVersion: '0.1.0',
      mode: 'warn',
      contract: {
        package: '@acme/contract',
        name: 'acme',
        version: `1.${i % 3}.0`,
        slices: {
          cart: { owner: 'app-0000', broadcast: true, sensitive: false, fields: ['count', 'items'] },
          theme: { owner: 'app-0001', broadcast: true, sensitive: false, fields: ['mode'] },
        },
        events: ['cart/add'],
      },
      owns: i === 0 ? ['cart'] : [],
      reads: ['cart.count', 'theme.mode'],
      shared: config,
      dependencies,
    };
  return value;
}

/** The manifests of a fleet of `apps` apps, the host (app-0000, listing a few remotes) first. */
export function driftFleet(apps, seed = 42) {
  const fleet = Array.from({ length: apps }, (_, i) => driftManifest(i, seed));
  fleet[0].remotes = fleet.slice(1, 4).map((m) => ({
    federationContainerName: m.name,
    moduleName: 'Widget',
    alias: m.name,
    entry: '*',
  }));
  return fleet;
}
