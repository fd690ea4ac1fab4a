import { parseArgs } from 'node:util';
import { diagnosticsEntries, explain, normalizeCode } from './explain';
import { DEFAULTS, FAIL_ON, MAXIMA, MIN_WIDTH } from './options';
import { renderGithub } from './render/github';
import { renderHtml } from './render/html';
import { renderJson } from './render/json';
import { renderMarkdown } from './render/markdown';
import { shouldColor } from './render/terminal';
import { type RunReportResult, runReport } from './run-report';
import type { FailOn } from './types';
import { VERSION } from './version';

/** Exit codes of `concord` (also in the README). */
export const EXIT = Object.freeze({ ok: 0, findings: 1, usage: 2 });

/** What `--format` prints on stdout; `terminal` is the default table. */
export const FORMATS = ['terminal', 'json', 'markdown', 'github', 'html'] as const;
type Format = (typeof FORMATS)[number];

const PRINT: Record<Exclude<Format, 'terminal'>, (r: RunReportResult, cwd: string) => string> = {
  json: (r) => renderJson(r.report),
  markdown: (r) => renderMarkdown(r.report),
  github: (r, cwd) => renderGithub(r.report, { root: cwd }),
  html: (r) => renderHtml(r.report),
};

export const HELP = `concord ${VERSION}: the Concord report for Module Federation apps (Vite and Rspack)

Usage
  concord report <input...> [options]
  concord explain <code>           print a code's entry of docs/diagnostics.md (offline)

  Without @concord/report installed in the project: npx -p @concord/report concord report <input...>

Inputs are mf-manifest.json or mf-stats.json files, directories holding an mf-manifest.json,
or http(s) URLs. Give the host first: containers initialise in that order.

Options
  --fail-on <level>   error | warning | never: exit 1 when a finding reaches it (default: error)
  --format <format>   terminal | json | markdown | github | html, printed on stdout (default: terminal)
  --json <file>       write the JSON report (schema 1) to <file>; "-" is --format json
  --html <file>       write the self-contained HTML report to <file>
  --timeout <ms>      time allowed per URL input, 1 to ${MAXIMA.timeoutMs} (default: ${DEFAULTS.timeoutMs})
  --deadline <ms>     time allowed for the whole report, 1 to ${MAXIMA.deadlineMs} (default: ${DEFAULTS.deadlineMs})
  --max-bytes <n>     largest input accepted, 1 to ${MAXIMA.maxBytes} (default: ${DEFAULTS.maxBytes})
  --watch <pkg>       also treat <pkg> as a store library (repeatable)
  --host <app>        the app that hosts the page (its shares load first); "none": no input is
                      the host (default: the app whose manifest lists the others as remotes,
                      else the first input)
  --width <columns>   width of the table, ${MIN_WIDTH} to ${MAXIMA.width} (default: ${DEFAULTS.width})
  --no-color          plain text even on a terminal (NO_COLOR works too)
  -h, --help          show this help
  -v, --version       print the version

Exit codes
  0  no finding at or above --fail-on
  1  at least one finding at or above --fail-on (an unreadable input is a finding, and so is
     a report that could not finish: CONCORD-406)
  2  usage error: bad arguments, a --host that is none of the inputs' apps (CONCORD-407),
     an unknown code, or an output file that cannot be written

Docs: docs/diagnostics.md (one heading per code), or \`concord explain CONCORD-4xx\`
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

/** Numeric options: digits only, within the bounds runReport accepts (a timer past 2^31-1 ms fires at once). */
const NUMBERS = {
  timeout: [1, MAXIMA.timeoutMs],
  deadline: [1, MAXIMA.deadlineMs],
  'max-bytes': [1, MAXIMA.maxBytes],
  width: [MIN_WIDTH, MAXIMA.width],
} as const;

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
  if (command === 'explain') return explainCommand(io, inputs);
  if (command !== 'report')
    return usage(
      io,
      `unknown command ${JSON.stringify(command)}; the commands are \`report\` and \`explain\``,
    );
  if (inputs.length === 0) return usage(io, '`report` needs at least one manifest path or URL');
  const failOn = values['fail-on'] ?? DEFAULTS.failOn;
  if (!FAIL_ON.includes(failOn as FailOn))
    return usage(io, `--fail-on must be error, warning or never, got ${JSON.stringify(failOn)}`);
  const jsonToStdout = values.json === '-';
  if (jsonToStdout && values.format !== undefined && values.format !== 'json')
    return usage(io, `--json - prints JSON, which contradicts --format ${values.format}`);
  const format = (values.format ?? (jsonToStdout ? 'json' : 'terminal')) as Format;
  if (!FORMATS.includes(format))
    return usage(io, `--format must be ${FORMATS.join(', ')}; got ${JSON.stringify(values.format)}`);
  const host = values.host;
  if (host !== undefined && host.trim() === '')
    return usage(io, '--host needs the name of an app among the inputs, or "none"');
  const numbers: Partial<Record<keyof typeof NUMBERS, number>> = {};
  for (const key of Object.keys(NUMBERS) as (keyof typeof NUMBERS)[]) {
    const raw = values[key];
    if (raw === undefined) continue;
    const [min, max] = NUMBERS[key];
    const n = /^\d{1,16}$/.test(raw) ? Number(raw) : Number.NaN;
    if (!(n >= min && n <= max))
      return usage(io, `--${key} must be an integer from ${min} to ${max}, got ${JSON.stringify(raw)}`);
    numbers[key] = n;
  }
  try {
    const result = await runReport({
      inputs,
      failOn: failOn as FailOn,
      ...(values.json !== undefined && !jsonToStdout && { json: values.json }),
      ...(values.html !== undefined && { html: values.html }),
      ...(numbers.timeout !== undefined && { timeoutMs: numbers.timeout }),
      ...(numbers.deadline !== undefined && { deadlineMs: numbers.deadline }),
      ...(numbers['max-bytes'] !== undefined && { maxBytes: numbers['max-bytes'] }),
      ...(numbers.width !== undefined && { width: numbers.width }),
      ...(values.watch && { watched: values.watch }),
      ...(host !== undefined && { host: host === 'none' ? false : host }),
      color: !values['no-color'] && shouldColor(io.stdout, io.env),
      cwd: io.cwd,
    });
    io.stdout.write(format === 'terminal' ? result.text : PRINT[format](result, io.cwd));
    for (const file of result.written) io.stderr.write(`concord: wrote ${file}\n`);
    return result.exitCode;
  } catch (error) {
    return usage(io, (error as Error).message.split('\n')[0]!);
  }
}

function explainCommand(io: Io, args: string[]): number {
  if (args.length !== 1) return usage(io, '`explain` takes one code, e.g. `concord explain CONCORD-201`');
  const code = normalizeCode(args[0]!);
  const text = code && explain(code);
  if (!text) {
    const known = [...diagnosticsEntries().keys()];
    return usage(
      io,
      `no diagnostic ${JSON.stringify(args[0])}; known codes: ${known[0]} to ${known[known.length - 1]} (docs/diagnostics.md)`,
    );
  }
  io.stdout.write(text);
  return EXIT.ok;
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      'fail-on': { type: 'string' },
      format: { type: 'string' },
      json: { type: 'string' },
      html: { type: 'string' },
      timeout: { type: 'string' },
      deadline: { type: 'string' },
      'max-bytes': { type: 'string' },
      watch: { type: 'string', multiple: true },
      host: { type: 'string' },
      width: { type: 'string' },
      'no-color': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
  });
}
