import { readFileSync } from 'node:fs';
import { PROTOCOL, VERSION } from '@concord/shared-state';
import { expect, it } from 'vitest';

it('reports the version of package.json', () => {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  expect(VERSION).toBe(pkg.version);
  expect(PROTOCOL).toBe(1);
});
