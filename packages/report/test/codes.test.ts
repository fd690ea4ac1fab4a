// Every code the report can emit has its heading in docs/diagnostics.md, under the same title, inside the
// report's markers (the repo-wide test checks the reverse and the ranges).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CODES } from '@concord/report';
import { expect, it } from 'vitest';

const docs = readFileSync(join(import.meta.dirname, '../../../docs/diagnostics.md'), 'utf8');
const section = docs.slice(docs.indexOf('<!-- 4xx:start'), docs.indexOf('<!-- 4xx:end -->'));

it.each(Object.entries(CODES))('%s "%s" has its heading and anchor', (code, title) => {
  expect(section).toContain(`## ${code} ${title}\n`);
  expect(section).toContain(`<a id="${code.toLowerCase()}"></a>`);
});
