// README.md states the size budgets and the two commands, and its setup blocks are what the adopter
// suite builds (adopter/); these checks keep it honest without building anything.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileBlocks, installs, taggedBlock } from '../adopter/readme.mjs';

const root = join(import.meta.dirname, '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
// The files scripts/size.mjs enforces; a malformed one fails here too instead of dropping its rows.
const budgets = readdirSync(join(root, 'packages'))
  .map((p) => join(root, 'packages', p, 'size-budgets.json'))
  .filter((file) => existsSync(file))
  .flatMap((file) => JSON.parse(readFileSync(file, 'utf8')) as { name: string; limit: string }[]);

describe('README.md', () => {
  it('gives the two commands of a fresh machine', () => {
    expect(readme).toContain('npm run demo');
    expect(readme).toContain('npm test');
  });

  it('has size budgets to state (the rows below would otherwise check nothing)', () => {
    expect(budgets.length).toBeGreaterThan(0);
  });

  it.each(budgets.map((b) => [b.name, b.limit]))('states the size budget of "%s" as %s', (name, limit) => {
    const row = readme.split('\n').find((line) => line.split('|')[1]?.trim() === name);
    expect(row, `README.md has no size row "| ${name} | … |"`).toBeDefined();
    expect(row!.split('|')[2]!.trim(), `README.md's budget for "${name}"`).toBe(limit);
  });
});

describe('README.md setup blocks (built by the adopter suite)', () => {
  const files = fileBlocks(readme);

  it.each([
    'contract/package.json',
    'contract/index.ts',
    'host/vite.config.ts',
    'host/rspack.config.mjs',
    'host/src/main.ts',
    'cart/vite.config.ts',
    'cart/src/mount.tsx',
    'catalog/rspack.config.mjs',
    'catalog/src/mount.tsx',
    'wishlist/webpack.config.mjs',
    'wishlist/src/mount.js',
  ])('has a block for %s', (file) => {
    expect(files[file]?.trim().length ?? 0, `README.md has no \`file=${file}\` block`).toBeGreaterThan(0);
  });

  it('installs browser code as dependencies, tools as devDependencies, and no Concord internals', () => {
    const lines = installs(readme);
    const dev = new Set(lines.filter((i) => i.dev).map((i) => i.name));
    for (const tool of ['vite', '@rspack/core', 'webpack', '@concord/vite-plugin', '@concord/rspack-plugin'])
      expect(dev.has(tool), `${tool} as a devDependency`).toBe(true);
    for (const lib of ['react', 'zustand', '@concord/shared-state'])
      expect(
        lines.some((i) => i.name === lib && !i.dev),
        `${lib} as a dependency`,
      ).toBe(true);
    expect(lines.map((i) => i.name)).not.toContain('@concord/runtime-plugin');
    expect(lines.map((i) => i.name)).not.toContain('@concord/build-core');
  });

  it('documents a report command that cannot fall back to the unrelated npm package "concord"', () => {
    const command = taggedBlock(readme, 'cli').text;
    const direct = installs(readme).some((i) => i.name === '@concord/report' && i.workspaces.length === 0);
    expect(
      command.startsWith('npx -p @concord/report ') || (command.startsWith('npx concord ') && direct),
    ).toBe(true);
  });
});

// The commands README.md gives stop at a bad argument with a usage line and exit 2, before building anything.
describe.each([
  ['demo', ['--bogus']],
  ['demo', ['--port-base', 'abc']],
  ['demo', ['--scenario', 'no-such-scenario']],
  ['build', ['--bogus']],
  ['../adopter/run', ['--bogus']],
])('npm run %s -- %j', (script, args) => {
  it('prints the usage line and exits 2', () => {
    const result = spawnSync(process.execPath, [join(root, 'scripts', `${script}.mjs`), ...args], {
      cwd: root,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.status, result.stderr).toBe(2);
    expect(result.stderr).toMatch(/^Usage: npm run /m);
  });
});
