// Type-level checks, verified by `tsc -b` (test/ is type-checked); at runtime only the option object is built.
import type { ConcordRspackOptions } from '@concord/rspack-plugin';
import { expectTypeOf, it } from 'vitest';

it('types Concord options under `concord` next to the federation options', () => {
  const options = {
    name: 'catalog',
    exposes: { './mount': './src/mount.tsx' },
    concord: { contract: { package: '@acme/contract', export: 'acme' }, reads: ['theme'] },
  } satisfies ConcordRspackOptions;
  expectTypeOf(options).toMatchTypeOf<ConcordRspackOptions>();
  // @ts-expect-error `reads` is a list of strings
  const badReads: ConcordRspackOptions = { name: 'catalog', concord: { reads: 'theme' } };
  // @ts-expect-error `autoShare` is a boolean
  const badAutoShare: ConcordRspackOptions = { name: 'catalog', concord: { autoShare: 'yes' } };
  expectTypeOf([badReads, badAutoShare]).toBeArray();
});
