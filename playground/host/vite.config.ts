import { fileURLToPath } from 'node:url';
import { federation } from '@module-federation/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { buildContext } from '../federation.mjs';

const ctx = buildContext('host', fileURLToPath(new URL('.', import.meta.url)));

export default defineConfig({
  base: `${ctx.origin}/`,
  plugins: [
    react(),
    federation({
      name: 'host',
      remotes: ctx.remotes,
      shared: ctx.shared,
      manifest: true,
      dts: false,
    }),
  ],
  build: { outDir: ctx.outDir, emptyOutDir: true, target: 'es2022' },
});
