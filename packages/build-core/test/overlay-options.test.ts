// `concord.overlay`: when the build plugins add the Concord panel (@concord/runtime-plugin/overlay).
import { resolveOptions } from '@concord/build-core';
import { describe, expect, it } from 'vitest';
import { codeOf } from './helpers/app';

describe('concord.overlay', () => {
  it('is on in development only by default, and opens on errors', () => {
    expect(resolveOptions({}).overlay).toEqual({ enabled: 'development', openOnError: true });
  });

  it('takes a boolean, "development" or an object, without mutating it', () => {
    expect(resolveOptions({ overlay: true }).overlay).toEqual({ enabled: true, openOnError: true });
    expect(resolveOptions({ overlay: false }).overlay).toEqual({ enabled: false, openOnError: true });
    expect(resolveOptions({ overlay: 'development' }).overlay.enabled).toBe('development');
    const user = { enabled: true, openOnError: false } as const;
    expect(resolveOptions({ overlay: user }).overlay).toEqual({ enabled: true, openOnError: false });
    expect(user).toEqual({ enabled: true, openOnError: false });
    expect(Object.isFrozen(resolveOptions({ overlay: user }).overlay)).toBe(true);
  });

  it('names a bad value or an unknown key with a coded error', () => {
    const bad = codeOf(() => resolveOptions({ overlay: 'always' as never }));
    const unknown = codeOf(() => resolveOptions({ overlay: { position: 'top' } as never }));
    const flag = codeOf(() => resolveOptions({ overlay: { openOnError: 'yes' } as never }));
    expect([bad, unknown, flag].every((c) => typeof c === 'string' && c.startsWith('CONCORD-1'))).toBe(true);
    expect(() => resolveOptions({ overlay: 'always' as never })).toThrow(/concord\.overlay.*"always"/);
    expect(() => resolveOptions({ overlay: { position: 'top' } as never })).toThrow(
      /concord\.overlay\.position/,
    );
  });
});
