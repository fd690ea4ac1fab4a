// Codes are data: the table in src/codes.ts is what messages, docs and tests read. Each code has its
// docs heading with the table's title and an explicit anchor that the messages' links match.
import { readFileSync } from 'node:fs';
import { CODES, DEFAULTS } from '@concord/runtime-plugin';
import { describe, expect, it } from 'vitest';

const docs = readFileSync(new URL('../../../docs/diagnostics.md', import.meta.url), 'utf8');
const entries = Object.entries(CODES);

describe('the code table', () => {
  it('covers the 2xx range without gaps', () => {
    expect(entries.map(([code]) => code)).toEqual(
      Array.from({ length: entries.length }, (_, i) => `CONCORD-${201 + i}`),
    );
    expect(entries.length).toBeGreaterThanOrEqual(10);
  });

  it.each(entries)('%s has a severity, a title and a sentence', (_, entry) => {
    expect(['error', 'warning']).toContain(entry.severity);
    expect(entry.title).toMatch(/^\S.{5,}$/);
    const [what, consequence, fix] = entry.text!('zustand', {
      versions: ['5.1.0', '5.1.1'],
      consumer: { app: 'cart', bundler: 'vite' },
      provider: { app: 'host', bundler: 'vite' },
      requiredVersion: '^4.0.0',
      copies: [],
      detail: 'x',
    });
    for (const part of [what, consequence, fix]) expect(part).toMatch(/\S/);
  });

  it.each(entries)('%s has a docs heading with its title, under an explicit anchor', (code, entry) => {
    const anchor = code.toLowerCase();
    expect(docs).toContain(`<a id="${anchor}"></a>\n\n## ${code} ${entry.title}\n`);
    // The messages link to the absolute docs page followed by the same anchor.
    expect(DEFAULTS.docsUrl).toMatch(/^https:\/\/.+\/docs\/diagnostics\.md$/);
  });
});
