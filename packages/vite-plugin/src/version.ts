import { createRequire } from 'node:module';

// Read at runtime so the metadata always carries the published version (src/ and dist/ are both one
// level below package.json).
export const VERSION: string = (createRequire(import.meta.url)('../package.json') as { version: string })
  .version;
