import { OPTION_DEFAULTS, REPORT_DEFAULTS, resolveOptions } from '@concord/build-core';
import { describe, expect, it } from 'vitest';
import { codeOf, deepFreeze } from './helpers/app';

describe('resolveOptions', () => {
  it('applies every default', () => {
    expect(resolveOptions(undefined)).toEqual(OPTION_DEFAULTS);
    expect(resolveOptions({})).toEqual(OPTION_DEFAULTS);
    expect(resolveOptions({}).report).toBe(REPORT_DEFAULTS);
  });

  it('keeps its defaults frozen', () => {
    expect(Object.isFrozen(OPTION_DEFAULTS)).toBe(true);
    expect(Object.isFrozen(REPORT_DEFAULTS)).toBe(true);
    expect(Object.isFrozen(OPTION_DEFAULTS.watch)).toBe(true);
    expect(Object.isFrozen(resolveOptions({ watch: ['mobx'] }).watch)).toBe(true);
  });

  it('normalises the contract, the report shorthand and de-duplicates lists', () => {
    const resolved = resolveOptions({
      contract: '@acme/contract',
      report: ['../host/dist/mf-manifest.json'],
      watch: ['mobx', 'mobx'],
      reads: ['theme', 'session.user'],
      owns: ['theme', 'theme'],
    });
    expect(resolved.contract).toEqual({ package: '@acme/contract' });
    expect(resolved.report).toEqual({ ...REPORT_DEFAULTS, manifests: ['../host/dist/mf-manifest.json'] });
    expect(resolved.watch).toEqual(['mobx']);
    expect(resolved.reads).toEqual(['theme', 'session.user']);
    expect(resolved.owns).toEqual(['theme']);
    expect(resolveOptions({ report: false }).report).toBe(false);
    expect(resolveOptions({ contract: { package: '@acme/c', export: 'acme' } }).contract).toEqual({
      package: '@acme/c',
      export: 'acme',
    });
  });

  it('takes the report deadline and a docs location', () => {
    const resolved = resolveOptions({
      docsUrl: 'https://docs.acme.dev/concord/diagnostics.html',
      report: { deadlineMs: 30_000, timeoutMs: 600_000 },
    });
    expect(resolved.docsUrl).toBe('https://docs.acme.dev/concord/diagnostics.html');
    expect(resolved.report).toMatchObject({ deadlineMs: 30_000, timeoutMs: 600_000 });
  });

  it('takes the report host: an app name, or false for none', () => {
    expect(resolveOptions({ report: { host: 'shell' } }).report).toMatchObject({ host: 'shell' });
    expect(resolveOptions({ report: { host: false } }).report).toMatchObject({ host: false });
    expect(REPORT_DEFAULTS.host).toBeUndefined();
  });

  it('never mutates its input and returns no shared references to it', () => {
    const user = deepFreeze({
      contract: { package: '@acme/contract' },
      watch: ['mobx'],
      packages: { react: { mode: 'throw' as const } },
      report: { manifests: ['a.json'], failOn: 'warning' as const },
    });
    const resolved = resolveOptions(user);
    expect(resolved.watch).not.toBe(user.watch);
    expect(resolved.packages).toEqual({ react: { mode: 'throw' } });
    expect(resolved.report).toMatchObject({ failOn: 'warning', manifests: ['a.json'] });
  });

  it.each([
    [{ mode: 'loud' }, 'CONCORD-101', /`concord\.mode` is "loud".*one of "warn", "throw", "off"/],
    [{ colour: true }, 'CONCORD-101', /`concord\.colour` is not a Concord option/],
    [{ report: { failOn: 'sometimes' } }, 'CONCORD-101', /`concord\.report\.failOn` is "sometimes"/],
    [{ report: { manifest: [] } }, 'CONCORD-101', /`concord\.report\.manifest` is not a Concord option/],
    [{ report: { timeoutMs: -1 } }, 'CONCORD-101', /`concord\.report\.timeoutMs` is -1/],
    // Past 2^31-1 ms a timer fires after ~1 ms: refused, with the report's own bound.
    [{ report: { timeoutMs: 3_000_000_000 } }, 'CONCORD-101', /timeoutMs` is 3000000000.*1 to 600,000/],
    [{ report: { deadlineMs: 0 } }, 'CONCORD-101', /`concord\.report\.deadlineMs` is 0.*1 to 3,600,000/],
    [{ report: { host: '' } }, 'CONCORD-101', /`concord\.report\.host` is "".*an app's name, or false/],
    [{ report: { host: true } }, 'CONCORD-101', /`concord\.report\.host` is true/],
    [{ docsUrl: 'docs/diagnostics.md' }, 'CONCORD-101', /`concord\.docsUrl` is "docs\/diagnostics\.md"/],
    [{ contract: 'Not A Package' }, 'CONCORD-101', /`concord\.contract` is "Not A Package"/],
    [{ reads: ['theme..x'] }, 'CONCORD-101', /`concord\.reads` is "theme\.\.x"/],
    [{ owns: ['session.user'] }, 'CONCORD-101', /`concord\.owns` is "session\.user".*the name of a slice/],
    [{ owns: 'theme' }, 'CONCORD-101', /`concord\.owns` is "theme".*an array of strings/],
    [{ autoShare: 'yes' }, 'CONCORD-101', /`concord\.autoShare` is "yes".*true or false/],
    [
      { watch: ['Zustand'] },
      'CONCORD-102',
      /`concord\.watch` names "Zustand", which is not an npm package name/,
    ],
    [{ watch: 'zustand' }, 'CONCORD-101', /`concord\.watch` is "zustand".*an array of strings/],
    [{ packages: { react: { mode: 'never' } } }, 'CONCORD-101', /`concord\.packages\["react"\]\.mode`/],
  ])('rejects %j with %s', (user, code, message) => {
    expect(codeOf(() => resolveOptions(user as never))).toBe(code);
    expect(() => resolveOptions(user as never)).toThrow(message);
    expect(() => resolveOptions(user as never)).toThrow(/See docs\/diagnostics\.md#concord-10[12]$/);
  });
});
