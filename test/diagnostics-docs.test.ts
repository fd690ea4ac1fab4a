// Every diagnostic code used in a package's source has a heading in docs/diagnostics.md, and every
// heading there is a code some source still uses or explicitly retires (codes are never reused).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const docs = readFileSync(join(root, 'docs/diagnostics.md'), 'utf8');
const headings = new Set([...docs.matchAll(/^##+ (CONCORD-\d{3})\b/gm)].map((m) => m[1]));

function* sourceFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* sourceFiles(path);
    else if (/\.(ts|tsx|mts|js|mjs)$/.test(name)) yield path;
  }
}

// Code → every source file that names it (a package may cite another's code in a message or a comment).
const used = new Map<string, string[]>();
for (const pkg of readdirSync(join(root, 'packages'))) {
  const src = join(root, 'packages', pkg, 'src');
  try {
    statSync(src);
  } catch {
    continue;
  }
  for (const file of sourceFiles(src)) {
    // `CONCORD-303` as text, or shared-state's `fail(303, …)`, `report(317, …)`, `code = 315` (the number alone is shorter in its bundle).
    for (const m of readFileSync(file, 'utf8').matchAll(
      /CONCORD-(\d{3})|\b(?:(?:fail|report)\(\s*|code = )(\d{3})\b/g,
    )) {
      const code = `CONCORD-${m[1] ?? m[2]}`;
      used.set(code, [...(used.get(code) ?? []), file]);
    }
  }
}

describe('docs/diagnostics.md', () => {
  it.each([...used].sort())('has a heading for %s', (code) => {
    expect(
      headings.has(code),
      `${code} is used in ${used.get(code)} but docs/diagnostics.md has no "## ${code}" heading`,
    ).toBe(true);
  });

  it('keeps every heading for a code some source uses, or marks it retired', () => {
    // Also proves the scan above found the sources (an empty `used` would make the checks above vacuous).
    expect(used.size).toBeGreaterThan(0);
    for (const code of headings) {
      const heading = docs.match(new RegExp(`^##+ ${code}\\b.*$`, 'm'))![0];
      if (!used.has(code!))
        expect(heading, `${code} is used by no source and not marked retired`).toMatch(/retired/i);
    }
  });

  it('has each code once, with the anchor its docs links point at (`docs/diagnostics.md#concord-101`)', () => {
    const all = [...docs.matchAll(/^## (CONCORD-\d{3})\b/gm)].map((m) => m[1]!);
    expect(all.filter((code, i) => all.indexOf(code) !== i)).toEqual([]);
    for (const code of all)
      expect(docs, `${code} has no <a id="${code.toLowerCase()}"></a> above its heading`).toMatch(
        new RegExp(`<a id="${code.toLowerCase()}"></a>\n\n## ${code}\\b`),
      );
  });

  it('gives every heading a Reasons and a Fixes part', () => {
    const sections = docs.split(/^## (?=CONCORD-)/m).slice(1);
    for (const section of sections) {
      const code = section.slice(0, 11);
      expect(section, `${code} has no "Reasons" part`).toMatch(/Reasons?/);
      expect(section, `${code} has no "Fix" part`).toMatch(/Fix(es)?/);
    }
  });

  it('keeps codes in their package ranges', () => {
    const rangeOf: Record<string, number> = {
      'build-core': 1,
      'vite-plugin': 1,
      'rspack-plugin': 1,
      'runtime-plugin': 2,
      'shared-state': 3,
      report: 4,
    };
    // Each code is raised by a package of its range; other packages may only cite it.
    for (const [code, files] of used) {
      const range = Number(code.slice(8, 9));
      const owners = files.filter((file) => rangeOf[file.split('/packages/')[1]!.split('/')[0]!] === range);
      expect(
        owners.length,
        `${code} is named only outside its range's packages: ${files.join(', ')}`,
      ).toBeGreaterThan(0);
    }
  });
});
