import { fileURLToPath } from 'node:url';
import { concord } from '@concord/vite-plugin';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';
import { buildContext } from '../federation.mjs';

// The scenario (CONCORD_SCENARIO) decides ports, output and what each app shares: ../scenarios.mjs.
const ctx = buildContext('account', fileURLToPath(new URL('.', import.meta.url)));

export default defineConfig({
  base: `${ctx.origin}/`,
  plugins: [
    vue(),
    concord({
      name: 'account',
      filename: 'remoteEntry.js',
      exposes: { './mount': './src/mount.ts' },
      shared: ctx.shared,
      concord: ctx.concord,
    }),
  ],
  build: { outDir: ctx.outDir, emptyOutDir: true, target: 'es2022' },
});
