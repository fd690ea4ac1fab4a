// Fixture apps of this package's tests, prepared in temporary directories by @concord/test-utils (shared
// with the other build plugin's tests, with the fixture contract package).
import { fileURLToPath } from 'node:url';
import { createFixtures } from '@concord/test-utils';

export { deepFreeze } from '@concord/test-utils';

export const { prepareFixture, removeFixtures } = createFixtures({
  fixtures: fileURLToPath(new URL('../fixtures/', import.meta.url)),
  packageDir: fileURLToPath(new URL('../../', import.meta.url)),
  prefix: 'concord-rspack',
});
