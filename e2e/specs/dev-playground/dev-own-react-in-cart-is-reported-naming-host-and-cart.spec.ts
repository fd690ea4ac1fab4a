// The development-only duplicate on the playground: under `vite dev`, cart leaves react out of `shared`
// (CONCORD_DEV_OWN_REACT=cart, playground/dev-serve.mjs), so its dependency optimizer pre-bundles react
// (CommonJS) from cart's own server while react-dom comes from the host. Concord reports the second copy
// with CONCORD-202, naming the host and cart with their bundlers and the version — with the host on Vite 8
// and on Vite 7 (esbuild's optimizer).
import { expect, test } from '@playwright/test';
import { diagnostics, named } from '../../page-globals';
import { HOST_VITE_MAJORS, liveCopies, openDevPlayground } from './dev-playground-page';

for (const hostVite of HOST_VITE_MAJORS)
  test(`host on Vite ${hostVite}: a react pre-bundled by cart in dev is reported with CONCORD-202 naming host and cart`, async ({
    page,
  }) => {
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await openDevPlayground(page, true, hostVite);
    // The symptom users report for this class: cart's hooks run on a react the host's react-dom never set up.
    await expect
      .poll(() => errors, { timeout: 60_000 })
      .toContainEqual(expect.stringContaining("Cannot read properties of null (reading 'useRef')"));
    expect(errors).toContainEqual(expect.stringContaining('Invalid hook call'));
    await expect(page.getByTestId('cart-root')).toHaveCount(0);

    // Two reacts are live, one renderer: the host's.
    await expect
      .poll(async () => (await liveCopies(page)).react ?? [], { timeout: 60_000 })
      .toEqual([expect.stringMatching(/^host \(vite\) 19\./), expect.stringMatching(/^cart \(vite\) 19\./)]);
    const copies = await liveCopies(page);
    expect(copies['react-dom']).toEqual([expect.stringMatching(/^host \(vite\) /)]);
    const version = copies.react![0]!.split(' ').at(-1)!;

    await expect
      .poll(async () =>
        (await diagnostics(page))
          .filter((d) => d.code === 'CONCORD-202' && d.package === 'react')
          .map((d) => named(d).apps.sort()),
      )
      .toContainEqual(['cart (vite)', 'host (vite)']);
    const found = (await diagnostics(page)).find((d) => d.code === 'CONCORD-202' && d.package === 'react')!;
    expect(found.message).toMatch(/host.*cart|cart.*host/);
    expect(named(found).versions).toContain(version);
    // What a test suite of these apps would call: it fails, naming the code.
    const thrown = await page.evaluate(() => {
      try {
        globalThis.__CONCORD__!.assertSingleInstances(['react']);
        return null;
      } catch (error) {
        return (error as { code?: string }).code ?? 'no code';
      }
    });
    expect(thrown).toBe('CONCORD-202');
  });
