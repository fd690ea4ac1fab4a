import { parseArgs } from 'node:util';
import { DEFAULTS, FAIL_ON } from './options';
import { renderJson } from './render/json';
import { shouldColor } from './render/terminal';
import { runReport } from './run-report';
import type { FailOn } from './types';
import { VERSION } from './version';

/** Exit codes of `concord` (also in the README). */
export const EXIT = Object.freeze({ ok: 0, findings: 1, usage: 2 });

export const HELP = `concord ${VERSION}: the Concord report for Module Federation apps (Vite and Rspack)

Usage
  concord report <input...> [options]

Inputs are mf-manifest.json or mf-stats.json files, directories holding an mf-manifest.json,
or http(s) URLs. Give the host first: containers initialise in that order.

Options
  --fail-on <level>   error | warning | never: exit 1 when a finding reaches it (default: error)
  --json <file>       write the JSON report (schema 1) to <file>; "-" prints it instead of the table
  --html <file>       write the self-contained HTML report to <file>
  --timeout <ms>      time allowed per URL input (default: ${DEFAULTS.timeoutMs})
  --max-bytes <n>     largest input accepted (default: ${DEFAULTS.maxBytes})
  --watch <pkg>       also treat <pkg> as a store library (repeatable)
  --width <columns>   width of the table (default: ${DEFAULTS.width})
  --no-color          plain text even on a terminal (NO_COLOR works too)
  -h, --help          show this help
  -v, --version       print the version

Exit codes
  0  no finding at or above --fail-on
  1  at least one finding at or above --fail-on (an unreadable input is a finding)
  2  usage error: bad arguments, or an output file that cannot be written

Docs: docs/diagnostics.md (one heading per CONCORD-4xx code)
`;

export interface Io {
  stdout: { write(s: string): unknown; isTTY?: boolean };
  stderr: { write(s: string): unknown };
  env: Record<string, string | undefined>;
  cwd: string;
}

const usage = (io: Io, message: string): number => {
  io.stderr.write(`concord: ${message}\nRun \`concord --help\` for usage.\n`);
  return EXIT.usage;
};

/** Runs the CLI with `argv` (without node and the script) and returns the exit code. */
export async function main(argv: string[], io: Io): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    return usage(io, (error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout.write(HELP);
    return EXIT.ok;
  }
  if (values.version) {
    io.stdout.write(`${VERSION}\n`);
    return EXIT.ok;
  }
  const [command, ...inputs] = positionals;
  if (command === undefined) return usage(io, 'missing command: `concord report <input...>`');
  if (command !== 'report')
    return usage(io, `unknown command ${JSON.stringify(command)}; the command is \`report\``);
  if (inputs.length === 0) return usage(io, '`report` needs at least one manifest path or URL');
  const failOn = values['fail-on'] ?? DEFAULTS.failOn;
  if (!FAIL_ON.includes(failOn as FailOn))
    return usage(io, `--fail-on must be error, warning or never, got ${JSON.stringify(failOn)}`);
  const numbers: Record<string, number | undefined> = {};
  for (const key of ['timeout', 'max-bytes', 'width'] as const) {
    const raw = values[key];
    if (raw === undefined) continue;
    const n = Number(raw);
    if (!Number.isInteger(n) || n <= 0)
      return usage(io, `--${key} must be a positive integer, got ${JSON.stringify(raw)}`);
    numbers[key] = n;
  }
  const jsonToStdout = values.json === '-';
  try {
    const result = await runReport({
      inputs,
      failOn: failOn as FailOn,
      ...(values.json !== undefined && !jsonToStdout && { json: values.json }),
      ...(values.html !== undefined && { html: values.html }),
      ...(numbers.timeout !== undefined && { timeoutMs: numbers.timeout }),
      ...(numbers['max-bytes'] !== undefined && { maxBytes: numbers['max-bytes'] }),
      ...(numbers.width !== undefined && { width: numbers.width }),
      ...(values.watch && { watched: values.watch }),
      color: !values['no-color'] && shouldColor(io.stdout, io.env),
      cwd: io.cwd,
    });
    io.stdout.write(jsonToStdout ? renderJson(result.report) : result.text);
    for (const file of result.written) io.stderr.write(`concord: wrote ${file}\n`);
    return result.exitCode;
  } catch (error) {
    return usage(io, (error as Error).message);
  }
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      'fail-on': { type: 'string' },
      json: { type: 'string' },
      html: { type: 'string' },
      timeout: { type: 'string' },
      'max-bytes': { type: 'string' },
      watch: { type: 'string', multiple: true },
      width: { type: 'string' },
      'no-color': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
  });
}
