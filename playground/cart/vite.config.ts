import { fileURLToPath } from 'node:url';
import { concord } from '@concord/vite-plugin';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { buildContext } from '../federation.mjs';

// The scenario (CONCORD_SCENARIO) decides ports, output and what each app shares: ../scenarios.mjs.
const ctx = buildContext('cart', fileURLToPath(new URL('.', import.meta.url)));

export default defineConfig({
  base: `${ctx.origin}/`,
  plugins: [
    react(),
    concord({
      name: 'cart',
      filename: 'remoteEntry.js',
      exposes: { './mount': './src/mount.tsx' },
      shared: ctx.shared,
      concord: ctx.concord,
    }),
  ],
  build: { outDir: ctx.outDir, emptyOutDir: true, target: 'es2022' },
});
