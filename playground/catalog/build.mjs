// Builds the catalog with the Rspack JS API (no CLI): `node build.mjs`, scenario from CONCORD_SCENARIO.
import { rspack } from '@rspack/core';
import { createConfig } from './rspack.config.mjs';

const compiler = rspack(createConfig());
compiler.run((error, stats) => {
  if (error || !stats) console.error(error);
  else console.log(stats.toString({ preset: 'errors-warnings', colors: process.stdout.isTTY }));
  const failed = Boolean(error) || !stats || stats.hasErrors();
  compiler.close((closeError) => {
    if (closeError) console.error(closeError);
    process.exitCode = failed || closeError ? 1 : 0;
  });
});
