import { fileURLToPath } from 'node:url';
import { federation } from '@module-federation/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { buildContext } from '../federation.mjs';

const ctx = buildContext('cart', fileURLToPath(new URL('.', import.meta.url)));

export default defineConfig({
  base: `${ctx.origin}/`,
  plugins: [
    react(),
    federation({
      name: 'cart',
      filename: 'remoteEntry.js',
      exposes: { './mount': './src/mount.tsx' },
      shared: ctx.shared,
      manifest: true,
      dts: false,
    }),
  ],
  build: { outDir: ctx.outDir, emptyOutDir: true, target: 'es2022' },
});
