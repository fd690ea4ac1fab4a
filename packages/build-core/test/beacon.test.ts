// Fixture-per-case tests of the beacon transform: a snapshot of the transformed code, and idempotence.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { createBeaconTransform, watchedPathFilter } from '@concord/build-core';
import { parseAst } from 'rolldown/parseAst';
import { describe, expect, it } from 'vitest';

const fixtures = fileURLToPath(new URL('./fixtures/beacons/', import.meta.url));
const transform = createBeaconTransform({
  watched: ['zustand', 'react', '@reduxjs/toolkit'],
  app: 'cart',
  bundler: 'vite',
});
const source = (file: string) => readFileSync(join(fixtures, file), 'utf8');

describe.each([
  ['an ESM re-export barrel chosen by the "import" condition', 'zustand/esm/index.mjs', 'zustand', '5.1.0'],
  ['a CommonJS entry chosen by "main"', 'store-cjs/index.js', 'react', '19.3.1'],
  ['a scoped package entry chosen by "module"', '@scope/toolkit/dist/index.mjs', '@reduxjs/toolkit', '2.8.2'],
])('the entry module of %s', (_, file, pkg, version) => {
  const path = join(fixtures, file);
  const code = source(file);
  const out = transform.transform(code, path);

  it('gets the beacon appended (snapshot)', () => {
    expect(out).toMatchSnapshot();
  });

  it('keeps every original line in place and adds one self-invoking function, nothing else', () => {
    expect(out!.startsWith(code)).toBe(true);
    const before = parseAst(code).body;
    const after = parseAst(out!).body;
    // No import, export or top-level binding: the module's exports and its tree-shaking are unchanged.
    const added = after.slice(before.length).filter((node) => node.type !== 'EmptyStatement');
    expect(added).toHaveLength(1);
    const [statement] = added as unknown as [
      { type: string; expression: { type: string; callee: { type: string } } },
    ];
    expect(statement.type).toBe('ExpressionStatement');
    expect(statement.expression.type).toBe('CallExpression');
    expect(statement.expression.callee.type).toBe('FunctionExpression');
  });

  it('is idempotent', () => {
    expect(transform.transform(out!, path)).toBeUndefined();
  });

  it('registers the package once when evaluated', () => {
    const page = vm.createContext({});
    vm.runInContext(out!.slice(code.length), page);
    expect(
      JSON.parse(vm.runInContext('JSON.stringify(globalThis[Symbol.for("concord.beacons")])', page)),
    ).toEqual([{ package: pkg, version, app: 'cart', bundler: 'vite' }]);
  });

  it('matches the module id with a query string too', () => {
    expect(transform.match(`${path}?v=1a2b`)).toEqual({ package: pkg, version });
  });
});

describe('modules that get no beacon', () => {
  it.each([
    ['a non-entry module of a watched package', 'zustand/esm/vanilla.mjs'],
    ['the entry of a package that is not watched', 'plain/index.js'],
  ])('%s', (_, file) => {
    expect(transform.transform(source(file), join(fixtures, file))).toBeUndefined();
  });
});

describe('watchedPathFilter', () => {
  const filter = watchedPathFilter(['zustand', '@reduxjs/toolkit'], ['/work/acme/contract']);
  it.each([
    ['/app/node_modules/zustand/esm/index.mjs', true],
    ['/app/node_modules/.pnpm/zustand@5.1.0/node_modules/zustand/index.js', true],
    ['C:\\app\\node_modules\\@reduxjs\\toolkit\\dist\\index.mjs', true],
    ['/work/acme/contract/dist/index.js', true],
    ['/app/node_modules/zustandx/index.js', false],
    ['/app/src/zustand/index.js', false],
    ['/work/acme/contract-utils/index.js', false],
  ])('%s → %s', (path, expected) => {
    expect(filter.test(path)).toBe(expected);
  });
});
