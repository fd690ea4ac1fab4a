// Material for the hostile-input tables: names that are Object.prototype members, strings that steer a
// terminal, and report objects too large to build through the loader's caps.
import { spawnSync } from 'node:child_process';
import type { Report } from '@concord/report';

/** Object.prototype's members (and `__proto__`): a lookup in a plain object finds these for any JSON input. */
export const PROTO_NAMES = [
  '__proto__',
  'constructor',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  '__defineGetter__',
  '__defineSetter__',
  '__lookupGetter__',
  '__lookupSetter__',
] as const;

/** [label, the raw string, how the terminal must show it]. */
export const HIDDEN_SAMPLES: [string, string, string][] = [
  ['ESC [8m (conceal)', '\u001b[8m', '\\x1b[8m'],
  ['ESC [2J (clear screen)', '\u001b[2J', '\\x1b[2J'],
  ['OSC 8 hyperlink', '\u001b]8;;https://evil.example\u0007', '\\x1b]8;;https://evil.example\\x07'],
  ['CSI as C1 (0x9b)', '\u009b31m', '\\x9b31m'],
  ['a newline', '\nerror CONCORD-999 forged', '\\nerror CONCORD-999 forged'],
  ['a carriage return', '\roverwritten', '\\roverwritten'],
  ['U+202E right-to-left override', '\u202Egnp.exe', '\\u202egnp.exe'],
  ['U+2066 left-to-right isolate', '\u2066x\u2069', '\\u2066x\\u2069'],
  ['U+200F right-to-left mark', '\u200F', '\\u200f'],
  ['U+2028 line separator', '\u2028', '\\u2028'],
  ['NUL', '\u0000', '\\x00'],
  ['DEL and backspace', '\u007f\u0008', '\\x7f\\x08'],
];

export function mkfifo(path: string): void {
  const r = spawnSync('mkfifo', [path]);
  if (r.status !== 0) throw new Error(`mkfifo ${path} failed: ${r.stderr}`);
}

/** A valid report of `packages` rows × `apps` cells, built directly (no loader caps, no analysis). */
export function syntheticReport(packages: number, apps: number): Report {
  const names = Array.from({ length: apps }, (_, a) => `app-${a}`);
  return {
    schema: 1,
    tool: { name: '@concord/report', version: '0.0.0' },
    apps: names.map((name) => ({
      name,
      bundler: 'vite',
      input: `${name}/mf-manifest.json`,
      kind: 'manifest',
      concord: false,
      contract: null,
    })),
    rejected: [],
    matrix: Array.from({ length: packages }, (_, p) => ({
      package: `pkg-${p}`,
      watched: false,
      versions: ['1.0.0'],
      selected: { app: names[0]!, version: '1.0.0' },
      cells: names.map((app) => ({
        app,
        version: '1.0.0',
        requiredVersion: '^1.0.0',
        singleton: true,
        singletonSource: 'manifest' as const,
        strictVersion: null,
        provider: { app: names[0]!, version: '1.0.0' },
        verdict: 'ok' as const,
      })),
    })),
    findings: [],
    summary: { errors: 0, warnings: 0, infos: 0 },
  };
}
