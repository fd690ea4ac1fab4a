// A snapshot of each entry's export names: catches a stray export (and a missing one).
import * as entry from '@concord/runtime-plugin';
import * as beacon from '@concord/runtime-plugin/beacon';
import * as inject from '@concord/runtime-plugin/inject';
import * as semver from '@concord/runtime-plugin/semver';
import { expect, it } from 'vitest';

it('exports exactly the public names', () => {
  expect(Object.keys(entry).sort()).toMatchSnapshot();
});

it('exports exactly the public names from ./beacon', () => {
  expect(Object.keys(beacon).sort()).toMatchSnapshot();
});

it('exports exactly the public names from ./inject', () => {
  expect(Object.keys(inject).sort()).toMatchSnapshot();
});

it('exports exactly the public names from ./semver', () => {
  expect(Object.keys(semver).sort()).toMatchSnapshot();
});
