// `throw` mode: the offending load fails with a coded ConcordError, on Rspack and Vite containers
// alike, and the rest of the page keeps working. `off` records nothing; modes apply per package.
import concord, { type ConcordRuntimeOptions, getDiagnostics } from '@concord/runtime-plugin';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  type AppSpec,
  KINDS,
  page,
  quietly,
  type Remote,
  resetQuietPage,
  rspackRemote,
  type Share,
  viteRemote,
} from './harness';

beforeEach(resetQuietPage);

const throwing: ConcordRuntimeOptions = { mode: 'throw' };

const host = (over: Partial<AppSpec> = {}): AppSpec => ({
  name: 'host',
  bundler: 'vite',
  shared: { zustand: { version: '5.1.0', singleton: true }, react: { version: '19.3.1', singleton: true } },
  ...over,
});
const healthy = (): Remote =>
  rspackRemote(
    { name: 'healthy', bundler: 'rspack', shared: { zustand: { version: '5.0.0', singleton: true } } },
    concord,
  );
/** The Rspack remote "catalog", with Concord. */
const catalog = (over: Partial<AppSpec>) =>
  rspackRemote({ name: 'catalog', bundler: 'rspack', ...over }, concord);
/** The Vite remote "cart" in throw mode, sharing `zustand` as declared. */
const cart = (zustand: Share) =>
  viteRemote({ name: 'cart', bundler: 'vite', concord: throwing, shared: { zustand } }, concord);

/** Loads the host's shares, then each remote; returns each remote's outcome. */
async function outcomes(hostSpec: AppSpec, remotes: Remote[]) {
  const { value } = await quietly(async () => {
    const p = page(hostSpec, remotes, concord);
    const own = [await p.load('zustand'), await p.load('react')];
    const results: Record<string, unknown> = {};
    for (const r of remotes)
      results[r.spec.name] = await p.loadRemote(r.spec.name).then(
        (m) => `loaded ${Object.values(m.deps).map((d) => `${d.pkg}@${d.version}`)}`,
        (e: { name?: string; code?: string }) => `${e.name} ${e.code}`,
      );
    // The host still loads what it shares, after the failure.
    results.host = `${own.map((d) => d.version)} then ${(await p.load('zustand')).version}`;
    return results;
  });
  return value;
}

describe.each(KINDS)('a %s consumer in throw mode', (bundler, make) => {
  /** Requires zustand ^4.5.0, a singleton, while the host runs 5.1.0. */
  const outOfRange = () =>
    make(
      {
        name: 'catalog',
        bundler,
        concord: throwing,
        shared: { zustand: { version: '4.5.0', singleton: true } },
      },
      concord,
    );

  it('CONCORD-201: its load fails, the host and a healthy remote keep working', async () => {
    const offender = outOfRange();
    // loaded-first: remotes initialise when used, after the host loaded its zustand.
    expect(await outcomes(host({ shareStrategy: 'loaded-first' }), [offender, healthy()])).toEqual({
      catalog: 'ConcordError CONCORD-201',
      healthy: 'loaded zustand@5.1.0',
      host: '5.1.0,19.3.1 then 5.1.0',
    });
  });

  it('CONCORD-201 even with the remote initialised inside the host’s own version-first loadShare', async () => {
    const offender = outOfRange();
    const result = await outcomes(host(), [offender, healthy()]);
    expect(result.host).toBe('5.1.0,19.3.1 then 5.1.0');
    expect(result.healthy).toBe('loaded zustand@5.1.0');
    expect(result.catalog).toBe('ConcordError CONCORD-201');
  });

  it('CONCORD-203: a private copy next to the shared one fails its own evaluation', async () => {
    const offender = make(
      { name: 'catalog', bundler, concord: throwing, bundled: { zustand: '5.1.0' } },
      concord,
    );
    expect(await outcomes(host(), [offender, healthy()])).toEqual({
      catalog: 'ConcordError CONCORD-203',
      healthy: 'loaded zustand@5.1.0',
      host: '5.1.0,19.3.1 then 5.1.0',
    });
  });

  it('warn mode: the same page loads everything and reports', async () => {
    const offender = make({ name: 'catalog', bundler, bundled: { zustand: '5.1.0' } }, concord);
    expect((await outcomes(host(), [offender])).catalog).toBe('loaded zustand@5.1.0');
    expect(getDiagnostics().map((d) => d.code)).toEqual(['CONCORD-202', 'CONCORD-203']);
  });
});

