import { DEV, fail } from './errors';
import type { StandardSchemaResult, StandardSchemaV1 } from './standard-schema';

// Keys that let a value object reach or replace prototypes once some consumer merges it (`{ ...a, ...b }`,
// `Object.assign`, deep-merge helpers): rejected anywhere in a value, however deep, and as slice and event
// names (contract.ts).
export const FORBIDDEN = ['__proto__', 'constructor', 'prototype'];

/** The path of the first forbidden key in `value` (`a.b.__proto__`), or undefined. Cycle-safe. */
const findForbidden = (value: unknown, seen?: Set<unknown>): string | undefined => {
  if (!value || typeof value !== 'object') return;
  // Created for objects only: a write of a primitive allocates nothing.
  seen ??= new Set();
  if (!seen.has(value)) {
    seen.add(value);
    for (const key of Object.keys(value)) {
      if (FORBIDDEN.includes(key)) return key;
      const deeper = findForbidden((value as Record<string, unknown>)[key], seen);
      if (deeper) return `${key}.${deeper}`;
    }
  }
};

// What a development message calls the value, e.g. `slice "cart"`: called on failure only.
const subject = (name: PropertyKey, kind?: string | false) => `${kind || 'slice'} "${String(name)}"`;

/**
 * Validates a value about to enter the bus (a write, an event payload, a message from another tab) and
 * returns what to store: the schema's output. `name` and `kind` name it in development messages (built only
 * on failure, so a valid write allocates nothing), e.g. `slice "cart"`.
 */
export const check = (
  schema: StandardSchemaV1 | undefined,
  value: unknown,
  name: PropertyKey,
  kind?: string | false,
): unknown => {
  const key = findForbidden(value);
  if (key)
    throw fail(
      'CONCORD-307',
      DEV &&
        `The value for ${subject(name, kind)} holds the key \`${key}\`, which could pollute prototypes wherever it is merged; it was rejected and the state is unchanged. Remove the key (rename the field) before writing.`,
      key,
    );
  if (!schema) return value;
  const result = schema['~standard'].validate(value) as StandardSchemaResult<unknown> & { then?: unknown };
  if (result.then)
    throw fail(
      'CONCORD-305',
      DEV &&
        `The schema of ${subject(name, kind)} (${schema['~standard'].vendor}) validates asynchronously, but writes are synchronous; the value was rejected and the state is unchanged. Use a synchronous schema (no async refinements or transforms).`,
    );
  if (result.issues)
    throw fail(
      'CONCORD-304',
      DEV &&
        `The value for ${subject(name, kind)} fails its ${schema['~standard'].vendor} schema (${result.issues.map((i) => i.message).join('; ')}); it was rejected and the state is unchanged. Write a value the contract's schema accepts, or change the schema in a new contract version.`,
      result.issues,
    );
  return result.value;
};
