// README.md states the size budgets and the two commands; these checks keep it honest.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const budgets = readdirSync(join(root, 'packages')).flatMap((p) => {
  try {
    return JSON.parse(readFileSync(join(root, 'packages', p, 'size-budgets.json'), 'utf8')) as {
      name: string;
      limit: string;
    }[];
  } catch {
    return [];
  }
});

describe('README.md', () => {
  it('gives the two commands of a fresh machine', () => {
    expect(readme).toContain('npm run demo');
    expect(readme).toContain('npm test');
  });

  it.each(budgets.map((b) => [b.name, b.limit]))('states the size budget of "%s" as %s', (name, limit) => {
    const row = readme.split('\n').find((line) => line.split('|')[1]?.trim() === name);
    expect(row, `README.md has no size row "| ${name} | … |"`).toBeDefined();
    expect(row!.split('|')[2]!.trim(), `README.md's budget for "${name}"`).toBe(limit);
  });
});
