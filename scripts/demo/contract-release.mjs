// An app built against another release of the playground contract (a scenario's `contract.version`): the
// team upgraded its @acme/contract dependency and deploys alone. Its checkout is what it builds: a copy of
// the app's sources and config whose node_modules resolve every package as the app's own do, except
// @acme/contract, which resolves to the release. Vite, Module Federation and Concord then all read that
// release the way they read an installed one (node_modules), with no option pointing them at it.
import {
  cpSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { playgroundDir } from '../../playground/scenarios.mjs';

const CONTRACT = '@acme/contract';
const FEDERATION_IMPORT = "'../federation.mjs'";

/**
 * Makes `<dir>/<app>`: the app's checkout on `version` of the contract, with the release at
 * `<dir>/contract-<version>`. Returns the checkout's directory (the cwd of its build).
 * @param {string} app @param {string} version @param {string} dir
 */
export function checkoutOnContract(app, version, dir) {
  const release = releaseContract(version, join(dir, `contract-${version}`));
  const source = join(playgroundDir, app);
  const checkout = join(dir, app);
  rmSync(checkout, { recursive: true, force: true });
  // The app's directory but node_modules (made anew) and tsconfig.json (extends a path relative to the app).
  for (const entry of readdirSync(source))
    if (entry !== 'node_modules' && entry !== 'tsconfig.json')
      cpSync(join(source, entry), join(checkout, entry), { recursive: true });
  // The config reads the scenario through ../federation.mjs: the same module, from the checkout.
  const config = join(checkout, 'vite.config.ts');
  const text = readFileSync(config, 'utf8');
  if (!text.includes(FEDERATION_IMPORT))
    throw new Error(
      `${app}'s vite.config.ts no longer imports ${FEDERATION_IMPORT}: update ${import.meta.url}`,
    );
  writeFileSync(
    config,
    text.replace(
      FEDERATION_IMPORT,
      JSON.stringify(pathToFileURL(join(playgroundDir, 'federation.mjs')).href),
    ),
  );
  const manifest = JSON.parse(readFileSync(join(source, 'package.json'), 'utf8'));
  manifest.dependencies[CONTRACT] = version;
  writeFileSync(join(checkout, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  linkModules(join(source, 'node_modules'), join(checkout, 'node_modules'), { [CONTRACT]: release });
  return checkout;
}

/**
 * The contract package released as `version`: its package.json and built entry with that version, its
 * contract unchanged otherwise (the runtime and the report compare majors, not shapes).
 */
function releaseContract(version, dir) {
  const source = join(playgroundDir, 'contract');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(source, 'package.json'), 'utf8'));
  const current = manifest.version;
  manifest.version = version;
  // The release ships its build only (no `@concord/source` condition pointing at sources it does not have).
  manifest.exports['.'] = { types: './dist/index.d.ts', default: './dist/index.js' };
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  const literal = `version: "${current}"`;
  const entry = readFileSync(join(source, 'dist', 'index.js'), 'utf8');
  if (!entry.includes(literal))
    throw new Error(`@acme/contract's dist/index.js no longer holds ${literal}: update ${import.meta.url}`);
  mkdirSync(join(dir, 'dist'));
  writeFileSync(join(dir, 'dist', 'index.js'), entry.replace(literal, `version: "${version}"`));
  cpSync(join(source, 'dist', 'index.d.ts'), join(dir, 'dist', 'index.d.ts'));
  linkModules(join(source, 'node_modules'), join(dir, 'node_modules'), {});
  return dir;
}

/** `to` holds a link for each package of `from` (to its real directory), or to `replace[name]`. */
function linkModules(from, to, replace) {
  for (const entry of readdirSync(from)) {
    if (entry.startsWith('.')) continue;
    const names = entry.startsWith('@')
      ? readdirSync(join(from, entry)).map((name) => `${entry}/${name}`)
      : [entry];
    for (const name of names) {
      mkdirSync(dirname(join(to, name)), { recursive: true });
      symlinkSync(replace[name] ?? realpathSync(join(from, name)), join(to, name), 'dir');
    }
  }
}
