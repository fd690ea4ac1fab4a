// Every code the report can emit has its heading in docs/diagnostics.md, under the same title, inside the
// report's markers (the repo-wide test checks the reverse and the ranges).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CODES, RUNTIME_PAIRS } from '@concord/report';
import { expect, it } from 'vitest';

const docs = readFileSync(join(import.meta.dirname, '../../../docs/diagnostics.md'), 'utf8');
const section = docs.slice(docs.indexOf('<!-- 4xx:start'), docs.indexOf('<!-- 4xx:end -->'));

it.each(Object.entries(CODES))('%s "%s" has its heading and anchor', (code, title) => {
  expect(section).toContain(`## ${code} ${title}\n`);
  expect(section).toContain(`<a id="${code.toLowerCase()}"></a>`);
});

// The pairs of report and load-time codes: docs/diagnostics.md shows exactly the table RUNTIME_PAIRS holds.
it('docs/diagnostics.md shows every report ↔ runtime pair of RUNTIME_PAIRS, and no other', () => {
  const table = docs.slice(docs.indexOf('## Report and runtime codes'), docs.indexOf('<!-- 4xx:end -->'));
  const rows = [...table.matchAll(/^\| (CONCORD-4\d\d)\s*\| (CONCORD-\d{3}|—)\s*\|/gm)].map((m) => [
    m[1],
    m[2] === '—' ? null : m[2],
  ]);
  expect(Object.fromEntries(rows)).toEqual(RUNTIME_PAIRS);
  expect(rows).toHaveLength(Object.keys(RUNTIME_PAIRS).length);
  for (const code of Object.keys(RUNTIME_PAIRS)) expect(CODES).toHaveProperty([code]);
});
