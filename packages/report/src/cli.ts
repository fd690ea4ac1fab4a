// The `concord` bin (dist/cli.js). All logic lives in cli-main.ts so it stays importable.
import { main } from './cli-main';

// A reader that closes the pipe early (`concord report … | head`) is not an error of the report.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
});

try {
  process.exitCode = await main(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
  });
} catch (error) {
  // main() turns every expected failure into an exit code; anything else is one line, never a stack trace.
  process.stderr.write(`concord: internal error: ${(error as Error)?.message ?? String(error)}\n`);
  process.exitCode = 1;
}
