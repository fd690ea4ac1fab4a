import { readFileSync } from 'node:fs';
import { defineConfig } from 'tsdown';

// `concord explain` prints docs/diagnostics.md entries offline: the page is inlined into the bin at build time.
const diagnostics = readFileSync(new URL('../../docs/diagnostics.md', import.meta.url), 'utf8');

export default defineConfig([
  {
    entry: ['src/index.ts'],
    format: 'esm',
    dts: true,
    fixedExtension: false,
    platform: 'node',
    publint: false,
    // The two configs build in parallel: a clean here could run after the bin below was written and delete
    // it (a build that "completed" without dist/cli.js). Both write fixed file names, so nothing goes stale.
    clean: false,
  },
  {
    // The `concord` bin: no types, a shebang, its own file so importing the library never runs it.
    entry: ['src/cli.ts'],
    format: 'esm',
    dts: false,
    fixedExtension: false,
    platform: 'node',
    publint: false,
    clean: false,
    banner: { js: '#!/usr/bin/env node' },
    define: { __CONCORD_DIAGNOSTICS__: JSON.stringify(diagnostics) },
  },
]);
