// The beacon snippet the build plugins append to each watched library's entry module: its exact text,
// idempotent appending, one registration per evaluation, safe literals, and no effect on the module's
// exports or tree-shaking (checked by bundling it with rolldown).
import { DEFAULT_WATCHED as PLUGIN_WATCHED } from '@concord/runtime-plugin';
import {
  BEACON_MARKER,
  beaconSnippet,
  DEFAULT_WATCHED,
  hasBeacon,
  toSafeJsLiteral,
} from '@concord/runtime-plugin/inject';
import { rolldown } from 'rolldown';
import { beforeEach, describe, expect, it } from 'vitest';
import { resetPage } from './harness';

beforeEach(resetPage);

const info = { package: 'zustand', version: '5.1.0', app: 'catalog', bundler: 'rspack' };
const append = (code: string) => (hasBeacon(code) ? code : `${code}\n${beaconSnippet(info)}`);
const beacons = () => (globalThis as Record<symbol, unknown[] | undefined>)[Symbol.for('concord.beacons')];

describe('beaconSnippet', () => {
  it('is a self-contained statement block starting with the marker', () => {
    expect(beaconSnippet(info)).toMatchInlineSnapshot(`
      "/* @concord/beacon */
      ;(function () {
        var g = typeof globalThis === "object" ? globalThis : self, k = Symbol.for("concord.beacons"), a;
        try { a = g[k]; if (!Array.isArray(a)) a = g[k] = []; if (!Object.isExtensible(a)) return; } catch (e) { return; }
        a.push({"package":"zustand","version":"5.1.0","app":"catalog","bundler":"rspack"});
      })();
      "
    `);
    expect(beaconSnippet(info).startsWith(BEACON_MARKER)).toBe(true);
    expect(beaconSnippet(info)).not.toMatch(/\bimport\b|\bexport\b/);
  });

  it('appends idempotently', () => {
    const code = 'export const a = 1;';
    const once = append(code);
    expect(append(once)).toBe(once);
    expect(once.split(BEACON_MARKER)).toHaveLength(2);
    expect(hasBeacon(code)).toBe(false);
    expect(hasBeacon(once)).toBe(true);
  });

  it('registers exactly once per evaluation, before any runtime plugin exists', () => {
    const module = append(append('exports.create = () => 1;'));
    new Function('exports', module)({});
    expect(beacons()).toEqual([info]);
    new Function('exports', module)({}); // a second evaluated copy
    expect(beacons()).toEqual([info, info]);
  });

  it('survives a garbage global in place of the beacon array', () => {
    (globalThis as Record<symbol, unknown>)[Symbol.for('concord.beacons')] = 'garbage';
    new Function(beaconSnippet(info))();
    expect(beacons()).toEqual([info]);
  });

  it('escapes every interpolated value through the safe literal', () => {
    const hostile = { ...info, app: '</script><script>alert(1)</script>\u2028\u2029"' };
    const snippet = beaconSnippet(hostile);
    expect(snippet).not.toContain('</script>');
    expect(snippet).not.toMatch(/[\u2028\u2029]/);
    new Function(snippet)();
    expect(beacons()).toEqual([hostile]);
  });

  it.each(['package', 'version', 'app', 'bundler'] as const)('rejects a missing `%s`', (key) => {
    expect(() => beaconSnippet({ ...info, [key]: '' })).toThrow(`\`${key}\` must be a non-empty string`);
  });

  it('changes neither the exports nor the tree-shaking of the module it is appended to', async () => {
    const files: Record<string, string> = {
      'entry.js': 'import { used } from "lib"; globalThis.out = used;',
      lib: append('export const used = "USED"; export const unused = "UNUSED";'),
    };
    const bundle = async (input: string) => {
      const build = await rolldown({
        input,
        logLevel: 'silent',
        plugins: [{ name: 'memory', resolveId: (id) => id, load: (id) => files[id] }],
      });
      const { output } = await build.generate({ format: 'esm' });
      await build.close();
      return output[0];
    };
    const app = await bundle('entry.js');
    expect(app.code).toContain('USED');
    expect(app.code).not.toContain('UNUSED');
    expect(app.code).toContain('Symbol.for("concord.beacons")');
    expect((await bundle('lib')).exports.sort()).toEqual(['unused', 'used']);
  });
});

describe('toSafeJsLiteral', () => {
  it('is JSON with <, U+2028 and U+2029 escaped', () => {
    expect(toSafeJsLiteral({ a: '<b>\u2028\u2029' })).toBe('{"a":"\\u003Cb>\\u2028\\u2029"}');
    expect(JSON.parse(toSafeJsLiteral(['</script>']))).toEqual(['</script>']);
  });

  it('refuses what JSON cannot represent', () => {
    expect(() => toSafeJsLiteral(undefined)).toThrow(TypeError);
  });
});

it('exports the default watched list for the build plugins', () => {
  expect(DEFAULT_WATCHED).toContain('zustand');
  expect(DEFAULT_WATCHED).toContain('@concord/shared-state');
  // The very list the plugin watches (test/options.test.ts pins its contents), not a copy that can drift.
  expect(DEFAULT_WATCHED).toEqual(PLUGIN_WATCHED);
});
