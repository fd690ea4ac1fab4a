#!/usr/bin/env node
// `npm run build`: builds the published packages in dependency order (a package bundles parts of the
// packages it depends on), skipping a package whose inputs — its sources, the lockfile and the built
// output of its workspace dependencies — hash as at its last build and whose dist/ is as that build left
// it. One line per package; a build's own output goes to .concord-tmp/build/<package>.log and is shown
// only when it fails.
//
//   npm run build                     build what changed
//   npm run build -- --force          rebuild every package
//   npm run build -- --json <file>    also write [{ name, ok, cached, seconds }] (npm test reads it)
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildPackages } from './build/packages.mjs';

const usage = 'Usage: npm run build -- [--force] [--json <file>]';

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        force: { type: 'boolean', default: false },
        json: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    console.error(`[build] ${error.message}\n${usage}`);
    process.exit(2);
  }
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  const results = await buildPackages({ force: values.force });
  if (values.json) writeFileSync(values.json, JSON.stringify(results, null, 2));
  process.exitCode = results.every((r) => r.ok) ? 0 : 1;
}
