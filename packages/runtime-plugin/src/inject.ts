// Build side (Node): the inline beacon the build plugins append to each watched library's entry module.
import type { BeaconInfo } from './types';

export type { BeaconInfo } from './types';
export { DEFAULT_WATCHED } from './watched';

/** Every snippet starts with this comment, so appending is idempotent (`hasBeacon`). */
export const BEACON_MARKER = '/* @concord/beacon */';

/**
 * Serialises a value into a JS literal that is safe anywhere in generated code, even inside an inline
 * `<script>`: JSON with `<`, U+2028 and U+2029 escaped.
 */
export function toSafeJsLiteral(value: unknown): string {
  const json = JSON.stringify(value);
  if (json === undefined) throw new TypeError(`toSafeJsLiteral: cannot serialise ${String(value)}`);
  return json
    .replace(/</g, '\\u003C')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** Whether `code` already carries a Concord beacon. */
export const hasBeacon = (code: string): boolean => code.includes(BEACON_MARKER);

/**
 * A self-contained statement block equivalent to `registerInstance(info)`: no import, no top-level
 * binding, so the module's exports and its tree-shaking are unchanged. Append it at the end of the
 * module: `hasBeacon(code) ? code : code + '\n' + beaconSnippet(info)`.
 */
export function beaconSnippet(info: BeaconInfo): string {
  for (const key of ['package', 'version', 'app', 'bundler'] as const)
    if (typeof info?.[key] !== 'string' || !info[key])
      throw new TypeError(
        `beaconSnippet: \`${key}\` must be a non-empty string, got ${JSON.stringify(info?.[key])}`,
      );
  const record = toSafeJsLiteral({
    package: info.package,
    version: info.version,
    app: info.app,
    bundler: info.bundler,
  });
  return `${BEACON_MARKER}
;(function () {
  var g = typeof globalThis === "object" ? globalThis : self, k = Symbol.for("concord.beacons"), a;
  try { a = g[k]; if (!Array.isArray(a)) a = g[k] = []; if (!Object.isExtensible(a)) return; } catch (e) { return; }
  a.push(${record});
})();
`;
}
