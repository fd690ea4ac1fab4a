import { defineConfig } from 'tsdown';

export default defineConfig({
  entry: ['src/index.ts', 'src/beacon.ts', 'src/inject.ts', 'src/semver.ts', 'src/overlay/index.ts'],
  format: 'esm',
  dts: true,
  fixedExtension: false,
  platform: 'neutral',
  publint: false,
});
