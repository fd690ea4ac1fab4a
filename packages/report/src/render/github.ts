// `--format github`: one workflow command per finding, so GitHub Actions shows each as an annotation on the run
// (and on the file, when the input is a path in the repository). Commands are recognised only at the start of
// a line, so every value is encoded the way the runner decodes it (actions/toolkit `command.ts`): `%`, CR and
// LF in the message; also `:` and `,` in properties. A name from a manifest can then never end the command
// or start another one; other control characters are shown as escape text.
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

/**
 * The report as GitHub Actions workflow commands: `::error file=…,title=CONCORD-410 …::message` per finding
 * (`info` becomes `::notice`), then the summary as a plain line.
 * @example concord report dist apps/cart/dist --format github
 */
export function renderGithub(report: Report): string {
  const inputOf = new Map(report.apps.map((a) => [a.name, a.input]));
  const lines: string[] = [];
  for (const f of report.findings) lines.push(annotation(f, inputOf));
  lines.push(visible(summaryLine(report)));
  return `${lines.join('\n')}\n`;
}

function annotation(f: Finding, inputOf: Map<string, string>): string {
  const file = f.input ?? (f.apps?.[0] !== undefined ? inputOf.get(f.apps[0]) : undefined);
  const title = `${f.code} ${CODES[f.code as keyof typeof CODES] ?? ''}`.trim();
  const props = [
    ...(file !== undefined && !/^[a-z][a-z\d+.-]+:\/\//i.test(file)
      ? [`file=${escapeProperty(visible(file))}`]
      : []),
    `title=${escapeProperty(title)}`,
  ];
  return `::${COMMAND[f.severity]} ${props.join(',')}::${escapeData(visibleKeepingBreaks(f.message))}`;
}
