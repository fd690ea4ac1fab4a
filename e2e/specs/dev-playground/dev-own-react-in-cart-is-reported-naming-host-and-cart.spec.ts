// The development-only duplicate on the playground: under `vite dev`, cart leaves react out of `shared`
// (CONCORD_DEV_OWN_REACT=cart, playground/dev-serve.mjs), so its dependency optimizer pre-bundles react
// (CommonJS) from cart's own server while react-dom comes from the host. Concord reports the second copy
// with CONCORD-202, naming the host and cart with their bundlers and the version.
import { expect, test } from '@playwright/test';
import { diagnostics, named } from '../../page-globals';
import { liveCopies, openDevPlayground } from './dev-playground-page';

test('a react pre-bundled by cart in dev is reported with CONCORD-202 naming host and cart', async ({
  page,
}) => {
  await openDevPlayground(page, 'own-react');
  await expect
    .poll(async () => (await liveCopies(page)).react ?? [], { timeout: 60_000 })
    .toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^host \(vite\) /),
        expect.stringMatching(/^cart \(vite\) /),
      ]),
    );
  await expect
    .poll(async () =>
      (await diagnostics(page))
        .filter((d) => d.code === 'CONCORD-202' && d.package === 'react')
        .map((d) => named(d).apps.sort()),
    )
    .toContainEqual(['cart (vite)', 'host (vite)']);
  const found = (await diagnostics(page)).find((d) => d.code === 'CONCORD-202' && d.package === 'react')!;
  expect(found.message).toMatch(/host.*cart|cart.*host/);
});
