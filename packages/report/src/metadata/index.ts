export { classifyRange, isCheckableRange, MAX_RANGE_LENGTH, type RangeClass, type RangeKind } from './range';
export { METADATA_JSON_SCHEMA } from './schema';
export {
  type ContractMetadata as MetadataContract,
  type ManifestMetadata,
  METADATA_SCHEMA_VERSION,
  type MetadataBundler,
  type PackageVersion,
  type ShareChanges,
  type SharedMetadata,
  type SliceMetadata,
} from './types';
