// `vite dev`, on the project's Vite major: the remote shares react (pair `healthy`), one React runs the
// page, the remote's counter works, and Concord reports nothing. The beacons are on (the host's react
// announced itself), so the empty list is not for want of looking.
import { expect, test } from '@playwright/test';
import { diagnostics } from '../../page-globals';
import { assertSingleInstancesError, copiesOf, openDevPair } from './dev-page';

test('the healthy dev page runs one react, works, and reports nothing', async ({ page }, testInfo) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await openDevPair(page, testInfo, 'healthy');
  const counter = page.getByTestId('remote-counter');
  await counter.click();
  await expect(counter).toHaveText('remote count 1');
  await expect.poll(() => copiesOf(page, 'react')).toEqual(['host (vite) 19.3.1']);
  expect(await diagnostics(page)).toEqual([]);
  expect(await assertSingleInstancesError(page)).toBeNull();
  expect(errors).toEqual([]);
});
