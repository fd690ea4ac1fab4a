// One string object per distinct package name, version, range and app name across the manifests of a report.
// JSON.parse makes a fresh string for every value longer than 10 characters (shorter ones it internalises), so
// `react-dom/client` or `^18.2.0 || ^19.0.0` exists once per manifest, and every map lookup of the analysis
// compared such copies character by character instead of by identity. The canonical entries and
// configurations (canonical.ts) and the validated app names hold the interned copy; one lookup per new value.

/** Past this many distinct strings the table starts again, so a long-lived process does not grow it forever. */
const MAX = 4096;
const table = new Map<string, string>();

/** The canonical copy of `s` (the first one seen), as a property name V8 keeps in its own string table. */
export function intern(s: string): string {
  if (s.length <= 10) return s;
  let canonical = table.get(s);
  if (canonical === undefined) {
    if (table.size >= MAX) table.clear();
    // A property key is internalised: keyed loads by the canonical copy (`concord.shared[name]`) skip the
    // string-table lookup a fresh string costs on each access.
    canonical = Object.keys({ [s]: 0 })[0] ?? s;
    table.set(canonical, canonical);
  }
  return canonical;
}
