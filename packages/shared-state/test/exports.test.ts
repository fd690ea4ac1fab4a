import * as entry from '@concord/shared-state';
import * as broadcast from '@concord/shared-state/broadcast';
import * as react from '@concord/shared-state/react';
import * as vue from '@concord/shared-state/vue';
import { expect, it } from 'vitest';

it('exports exactly the public names', () => {
  expect(Object.keys(entry).sort()).toMatchSnapshot();
});

it('exports exactly the public names from ./react', () => {
  expect(Object.keys(react).sort()).toMatchSnapshot();
});

it('exports exactly the public names from ./vue', () => {
  expect(Object.keys(vue).sort()).toMatchSnapshot();
});

it('exports exactly the public names from ./broadcast', () => {
  expect(Object.keys(broadcast).sort()).toMatchSnapshot();
});
