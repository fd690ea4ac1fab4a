// Type-level checks, verified by `tsc -b` (test/ is type-checked); at runtime only the option object is built.
import type { ConcordViteOptions } from '@concord/vite-plugin';
import { expectTypeOf, it } from 'vitest';

it('types Concord options under `concord` next to the federation options', () => {
  const options = {
    name: 'cart',
    exposes: { './Cart': './src/Cart.tsx' },
    concord: { contract: '@acme/contract', mode: 'throw', report: { failOn: 'warning' } },
  } satisfies ConcordViteOptions;
  expectTypeOf(options).toMatchTypeOf<ConcordViteOptions>();
  // @ts-expect-error `mode` is 'warn' | 'throw' | 'off'
  const badMode: ConcordViteOptions = { name: 'cart', concord: { mode: 'loud' } };
  // @ts-expect-error `failOn` is 'error' | 'warning' | 'never'
  const badFailOn: ConcordViteOptions = { name: 'cart', concord: { report: { failOn: 'always' } } };
  // @ts-expect-error the federation `name` is required
  const noName: ConcordViteOptions = { concord: {} };
  expectTypeOf([badMode, badFailOn, noName]).toBeArray();
});
