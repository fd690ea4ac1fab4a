// `concord explain CONCORD-201`: a code's entry of docs/diagnostics.md, printed offline. The build inlines the
// whole page into dist/cli.js (tsdown `define`), so the packed package needs no repository and no network;
// from source (tests, the workspace) the page is read where it lives.
import { readFileSync } from 'node:fs';

declare const __CONCORD_DIAGNOSTICS__: string | undefined;

function diagnosticsText(): string {
  if (typeof __CONCORD_DIAGNOSTICS__ === 'string') return __CONCORD_DIAGNOSTICS__;
  return readFileSync(new URL('../../../docs/diagnostics.md', import.meta.url), 'utf8');
}

/** `201`, `concord-201`, `CONCORD-201` → `CONCORD-201`; anything else → undefined. */
export function normalizeCode(raw: string): string | undefined {
  const m = /^(?:concord-)?(\d{3})$/i.exec(raw.trim());
  return m ? `CONCORD-${m[1]}` : undefined;
}

const HEADING = /^## (CONCORD-\d{3})\b.*$/gm;

/** Every code with an entry, in page order, and each entry's text (heading to the next entry or section). */
export function diagnosticsEntries(text = diagnosticsText()): Map<string, string> {
  const entries = new Map<string, string>();
  const heads = [...text.matchAll(HEADING)];
  for (let i = 0; i < heads.length; i++) {
    const start = heads[i]!.index;
    const end = heads[i + 1]?.index ?? text.length;
    const body = text
      .slice(start, end)
      // The next entry's anchor and the page's section markers belong to no entry.
      .replace(/<a id="[^"]*"><\/a>\s*$/, '')
      .replace(/<!--[\s\S]*?-->/g, '')
      .replace(/\n{3,}/g, '\n\n')
      .trimEnd();
    entries.set(heads[i]![1]!, body);
  }
  return entries;
}

/** The entry of `code` as text, ending with where the page lives, or undefined when there is none. */
export function explain(code: string): string | undefined {
  const entry = diagnosticsEntries().get(code);
  return entry === undefined ? undefined : `${entry}\n\n(docs/diagnostics.md#${code.toLowerCase()})\n`;
}
