// README.md states the size budgets and the two commands; these checks keep it honest.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
// The files scripts/size.mjs enforces; a malformed one fails here too instead of dropping its rows.
const budgets = readdirSync(join(root, 'packages'))
  .map((p) => join(root, 'packages', p, 'size-budgets.json'))
  .filter((file) => existsSync(file))
  .flatMap((file) => JSON.parse(readFileSync(file, 'utf8')) as { name: string; limit: string }[]);

describe('README.md', () => {
  it('gives the two commands of a fresh machine', () => {
    expect(readme).toContain('npm run demo');
    expect(readme).toContain('npm test');
  });

  it('has size budgets to state (the rows below would otherwise check nothing)', () => {
    expect(budgets.length).toBeGreaterThan(0);
  });

  it.each(budgets.map((b) => [b.name, b.limit]))('states the size budget of "%s" as %s', (name, limit) => {
    const row = readme.split('\n').find((line) => line.split('|')[1]?.trim() === name);
    expect(row, `README.md has no size row "| ${name} | … |"`).toBeDefined();
    expect(row!.split('|')[2]!.trim(), `README.md's budget for "${name}"`).toBe(limit);
  });
});
