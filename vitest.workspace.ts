// The list of test projects. Vitest 4 ignores this file name by itself, so every script loads it
// explicitly: `vitest run --config vitest.workspace.ts`. Each project runs under its own name.
//
// Tests import public specifiers (`@concord/shared-state`). By default those resolve to `src/` through
// the `@concord/source` export condition; `CONCORD_TEST_DIST=1` drops the condition so the same tests
// run against the built `dist/`.
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const conditions = process.env.CONCORD_TEST_DIST ? [] : ['@concord/source'];
// Messages are asserted as plain text: picocolors turns colour on whenever `CI` is set (as it is in CI
// here), so the tests pin it off; the renderers' own colour tests pass `color: true` explicitly.
const env = { NO_COLOR: '1' };
// Around every test of every project: a test that leaves a builtin prototype changed fails, naming it.
const setupFiles = [fileURLToPath(new URL('test/setup/builtin-prototypes.ts', import.meta.url))];
// One project per package with a test/ directory: a new package's tests cannot be left out by a list.
const packagesDir = new URL('packages/', import.meta.url);
const packages = readdirSync(packagesDir).filter((name) => existsSync(new URL(`${name}/test`, packagesDir)));

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'repo', root: '.', include: ['test/**/*.test.ts'], setupFiles, env } },
      ...packages.map((name) => ({
        resolve: { conditions: [...conditions, 'module', 'browser', 'development|production'] },
        ssr: { resolve: { conditions: [...conditions, 'module', 'node', 'development|production'] } },
        test: {
          name,
          root: `packages/${name}`,
          include: ['test/**/*.test.{ts,tsx}'],
          setupFiles,
          env,
        },
      })),
    ],
  },
});
