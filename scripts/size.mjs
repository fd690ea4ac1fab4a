#!/usr/bin/env node
// Size budgets: each entry of packages/*/size-budgets.json bundles an import set from the BUILT packages with
// rolldown (minified, tree-shaken, peers external), gzips it and compares with its limit. An entry with
// `addsTo` is measured as the bytes it adds to that other entry (e.g. the React adapter over the core).
//   node scripts/size.mjs [--json out.json]
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { rolldown } from 'rolldown';

const root = fileURLToPath(new URL('..', import.meta.url));
const budgets = readdirSync(join(root, 'packages'))
  .map((p) => join(root, 'packages', p, 'size-budgets.json'))
  .filter((f) => existsSync(f))
  .flatMap((f) => JSON.parse(readFileSync(f, 'utf8')));
const work = join(root, '.concord-tmp', 'size');
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
const external = (id) =>
  /^(react|react-dom|vue|@module-federation\/|node:)/.test(id) || id.startsWith('react/');

async function measure(budget) {
  const file = join(work, `${budget.name.replace(/\W+/g, '-')}.js`);
  // Exporting the names keeps exactly what a user imports alive, as size-limit's `import` does.
  const code = Object.entries(budget.import)
    .map(([from, names]) => `export ${names} from ${JSON.stringify(from)};`)
    .join('\n');
  writeFileSync(file, code);
  const bundle = await rolldown({ input: file, external, cwd: root, logLevel: 'silent' });
  const { output } = await bundle.generate({ format: 'esm', minify: true });
  await bundle.close();
  const bytes = output
    .filter((o) => o.type === 'chunk')
    .map((o) => o.code)
    .join('');
  return gzipSync(bytes, { level: 9 }).length;
}

const parseLimit = (s) => {
  const m = /^([\d.]+)\s*(B|KB|kB)$/.exec(s);
  if (!m)
    throw new Error(
      `size-budgets.json: \`limit\` must look like "800 B" or "3 KB", got ${JSON.stringify(s)}`,
    );
  return Math.round(Number(m[1]) * (m[2] === 'B' ? 1 : 1000));
};

const sizes = new Map();
const results = [];
for (const budget of budgets) {
  const own = await measure(budget);
  sizes.set(budget.name, own);
  const size = budget.addsTo ? own - sizes.get(budget.addsTo) : own;
  const limit = parseLimit(budget.limit);
  const ok = size <= limit;
  results.push({ name: budget.name, size, limit, ok, addsTo: budget.addsTo });
  const what = budget.addsTo ? `adds ${size} B to "${budget.addsTo}"` : `${size} B`;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${budget.name}: ${what} min+gzip (limit ${budget.limit})`);
}
const jsonAt = process.argv.indexOf('--json');
if (jsonAt > 0) writeFileSync(process.argv[jsonAt + 1], JSON.stringify(results, null, 2));
process.exitCode = results.every((r) => r.ok) ? 0 : 1;
