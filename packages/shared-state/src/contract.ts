import { DEV, fail } from './errors';
import type { StandardSchemaV1 } from './standard-schema';
import type {
  AnyContract,
  Contract,
  ContractDefinition,
  ContractDescription,
  EventSpec,
  SliceSpec,
} from './types';
import { check, dict, FORBIDDEN } from './validate';

const freeze = Object.freeze;
// Frozen shallow copies of each spec, and the map of `pick(spec)` per name.
const copyAll = (
  specs: Record<string, object> | undefined,
  pick: (spec: Record<string, unknown>) => unknown = freeze,
) => {
  // Without a prototype: a slice named `__proto__` (refused in development) stays a plain key in production.
  const out = dict<unknown>();
  for (const name in specs) out[name] = pick({ ...specs[name] });
  return freeze(out);
};

/**
 * Declares the shared state of a set of apps: its slices (one owner each) and its events. Slice names and
 * value types are inferred; the result is frozen.
 * @example
 * export const shop = defineContract({
 *   name: 'shop', version: '1.0.0',
 *   slices: { cart: { owner: 'cart', initial: { count: 0 }, broadcast: true } },
 *   events: { 'cart/add': event<{ sku: string }>() },
 * });
 */
/* @__NO_SIDE_EFFECTS__ */
export function defineContract<S extends Record<string, unknown>, E extends Record<string, unknown> = {}>(
  definition: ContractDefinition<S, E>,
): Contract<S, E> {
  if (DEV) validate(definition);
  return freeze({
    name: definition.name,
    version: definition.version,
    slices: copyAll(definition.slices),
    events: copyAll(definition.events),
    initial: copyAll(definition.slices, (spec) => spec.initial),
  }) as unknown as Contract<S, E>;
}

/**
 * Declares an event: `event<{ sku: string }>()` types the payload; `event(schema)` also validates it on
 * every emit.
 */
/* @__NO_SIDE_EFFECTS__ */
export function event<T = void>(schema?: StandardSchemaV1<unknown, T>): EventSpec<T> {
  return schema ? { schema } : {};
}

const isPlainObject = (value: unknown): value is Record<string, unknown> => {
  if (!value || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
};

/** A plain JSON description of a contract, for the build plugins' manifest metadata and the report. */
export function describeContract(contract: AnyContract): ContractDescription {
  const slices: ContractDescription['slices'] = {};
  for (const [name, spec] of Object.entries(contract.slices as Record<string, SliceSpec>)) {
    slices[name] = {
      owner: spec.owner,
      broadcast: spec.broadcast === true,
      sensitive: spec.sensitive === true,
      fields: isPlainObject(spec.initial) ? Object.keys(spec.initial) : [],
    };
  }
  return {
    name: contract.name,
    version: contract.version,
    slices,
    events: Object.keys(contract.events),
  };
}

const invalid = (option: string, why: string, value: unknown) =>
  fail(
    310,
    `defineContract: \`${option}\` ${why}, got ${typeof value === 'string' ? JSON.stringify(value) : String(value)}; the contract was not created. Fix the definition.`,
  );

const isSchema = (value: unknown) =>
  typeof (value as StandardSchemaV1 | undefined)?.['~standard']?.validate === 'function';

// Development only: production builds trust the definition (the same code ran in development and CI).
function validate(definition: ContractDefinition<unknown, unknown>): void {
  const { name, version, slices, events } = definition as ContractDefinition<
    Record<string, unknown>,
    Record<string, unknown>
  >;
  if (typeof name !== 'string' || !name) throw invalid('name', 'must be a non-empty string', name);
  if (typeof version !== 'string' || !/^\d+\.\d+\.\d+(?:[-+][\w.+-]*)?$/.test(version))
    throw invalid('version', 'must be a semver version such as "1.2.0"', version);
  if (!slices || typeof slices !== 'object') throw invalid('slices', 'must be an object', slices);
  for (const [slice, spec] of Object.entries(slices)) {
    const at = `slices.${slice}`;
    if (FORBIDDEN.includes(slice)) throw invalid(at, 'is a reserved name', slice);
    if (!spec || typeof spec !== 'object') throw invalid(at, 'must be an object', spec);
    if (typeof spec.owner !== 'string' || !spec.owner)
      throw invalid(`${at}.owner`, 'must be the name of the app that writes it', spec.owner);
    if (!('initial' in spec)) throw invalid(`${at}.initial`, 'is required', undefined);
    if (spec.schema !== undefined && !isSchema(spec.schema))
      throw invalid(`${at}.schema`, 'must be a Standard Schema (with `~standard.validate`)', spec.schema);
    for (const flag of ['broadcast', 'sensitive'] as const)
      if (spec[flag] !== undefined && typeof spec[flag] !== 'boolean')
        throw invalid(`${at}.${flag}`, 'must be a boolean', spec[flag]);
    if (spec.broadcast && spec.sensitive)
      throw invalid(`${at}.broadcast`, 'cannot be true on a sensitive slice (it would leave the page)', true);
    check(spec.schema, spec.initial, slice, 'the initial value of slice');
  }
  if (events !== undefined && (!events || typeof events !== 'object'))
    throw invalid('events', 'must be an object', events);
  for (const [name, spec] of Object.entries(events ?? {})) {
    if (!name || FORBIDDEN.includes(name)) throw invalid(`events.${name}`, 'is not a valid event name', name);
    if (!spec || typeof spec !== 'object') throw invalid(`events.${name}`, 'must be made with event()', spec);
    if (spec.schema !== undefined && !isSchema(spec.schema))
      throw invalid(`events.${name}.schema`, 'must be a Standard Schema', spec.schema);
  }
}
