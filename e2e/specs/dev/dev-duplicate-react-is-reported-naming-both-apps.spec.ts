// `vite dev`, on the project's Vite major: the remote's pre-bundled CommonJS dependency binds a react of
// its own while the host's react-dom renders (playground/dev-pair, pair `own-react`). Concord reports the
// second copy with CONCORD-202, naming the host and the remote with their bundlers and the version.
import { expect, test } from '@playwright/test';
import { diagnostics, named } from '../../page-globals';
import { assertSingleInstancesError, copiesOf, openDevPair } from './dev-page';

test('a react pre-bundled by the remote in dev is reported with CONCORD-202 naming both apps', async ({
  page,
}, testInfo) => {
  await openDevPair(page, testInfo, 'own-react');
  // The symptom users report for this class: the remote's hook runs on a react no renderer dispatches.
  await expect(page.getByTestId('remote-failed')).toContainText(
    "Cannot read properties of null (reading 'useSyncExternalStore')",
  );
  await expect
    .poll(() => copiesOf(page, 'react'))
    .toEqual(expect.arrayContaining(['host (vite) 19.3.1', 'remote (vite) 19.3.1']));
  await expect
    .poll(async () =>
      (await diagnostics(page))
        .filter((d) => d.code === 'CONCORD-202' && d.package === 'react')
        .map((d) => named(d).apps.sort()),
    )
    .toContainEqual(['host (vite)', 'remote (vite)']);
  const found = (await diagnostics(page)).find((d) => d.code === 'CONCORD-202' && d.package === 'react')!;
  expect(found.message).toMatch(/host.*remote|remote.*host/);
  expect(named(found).versions).toContain('19.3.1');
  // What a test suite of these apps would call: it fails, naming the code.
  expect(await assertSingleInstancesError(page)).toMatchObject({ code: 'CONCORD-202', message: /react/ });
});
