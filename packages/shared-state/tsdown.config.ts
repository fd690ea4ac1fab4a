import { defineConfig } from 'tsdown';

export default defineConfig({
  entry: ['src/index.ts', 'src/react.ts', 'src/vue.ts', 'src/broadcast.ts'],
  format: 'esm',
  dts: true,
  fixedExtension: false,
  platform: 'neutral',
  publint: false,
  external: ['react', 'vue'],
});
