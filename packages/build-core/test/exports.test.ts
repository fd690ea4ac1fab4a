import * as entry from '@concord/build-core';
import { expect, it } from 'vitest';

it('exports exactly the public names', () => {
  expect(Object.keys(entry).sort()).toMatchSnapshot();
});
