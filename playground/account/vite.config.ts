import { fileURLToPath } from 'node:url';
import { federation } from '@module-federation/vite';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';
import { buildContext } from '../federation.mjs';

const ctx = buildContext('account', fileURLToPath(new URL('.', import.meta.url)));

export default defineConfig({
  base: `${ctx.origin}/`,
  plugins: [
    vue(),
    federation({
      name: 'account',
      filename: 'remoteEntry.js',
      exposes: { './mount': './src/mount.ts' },
      shared: ctx.shared,
      manifest: true,
      dts: false,
    }),
  ],
  build: { outDir: ctx.outDir, emptyOutDir: true, target: 'es2022' },
});
