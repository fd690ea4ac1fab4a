import { defineConfig } from 'tsdown';

export default defineConfig([
  {
    entry: ['src/index.ts'],
    format: 'esm',
    dts: true,
    fixedExtension: false,
    platform: 'node',
    publint: false,
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
  },
]);
