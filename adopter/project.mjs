// The adopter's project: Concord's packages packed as npm would publish them (`pnpm pack`), and a fresh
// npm project outside the repository that installs those tarballs and the README's packages — no
// workspace links, no overrides. Third-party versions are pinned to the ones the playground uses.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { publishedPackages, topologicalOrder } from '../scripts/build/packages.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Versions of what the README installs, as the playground pins them (pnpm-workspace.yaml's catalog). */
export const PINS = {
  react: '19.3.1',
  'react-dom': '19.3.1',
  zustand: '5.1.0',
  vite: '8.3.8',
  '@vitejs/plugin-react': '6.3.0',
  '@module-federation/vite': '1.23.8',
  '@module-federation/enhanced': '2.9.3',
  '@rspack/core': '2.3.3',
  '@rspack/cli': '2.2.8',
  '@rspack/dev-server': '2.2.2',
  webpack: '5.111.1',
  'webpack-cli': '6.0.1',
  typescript: '5.9.3',
};

/** The Vite 7 project swaps these (plugin-react 6 needs Vite 8). */
export const VITE7 = { vite: '7.3.8', '@vitejs/plugin-react': '5.2.0' };

/**
 * The install lines for the Rspack host, as README.md's install block says: `-w host` moves from the line
 * that installs `vite` to the line that installs `@rspack/core`.
 * @param {import('./readme.mjs').Install[]} installs
 */
export function rspackHostInstalls(installs) {
  const line = (name) => installs.find((i) => i.name === name)?.workspaces.join(' ');
  const [vite, rspack] = [line('vite'), line('@rspack/core')];
  if (vite === undefined || rspack === undefined)
    throw new Error('README.md installs no vite or no @rspack/core: no Rspack host project');
  return installs.map((i) => {
    const ws = i.workspaces.join(' ');
    if (i.dev && ws === vite) return { ...i, workspaces: i.workspaces.filter((w) => w !== 'host') };
    if (i.dev && ws === rspack) return { ...i, workspaces: [...i.workspaces, 'host'] };
    return i;
  });
}

/** Runs a command, output to `logFile`; resolves { code, output }. */
export function run(command, args, { cwd, env, logFile } = {}) {
  return new Promise((resolve) => {
    const chunks = [];
    const child = spawn(command, args, {
      cwd,
      env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (c) => chunks.push(c));
    child.stderr.on('data', (c) => chunks.push(c));
    child.on('error', (error) => chunks.push(Buffer.from(String(error))));
    child.on('close', (code) => {
      const output = Buffer.concat(chunks).toString('utf8');
      if (logFile) {
        mkdirSync(dirname(logFile), { recursive: true });
        writeFileSync(logFile, output);
      }
      resolve({ code: code ?? 1, output });
    });
  });
}

/** Packs every published package (built already) into `dir`; returns { name: tarball path }. */
export async function packPackages(dir, logFile) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const dirs = topologicalOrder(publishedPackages());
  const names = dirs.map((d) => readJson(join(root, 'packages', d, 'package.json')).name);
  const { packageManager } = readJson(join(root, 'package.json'));
  const filters = names.flatMap((n) => ['--filter', n]);
  const { code, output } = await run(
    'npx',
    ['--yes', packageManager, '-r', ...filters, 'pack', '--pack-destination', dir],
    { cwd: root, logFile },
  );
  if (code !== 0) throw new Error(`pnpm pack failed (exit ${code}):\n${output.slice(-2000)}`);
  const tarballs = {};
  for (const name of names) {
    const file = `${name.replace('@', '').replace('/', '-')}-`;
    const tgz = readdirSync(dir).find((f) => f.startsWith(file) && f.endsWith('.tgz'));
    if (!tgz) throw new Error(`pnpm pack left no tarball for ${name} in ${dir}`);
    tarballs[name] = join(dir, tgz);
    // A package packed while its dist/ was being rebuilt would install without its code.
    const listing = await run('tar', ['-tzf', tarballs[name]]);
    const { exports } = readJson(join(root, 'packages', dirs[names.indexOf(name)], 'package.json'));
    const entry = exports?.['.']?.default?.replace(/^\.\//, 'package/');
    if (entry && !listing.output.includes(entry))
      throw new Error(`${tgz} has no ${entry}: was dist/ being rebuilt?`);
  }
  return tarballs;
}

/**
 * Writes the project's package.jsons from the README's install lines: a root with one npm workspace per
 * app, and each app's dependencies where the lines' `-w` flags put them. Each package is at its pin (a
 * version the README names must equal it), Concord's come from the tarballs, the contract is its
 * workspace. The Concord packages that other Concord packages depend on are also root devDependencies:
 * they stand in for the registry, where npm would otherwise look them up. (The build plugins, which
 * nothing depends on, stay where the lines put them: their bundler peer resolves next to those apps.)
 * @param {string} dir @param {import('./readme.mjs').Install[]} installs
 * @param {Record<string, string>} tarballs @param {Record<string, string>} pins
 * @param {string[]} workspaces the folders of the project (the contract's package.json, the README's, gets
 *   the lines that name it)
 */
export function writePackageJsons(dir, installs, tarballs, pins, workspaces) {
  const contract = readJson(join(dir, 'contract', 'package.json'));
  const spec = ({ name, version }) => {
    if (name in tarballs) return `file:${tarballs[name]}`;
    if (name === contract.name) return `^${contract.version}`;
    if (!(name in pins))
      throw new Error(
        `README.md installs ${name}, which the adopter suite does not pin (adopter/project.mjs)`,
      );
    if (version && version !== pins[name])
      throw new Error(`README.md installs ${name}@${version}, the suite pins ${pins[name]}`);
    return pins[name];
  };
  const manifests = { '.': { name: 'concord-adopter', private: true, type: 'module', workspaces } };
  for (const app of workspaces)
    manifests[app] =
      app === 'contract' ? contract : { name: app, version: '1.0.0', private: true, type: 'module' };
  for (const install of installs) {
    for (const target of install.workspaces.length ? install.workspaces : ['.']) {
      if (!manifests[target]) throw new Error(`README.md installs into -w ${target}, not an app folder`);
      const field = install.dev ? 'devDependencies' : 'dependencies';
      manifests[target][field] = { ...manifests[target][field], [install.name]: spec(install) };
    }
  }
  const rootDev = { ...manifests['.'].devDependencies };
  const needed = new Set(
    Object.values(tarballs).flatMap((t) => Object.keys(packedManifest(t).dependencies ?? {})),
  );
  for (const [name, tarball] of Object.entries(tarballs))
    if (needed.has(name)) rootDev[name] = `file:${tarball}`;
  manifests['.'].devDependencies = rootDev;
  for (const [target, manifest] of Object.entries(manifests))
    writeFileSync(join(dir, target, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifests;
}

/** The package.json inside a tarball. */
function packedManifest(tarball) {
  const { status, stdout } = spawnSync('tar', ['-xOzf', tarball, 'package/package.json'], {
    encoding: 'utf8',
  });
  if (status !== 0) throw new Error(`cannot read package.json of ${tarball}`);
  return JSON.parse(stdout);
}

/** `npm install` in `dir` (the npm cache makes a re-run fast). */
export function npmInstall(dir, logFile) {
  return run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: dir,
    logFile,
    env: { npm_config_update_notifier: 'false' },
  });
}

/** Writes `{ path: text }` under `dir`. */
export function writeFiles(dir, files) {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text.endsWith('\n') ? text : `${text}\n`);
  }
}

export const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));