describe('duplicates in throw mode (Rspack consumers)', () => {
  it('CONCORD-202: a non-singleton version split fails the load of the second version', async () => {
    const offender = catalog({ concord: throwing, shared: { zustand: { version: '4.5.0' } } });
    const result = await outcomes(
      host({ shared: { zustand: { version: '5.1.0' }, react: { version: '19.3.1' } } }),
      [offender, healthy()],
    );
    expect(result.catalog).toBe('ConcordError CONCORD-202');
    expect(result.host).toBe('5.1.0,19.3.1 then 5.1.0');
  });

  it('CONCORD-205, then the silent fallback copy fails its own evaluation', async () => {
    const offender = catalog({
      concord: throwing,
      shared: { react: { version: '19.3.1', singleton: true } },
      consumes: { zustand: { version: '4.5.0', requiredVersion: '^4.5.0' } },
    });
    const result = await outcomes(
      host({ shared: { zustand: { version: '5.1.0' }, react: { version: '19.3.1' } } }),
      [offender],
    );
    // catalog consumes zustand without providing it, so its fallback copy is a private one (203).
    expect(result.catalog).toBe('ConcordError CONCORD-203');
    expect(getDiagnostics().map((d) => d.code)).toEqual(
      expect.arrayContaining(['CONCORD-205', 'CONCORD-203']),
    );
  });
});

describe('a Vite consumer behind a Vite host', () => {
  it('fails with its code although the host knows the remote by an internal name (alias = its name)', async () => {
    const offender = cart({ version: '4.5.0', singleton: true });
    const result = await outcomes(host({ shareStrategy: 'loaded-first', internalRemoteNames: true }), [
      offender,
      healthy(),
    ]);
    expect(result).toEqual({
      cart: 'ConcordError CONCORD-201',
      healthy: 'loaded zustand@5.1.0',
      host: '5.1.0,19.3.1 then 5.1.0',
    });
  });
});

describe('a strictVersion singleton on Vite', () => {
  it('fails the load too (the runtime’s own strict error is swallowed by Vite containers)', async () => {
    const offender = cart({ version: '4.5.0', singleton: true, strictVersion: true });
    expect((await outcomes(host({ shareStrategy: 'loaded-first' }), [offender])).cart).toBe(
      'ConcordError CONCORD-201',
    );
  });
});

describe('the legitimate copy never fails', () => {
  it('a host whose copy is the only one, or the shared one, loads in throw mode', async () => {
    const privateFirst = catalog({ bundled: { zustand: '5.1.0' } });
    // The remote (warn mode) evaluates its private copy before the host (throw mode) evaluates its shared one.
    const result = await quietly(async () => {
      const p = page(host({ concord: throwing, shareStrategy: 'loaded-first' }), [privateFirst], concord);
      await p.loadRemote('catalog');
      return (await p.load('zustand')).evaluatedBy;
    });
    expect(result.value).toBe('host');
  });
});

describe('a lone private copy in throw mode', () => {
  it('is reported, not stopped: neither its evaluation nor a later load of its app fails', async () => {
    const loner = catalog({ concord: throwing, bundled: { jotai: '2.0.0' } });
    const { value } = await quietly(async () => {
      const p = page(host(), [loner], concord);
      const first = await p.loadRemote('catalog');
      const again = await p.loadRemote('catalog');
      return [first.deps.jotai?.version, again.deps.jotai?.version];
    });
    expect(value).toEqual(['2.0.0', '2.0.0']);
    expect(getDiagnostics().map((d) => `${d.code} ${d.package} ${d.mode}`)).toEqual([
      'CONCORD-203 jotai throw',
    ]);
  });
});

describe('modes per package', () => {
  it('throws only for the package set to throw', async () => {
    const offender = catalog({
      concord: { packages: { zustand: { mode: 'throw' } } },
      shared: { react: { version: '18.3.1', singleton: true } },
      bundled: { jotai: '2.0.0' },
    });
    const result = await outcomes(host({ shareStrategy: 'loaded-first' }), [offender]);
    expect(result.catalog).toBe('loaded react@19.3.1,jotai@2.0.0');
    expect(getDiagnostics().map((d) => `${d.code} ${d.package} ${d.mode}`)).toEqual([
      'CONCORD-201 react warn',
      'CONCORD-203 jotai warn',
    ]);
  });

  it('off records nothing for that package, and the mode is the consumer app’s own', async () => {
    const quiet = catalog({
      concord: { mode: 'throw', packages: { zustand: { mode: 'off' } } },
      shared: { zustand: { version: '4.5.0', singleton: true } },
    });
    const result = await outcomes(host({ shareStrategy: 'loaded-first' }), [quiet]);
    expect(result.catalog).toBe('loaded zustand@5.1.0');
    expect(getDiagnostics()).toEqual([]);
  });

  it('off for a whole app silences its own findings; the host still sees the duplicate', async () => {
    const quiet = catalog({ concord: { mode: 'off' }, bundled: { zustand: '5.1.0' } });
    await outcomes(host(), [quiet]);
    expect(getDiagnostics().map((d) => d.code)).toEqual(['CONCORD-202']);
  });
});
