import { DEV, fail } from './errors';
import type { StandardSchemaV1 } from './standard-schema';

// Keys that let a value object reach or replace prototypes once some consumer merges it (`{ ...a, ...b }`,
// `Object.assign`, deep-merge helpers): rejected anywhere in a value, however deep, and as slice and event
// names (contract.ts, bus.ts).
export const FORBIDDEN = ['__proto__', 'constructor', 'prototype'];

const tag = Object.prototype.toString;
// The tags of what is walked (` Array]` and not `Uint8Array]`).
const WALKED = / (Object|Array)]/;

/** An object without a prototype: names are data there, `__proto__` and `toString` included. */
export const dict = <T>(): Record<string, T> => Object.create(null);

/**
 * The path of the first forbidden key in `value` (`a.b.__proto__`), or undefined. Cycle-safe, and O(keys):
 * only plain objects and arrays are walked; typed arrays, ArrayBuffers, DataViews, Dates, Maps, Sets, Blobs
 * and RegExps are values (their bytes and entries hold no keys a merge would copy).
 */
const findForbidden = (value: unknown, seen?: Set<unknown>): string | undefined => {
  if (!value || typeof value !== 'object' || !WALKED.test(tag.call(value))) return;
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
 * returns what to store: the schema's output, whose keys are checked too. Throws CONCORD-307 for a forbidden
 * key, 316 when reading the value throws (a getter, a proxy), 315 when the schema throws or returns no
 * Standard Schema result, 305 for an async schema, 304 for issues. `name` and `kind` name it in development
 * messages (built only on failure, so a valid write allocates nothing), e.g. `slice "cart"`.
 */
export const check = (
  schema: StandardSchemaV1 | undefined,
  value: unknown,
  name: PropertyKey,
  kind?: string | false,
): unknown => {
  // What a throw in the try block means: reading the input (316), the schema (315), reading its output (316).
  let code = 316;
  let key: string | undefined;
  let then: unknown;
  let issues: unknown;
  let output = value;
  try {
    key = findForbidden(value);
    if (schema && !key) {
      code = 315;
      const result = schema['~standard'].validate(value) as {
        then?: unknown;
        issues?: unknown;
        value?: unknown;
      };
      ({ then, issues, value: output } = result);
      if (Object(result) !== result || (issues !== undefined && !Array.isArray(issues))) throw result;
      code = 316;
      if (!then && !issues && output !== value) key = findForbidden(output);
    }
  } catch (error) {
    throw fail(
      code,
      DEV &&
        (code === 316
          ? `Reading the value for ${subject(name, kind)} threw (a getter or a proxy); it was rejected and the state is unchanged. Write plain data (what it threw is in \`details\`).`
          : `The schema of ${subject(name, kind)} threw or returned something that is not a Standard Schema result (\`{ value }\` or \`{ issues: [...] }\`); the value was rejected and the state is unchanged. Fix the schema (what it threw is in \`details\`).`),
      error,
    );
  }
  if (key)
    throw fail(
      307,
      DEV &&
        `The value for ${subject(name, kind)} holds the key \`${key}\`${schema ? ' (before or after its schema)' : ''}, which could pollute prototypes wherever it is merged; it was rejected and the state is unchanged. Remove the key (rename the field) before writing.`,
      key,
    );
  if (then)
    throw fail(
      305,
      DEV &&
        `The schema of ${subject(name, kind)} (${schema!['~standard'].vendor}) validates asynchronously, but writes are synchronous; the value was rejected and the state is unchanged. Use a synchronous schema (no async refinements or transforms).`,
    );
  if (issues)
    throw fail(
      304,
      DEV &&
        `The value for ${subject(name, kind)} fails its ${schema!['~standard'].vendor} schema (${(issues as { message?: unknown }[]).map((i) => String(i?.message)).join('; ')}); it was rejected and the state is unchanged. Write a value the contract's schema accepts, or change the schema in a new contract version.`,
      issues,
    );
  return output;
};
