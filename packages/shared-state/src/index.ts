export { defineContract, describeContract, event } from './contract';
export { ConcordError } from './errors';
export { connect, PROTOCOL, VERSION } from './registry';
export type * from './standard-schema';
export type * from './types';
