// The `concord` bin (dist/cli.js). All logic lives in cli-main.ts so it stays importable.
import { main } from './cli-main';

process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
});
