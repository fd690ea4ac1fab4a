// Every message the build plugins print, in one place: a stable code and one sentence saying what
// happened, the consequence and the fix. The formatter adds the `[concord]` prefix, colour and the docs link.

/** Severity of a build diagnostic. */
export type Severity = 'error' | 'warning' | 'info';

/** One build-time diagnostic (CONCORD-1xx). */
export interface Diagnostic {
  code: string;
  severity: Severity;
  /** The sentence, without prefix or docs link. */
  message: string;
}

/** Thrown for an error-level diagnostic (invalid or conflicting options). */
export class ConcordError extends Error {
  readonly code: string;
  readonly diagnostic: Diagnostic;
  constructor(diagnostic: Diagnostic) {
    super(`[concord] ${diagnostic.code} ${diagnostic.message} ${docsLink(diagnostic.code)}`);
    this.name = 'ConcordError';
    this.code = diagnostic.code;
    this.diagnostic = diagnostic;
  }
}

/** The docs pointer that ends every message. */
export const docsLink = (code: string): string => `See docs/diagnostics.md#${code.toLowerCase()}`;

const d = (code: string, severity: Severity, message: string): Diagnostic => ({ code, severity, message });
const list = (names: readonly string[]): string => names.map((n) => `"${n}"`).join(', ');

export function invalidOption(option: string, value: string, expected: string): ConcordError {
  return new ConcordError(
    d(
      'CONCORD-101',
      'error',
      `\`${option}\` is ${value}, so Concord cannot configure this build; set it to ${expected}.`,
    ),
  );
}

export function unknownOption(option: string, known: readonly string[]): ConcordError {
  return new ConcordError(
    d(
      'CONCORD-101',
      'error',
      `\`${option}\` is not a Concord option, so Concord cannot tell what it should do; remove it or use one of ${list(known)}.`,
    ),
  );
}

export function invalidWatchName(option: string, name: string): ConcordError {
  return new ConcordError(
    d(
      'CONCORD-102',
      'error',
      `\`${option}\` names ${JSON.stringify(name)}, which is not an npm package name, so nothing could be watched under it; use the name from the library's package.json, e.g. "zustand" or "@reduxjs/toolkit".`,
    ),
  );
}

export function unknownWatched(app: string, name: string, root: string): Diagnostic {
  return d(
    'CONCORD-103',
    'warning',
    `\`concord.watch\` names "${name}" but app "${app}" neither depends on it nor resolves it from ${root}, so it gets no singleton sharing and no beacon in this build; install it, or remove it from \`watch\`.`,
  );
}

export function contractNotResolvable(app: string, pkg: string, root: string): ConcordError {
  return new ConcordError(
    d(
      'CONCORD-104',
      'error',
      `\`concord.contract\` is "${pkg}" but app "${app}" cannot resolve it from ${root}, so it cannot be shared as a singleton nor described in the manifest; add "${pkg}" to the app's dependencies and install, or set \`concord.root\` to the app's directory.`,
    ),
  );
}

export function singletonFalse(app: string, pkg: string, bundler: string): Diagnostic {
  return d(
    'CONCORD-105',
    'warning',
    `shared["${pkg}"] sets \`singleton: false\` in app "${app}" (${bundler}), so a version split with another app loads a second copy of ${pkg} with its own private state; remove \`singleton: false\` (Concord then shares it as a singleton) unless two copies are intended.`,
  );
}

export function notShared(app: string, pkg: string, version: string, bundler: string): Diagnostic {
  return d(
    'CONCORD-106',
    'warning',
    `app "${app}" (${bundler}) depends on ${pkg}@${version} but leaves it out of \`shared\` (\`concord.autoShare\` is false), so it bundles a private copy whose state no other app sees; add "${pkg}" to \`shared\` with \`singleton: true\`, or turn \`concord.autoShare\` back on.`,
  );
}

export function manifestDisabled(app: string, bundler: string): ConcordError {
  return new ConcordError(
    d(
      'CONCORD-107',
      'error',
      `app "${app}" (${bundler}) sets \`manifest: false\`, but Concord writes its metadata into the federation manifest and the report reads it, so neither could work; remove \`manifest: false\` (a custom \`{ fileName }\` is fine).`,
    ),
  );
}

export function workspaceRange(
  app: string,
  pkg: string,
  range: string,
  replacement: string,
  bundler: string,
): Diagnostic {
  return d(
    'CONCORD-108',
    'warning',
    `shared["${pkg}"].requiredVersion is "${range}" in app "${app}" (${bundler}), which no runtime can satisfy and which would leak into the manifest, so Concord uses "${replacement}" from the installed package.json instead; set requiredVersion to a semver range to silence this.`,
  );
}

export function contractNotLoaded(
  app: string,
  bundler: string,
  pkg: string,
  version: string,
  reason: string,
): Diagnostic {
  return d(
    'CONCORD-109',
    'warning',
    `the contract ${pkg}@${version} of app "${app}" (${bundler}) could not be read at build time (${reason}), so the manifest carries its package and version but no slices and the report cannot check reads; make the package's entry a JavaScript module exporting the defineContract() result, or name it with \`concord.contract.export\`.`,
  );
}

export function unknownRead(
  app: string,
  bundler: string,
  read: string,
  contract: string,
  version: string,
  known: readonly string[],
): Diagnostic {
  return d(
    'CONCORD-110',
    'warning',
    `\`concord.reads\` of app "${app}" (${bundler}) lists "${read}" but contract "${contract}" has no such slice or field (its version ${version} has ${known.length ? list(known) : 'none'}), so this app would read undefined at runtime; fix the name in \`reads\` or add it to the contract.`,
  );
}

