// Fixed caps on what one manifest may hold. Manifests come from builds and CDNs the reporting team does not
// control; past these sizes nothing real is left (npm caps package names at 214 characters, real ranges are
// a few dozen), and the analysis would spend its time on one input. A value over a cap rejects the input
// with CONCORD-402 naming the field, before any range is matched (a `^` plus 300,000 spaces took 77 s in
// the runtime's `satisfy`).
export const LIMITS = Object.freeze({
  /** App (container) names, package names, slice, field and event names, contract names. */
  name: 256,
  /** `version` and `requiredVersion` strings: checked before any range matching. */
  range: 256,
  /** `shared[]` entries, and keys of `concord.shared` / `concord.dependencies`, per manifest. */
  entries: 20_000,
  /** Slices, fields per slice, events, reads, owns, watched: per list. */
  list: 5_000,
});
