// `--format github`: one workflow command per finding, so GitHub Actions shows each as an annotation on the run
// (and on the file, when the input is a path in the repository). Commands are recognised only at the start of
// a line, so every value is encoded the way the runner decodes it (actions/toolkit `command.ts`): `%`, CR and
// LF in the message; also `:` and `,` in properties. A name from a manifest can then never end the command
// or start another one; other control characters are shown as escape text.
import { isAbsolute, relative, sep } from 'node:path';
import { CODES } from '../finding';
import type { Finding, Report, Severity } from '../types';
import { summaryLine } from './terminal';
import { visible, visibleKeepingBreaks } from './visible';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/** Message text: `%`, CR, LF encoded. */
export const escapeData = (s: string): string =>
  s.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');

/** Property values (`file=`, `title=`): also `:` and `,`. */
export const escapeProperty = (s: string): string =>
  escapeData(s).replaceAll(':', '%3A').replaceAll(',', '%2C');

export interface GithubOptions {
  /**
   * The checkout's root: absolute input paths inside it become relative, as annotations need to attach to a
   * file (the CLI passes its working directory).
   * @default undefined (paths as given)
   */
  root?: string;
}

/**
 * The report as GitHub Actions workflow commands: `::error file=…,title=CONCORD-410 …::message` per finding
 * (`info` becomes `::notice`), then the summary as a plain line.
 * @example concord report dist apps/cart/dist --format github
 */
export function renderGithub(report: Report, options: GithubOptions = {}): string {
  const inputOf = new Map(report.apps.map((a) => [a.name, a.input]));
  const lines: string[] = [];
  for (const f of report.findings) lines.push(annotation(f, inputOf, options.root));
  lines.push(visible(summaryLine(report)));
  return `${lines.join('\n')}\n`;
}

/** An input path as the annotation's `file=`: relative to `root` when inside it; URLs are no file. */
function fileOf(input: string | undefined, root: string | undefined): string | undefined {
  if (input === undefined || /^[a-z][a-z\d+.-]+:\/\//i.test(input)) return undefined;
  if (root === undefined || !isAbsolute(input)) return input;
  const rel = relative(root, input);
  return rel.startsWith('..') || isAbsolute(rel) ? input : rel.split(sep).join('/');
}

function annotation(f: Finding, inputOf: Map<string, string>, root: string | undefined): string {
  const file = fileOf(f.input ?? (f.apps?.[0] !== undefined ? inputOf.get(f.apps[0]) : undefined), root);
  const title = `${f.code} ${CODES[f.code as keyof typeof CODES] ?? ''}`.trim();
  const props = [
    ...(file !== undefined ? [`file=${escapeProperty(visible(file))}`] : []),
    `title=${escapeProperty(title)}`,
  ];
  return `::${COMMAND[f.severity]} ${props.join(',')}::${escapeData(visibleKeepingBreaks(f.message))}`;
}