export function foreignOwns(
  app: string,
  bundler: string,
  slice: string,
  contract: string,
  version: string,
  owner: string | undefined,
): Diagnostic {
  return d(
    'CONCORD-121',
    'warning',
    owner === undefined
      ? `\`concord.owns\` of app "${app}" (${bundler}) lists slice "${slice}" but contract "${contract}" ${version} has no such slice, so this app's writes to it are rejected on the page (CONCORD-308, unknown slice); fix the name in \`owns\` or add the slice to the contract.`
      : `\`concord.owns\` of app "${app}" (${bundler}) lists slice "${slice}" but contract "${contract}" ${version} gives it to "${owner}", so this app's writes to it are rejected on the page (CONCORD-303) and the report fails with CONCORD-424; remove "${slice}" from \`owns\`, or make "${app}" its owner in the contract.`,
  );
}

export function rootMismatch(app: string, concordRoot: string, viteRoot: string): Diagnostic {
  return d(
    'CONCORD-111',
    'warning',
    `app "${app}" resolves its packages from ${concordRoot} but Vite builds from ${viteRoot}, so shared versions and beacons may come from the wrong package.json; set \`concord.root\` to the same directory as Vite's \`root\`.`,
  );
}

export function reportFailed(app: string, counts: string, failOn: string, where: string): ConcordError {
  return new ConcordError(
    d(
      'CONCORD-112',
      'error',
      `the Concord report for app "${app}" found ${counts} and \`concord.report.failOn\` is "${failOn}", so the build fails; fix the findings listed above (details in ${where}), or relax \`failOn\`.`,
    ),
  );
}

export function reportNotRun(app: string, reason: string): Diagnostic {
  return d(
    'CONCORD-113',
    'warning',
    `the Concord report for app "${app}" did not run (${reason}) and \`concord.report.failOn\` is "never", so this build passes unchecked against the other apps; fix the cause named here, or set \`failOn\` to "error" so such a build fails.`,
  );
}

export function manifestNotFound(app: string, files: readonly string[], bundler: string): Diagnostic {
  return d(
    'CONCORD-114',
    'warning',
    `the ${bundler} build of app "${app}" emitted no ${list(files)}, so Concord's metadata is missing from it and the report sees this app as a plain federation build; keep the federation manifest on and do not rename it after the federation plugin runs.`,
  );
}

const RANGE_KINDS: Readonly<Record<string, string>> = {
  protocol: 'package-manager protocol',
  url: 'git or URL dependency',
  tag: 'dist-tag',
  invalid: 'string that is not a semver range',
};

const quote = (value: string): string =>
  JSON.stringify(value.length > 80 ? `${value.slice(0, 77)}...` : value);

export function nonSemverRange(
  app: string,
  pkg: string,
  range: string,
  kind: string,
  version: string | undefined,
  bundler: string,
): Diagnostic {
  return d(
    'CONCORD-115',
    'warning',
    `shared["${pkg}"] of app "${app}" (${bundler}) is registered with requiredVersion ${quote(range)}, a ${RANGE_KINDS[kind] ?? kind} that the Module Federation runtime cannot satisfy with any version, so every provider of ${pkg} fails this app's check (a singleton warns or, with strictVersion, refuses to load; a non-singleton loads a second copy); set shared["${pkg}"].requiredVersion to a semver range${version ? ` such as "^${version}"` : ''}, or pin a semver range in the app's package.json.`,
  );
}

export function anyRange(app: string, pkg: string, range: string, bundler: string): Diagnostic {
  return d(
    'CONCORD-116',
    'info',
    `shared["${pkg}"] of app "${app}" (${bundler}) is registered with requiredVersion ${quote(range)}, so any version of ${pkg} another app provides is accepted unchecked, including another major; set a semver range such as "^1.2.0" if this app needs a particular major.`,
  );
}

export function reportCrashed(app: string, reason: string, failOn: string): ConcordError {
  return new ConcordError(
    d(
      'CONCORD-117',
      'error',
      `the Concord report for app "${app}" could not finish (${reason}) and \`concord.report.failOn\` is "${failOn}", so the build fails rather than pass unchecked; fix the cause named above, or set \`concord.report.failOn: 'never'\` to build without the check.`,
    ),
  );
}

export function siblingNotBuilt(app: string, manifest: string): Diagnostic {
  return d(
    'CONCORD-118',
    'info',
    `the manifest ${quote(manifest)} that app "${app}" checks against does not exist yet (that app is not built), so this build is checked without it; build that app too, then rebuild this one or run \`concord report\` over every app's manifest in CI.`,
  );
}

export function contractNotTransformed(
  app: string,
  pkg: string,
  version: string,
  bundler: string,
  reason: string,
): ConcordError {
  return new ConcordError(
    d(
      'CONCORD-119',
      'error',
      `the contract ${pkg}@${version} of app "${app}" is TypeScript and the ${bundler} build could not read it (${reason}), so its slices and this app's reads would go unchecked; give the package a JavaScript entry for Node (build it and point its "exports" at the output).`,
    ),
  );
}

export function unsupportedToolchain(
  app: string,
  bundler: string,
  found: readonly { package: string; version: string; supported: string; why: string }[],
): Diagnostic {
  const runs = found.map((f) => `${f.package} ${f.version} (${f.why})`).join(' and ');
  const fix = found.map((f) => `${f.package} to ${f.supported}`).join(' and ');
  return d(
    'CONCORD-120',
    'warning',
    `app "${app}" (${bundler}) runs ${runs}, outside the versions Concord supports, so its checks may miss copies on this app's pages or stand aside (the runtime plugin then says so with its own code) — the page itself keeps working; move ${fix}.`,
  );
}
