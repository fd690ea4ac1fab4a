// Fixture apps are copied to a temporary directory (builds write there, nothing lands in the repo) with a
// node_modules of symlinks: each dependency listed in the fixture's package.json, resolved from the calling
// package, and `@fixture/contract`, the contract package every fixture app uses (../contract-fixture).
import { cpSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The fixture contract package, linked as `@fixture/contract` into every prepared fixture. */
export const CONTRACT_FIXTURE = fileURLToPath(new URL('../contract-fixture', import.meta.url));

export interface FixtureOptions {
  /** The calling package's `test/fixtures` directory. */
  fixtures: string;
  /** The calling package's directory: fixture dependencies resolve from its node_modules. */
  packageDir: string;
  /** Start of the temporary directories' names, e.g. `concord-vite`. */
  prefix: string;
  /**
   * A directory copied into every fixture before the fixture's own files, which win (e.g. the
   * `index.html` every Vite fixture app needs).
   */
  common?: string;
}

/** `prepareFixture(name)` and `removeFixtures()` over one package's fixtures (one pair per test file). */
export function createFixtures({ fixtures, packageDir, prefix, common }: FixtureOptions) {
  const local: Record<string, string> = { '@fixture/contract': CONTRACT_FIXTURE };
  const created: string[] = [];
  return {
    /** Copies `<fixtures>/<name>` to a fresh temporary directory, links its dependencies; returns its root. */
    prepareFixture(name: string): string {
      const root = realpathSync(mkdtempSync(join(tmpdir(), `${prefix}-${name}-`)));
      created.push(root);
      if (common) cpSync(common, root, { recursive: true });
      cpSync(join(fixtures, name), root, { recursive: true });
      const { dependencies = {} } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
        dependencies?: Record<string, string>;
      };
      for (const dep of Object.keys(dependencies)) {
        const target = local[dep] ?? realpathSync(join(packageDir, 'node_modules', dep));
        const link = join(root, 'node_modules', dep);
        mkdirSync(dirname(link), { recursive: true });
        symlinkSync(target, link, 'dir');
      }
      return root;
    },
    /** Removes every directory `prepareFixture` created. */
    removeFixtures(): void {
      for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
    },
  };
}
