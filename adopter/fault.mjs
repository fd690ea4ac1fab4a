// The one fault the suite injects into README.md's configs: the Rspack remote leaves zustand out of
// `shared` — Concord's automatic sharing off, everything else shared by hand — as a team that lists its
// shares itself might. Documented outcome: CONCORD-106 in its build, CONCORD-413 in the report, CONCORD-202 and
// CONCORD-203 on the page.

/** Everything Concord would share for the catalog, but zustand. */
const SHARED = {
  react: '{ singleton: true }',
  'react-dom': '{ singleton: true }',
  'react/jsx-runtime': '{ singleton: true }',
  '@acme/contract': '{ singleton: true }',
  // The adopter project installs Concord from tarballs (`file:` in package.json): say the range.
  '@concord/shared-state': "{ singleton: true, requiredVersion: '^0.1.0' }",
};

const MARK = "      concord: { contract: '@acme/contract'";

/** The catalog's rspack.config.mjs with the fault; throws when the README's config no longer has the mark. */
export function injectUnsharedZustand(config) {
  if (!config.includes(MARK)) throw new Error(`catalog/rspack.config.mjs no longer has \`${MARK.trim()}\``);
  return config.replace(
    MARK,
    `      shared: { ${Object.entries(SHARED)
      .map(([p, v]) => `'${p}': ${v}`)
      .join(', ')} },\n      concord: { autoShare: false, contract: '@acme/contract'`,
  );
}
