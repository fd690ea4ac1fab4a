// `npm run demo -- --check`: the non-interactive demo builds the baseline, serves it, verifies every
// app answers (entry, CORS, manifest) and the page loads in Chromium, and exits 0 — or 1 when it cannot.
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { expect, test } from '../../fixtures';

const root = fileURLToPath(new URL('../../..', import.meta.url));
// Ports of their own, so the check never collides with the baseline project's server (4100…).
const portBase = '4900';

function demo(...args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['scripts/demo.mjs', '--no-install', '--port-base', portBase, ...args],
      {
        cwd: root,
        env: { ...process.env, FORCE_COLOR: '0' },
      },
    );
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

test.describe.configure({ mode: 'serial', timeout: 240_000 });

test('demo --check builds, serves and loads the baseline, then exits 0', async () => {
  const { code, output } = await demo('--check');
  expect(code, output).toBe(0);
  expect(output).toContain(`http://127.0.0.1:${portBase}/`);
  expect(output).toContain('[demo] browser: page loaded; 0 console error(s)');
  expect(output).toContain('check: ok');
});

test('demo --check exits 1 when it cannot serve', async () => {
  const squatter = createServer((_, res) => res.end('not the playground'));
  await new Promise<void>((resolve) => squatter.listen(Number(portBase) + 2, '127.0.0.1', resolve));
  try {
    const { code, output } = await demo('--check');
    expect(code).toBe(1);
    expect(output).toContain(`Port ${Number(portBase) + 2} on 127.0.0.1 is already in use`);
  } finally {
    squatter.close();
  }
});

test('demo rejects an unknown scenario and lists the real ones', async () => {
  const { code, output } = await demo('--scenario', 'no-such-scenario');
  expect(code).toBe(2); // a usage error, before anything is built
  expect(output).toContain('Unknown scenario "no-such-scenario": expected one of baseline');
});
