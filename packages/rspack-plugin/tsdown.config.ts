import { defineConfig } from 'tsdown';

const common = {
  format: 'esm',
  dts: true,
  fixedExtension: false,
  platform: 'node',
  publint: false,
} as const;

export default defineConfig([
  { ...common, entry: ['src/index.ts'] },
  // The beacon loader is its own self-contained file: Rspack and webpack load loaders by path, possibly in
  // worker threads, so it bundles the little of @concord/build-core it uses instead of importing it.
  { ...common, entry: ['src/beacon-loader.ts'], noExternal: [/^@concord\//], clean: false },
]);
