// The JSON Schema (draft 2020-12) of Concord's manifest metadata: the same shape as types.ts, for tools that
// read mf-manifest.json without TypeScript. The build plugins' tests check real builds' metadata against it.
import { METADATA_SCHEMA_VERSION } from './types';

const string = { type: 'string' } as const;
const strings = { type: 'array', items: string } as const;
const bool = { type: 'boolean' } as const;
const packageVersion = {
  type: 'object',
  required: ['package', 'version'],
  properties: { package: string, version: string },
} as const;

/** JSON Schema of the `concord` key of mf-manifest.json / mf-stats.json ({@link ManifestMetadata}). */
export const METADATA_JSON_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://concord.dev/schema/manifest-metadata.json',
  title: 'Concord manifest metadata',
  type: 'object',
  required: [
    'schema',
    'app',
    'bundler',
    'pluginVersion',
    'mode',
    'owns',
    'reads',
    'shared',
    'watched',
    'dependencies',
  ],
  properties: {
    schema: { const: METADATA_SCHEMA_VERSION },
    app: { type: 'string', minLength: 1 },
    bundler: { enum: ['vite', 'rspack', 'webpack'] },
    bundlerVersion: string,
    federation: packageVersion,
    runtime: packageVersion,
    pluginVersion: string,
    mode: { enum: ['warn', 'throw', 'off'] },
    autoShare: bool,
    contract: {
      type: 'object',
      required: ['name', 'version', 'slices', 'events'],
      properties: {
        package: string,
        name: string,
        version: string,
        slices: {
          type: 'object',
          additionalProperties: {
            type: 'object',
            required: ['owner', 'broadcast', 'sensitive', 'fields'],
            properties: { owner: string, broadcast: bool, sensitive: bool, fields: strings },
          },
        },
        events: strings,
      },
    },
    owns: strings,
    reads: strings,
    shared: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        required: ['singleton', 'strictVersion', 'eager', 'import', 'shareScope'],
        properties: {
          version: string,
          requiredVersion: { anyOf: [string, { const: false }] },
          singleton: bool,
          strictVersion: bool,
          eager: bool,
          import: bool,
          shareScope: string,
          concord: {
            type: 'object',
            additionalProperties: false,
            properties: {
              added: { const: true },
              singleton: { type: ['boolean', 'null'] },
              requiredVersion: { anyOf: [string, { const: false }, { type: 'null' }] },
            },
          },
        },
      },
    },
    removed: strings,
    watched: strings,
    dependencies: { type: 'object', additionalProperties: string },
  },
} as const;
