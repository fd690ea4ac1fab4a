// A fault the offending app's own build can see (zustand left out of `shared`, `singleton: false`) is
// named in that build's output, before any page loads.
import { readFileSync } from 'node:fs';
import { APP_INFO } from '../../../playground/scenarios.mjs';
import { buildLogFile } from '../../../scripts/demo/build.mjs';
import { expect, test } from '../../fixtures';

test('the offending app’s own build warns with its code', async ({ scenario }) => {
  const expected = scenario.expect.filter((finding) => finding.where === 'build');
  expect(expected.length, `scenario ${scenario.name} declares no build-time finding`).toBeGreaterThan(0);
  for (const finding of expected) {
    const app = finding.apps[0]!;
    const log = readFileSync(buildLogFile(scenario.name, app), 'utf8');
    expect(log).toMatch(new RegExp(`${finding.code}\\b[^\\n]*"${app}" \\(${APP_INFO[app].bundler}\\)`));
    expect(log).toContain(finding.package);
  }
});
