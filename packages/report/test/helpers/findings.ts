// Reading a report in tests: its codes, the one finding of a code, one cell of the matrix.
import type { Finding, Report } from '@concord/report';
import { expect } from 'vitest';

/** Every finding is one sentence per part and ends with its docs anchor. */
export function expectWellFormed(f: Finding): void {
  expect(f.code).toMatch(/^CONCORD-4\d\d$/);
  expect(f.docs).toBe(`docs/diagnostics.md#${f.code.toLowerCase()}`);
  expect(f.message.endsWith(`See ${f.docs}`)).toBe(true);
  expect(f.message).toContain(f.fix);
}

export const codes = (r: Report): string[] => r.findings.map((f) => f.code);

/** The single finding with `code` (fails the test, listing the codes found, when there is not exactly one). */
export const only = (r: Report, code: string): Finding => {
  const found = r.findings.filter((f) => f.code === code);
  expect(found, `${code} in ${JSON.stringify(codes(r))}`).toHaveLength(1);
  return found[0]!;
};

/** The matrix cell of `app` for `pkg`. */
export const cell = (r: Report, pkg: string, app: string) =>
  r.matrix.find((row) => row.package === pkg)!.cells.find((c) => c.app === app)!;
