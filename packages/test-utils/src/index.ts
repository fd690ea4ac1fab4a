export { deepFreeze } from './deep-freeze';
export { CONTRACT_FIXTURE, createFixtures, type FixtureOptions } from './fixtures';
