// The runtime plugin's codes as data: one table, code → severity, title (the docs heading) and the
// development sentence [what happened, consequence, fix]. Messages (report.ts), docs/diagnostics.md and the
// tests all read it. Production builds keep the severities only: the bundler folds `process.env.NODE_ENV`
// and drops every `title` and `text`, so no sentence ships.
import type { AppRef, LiveCopy } from './types';

/** What a check knows about a finding; copied onto the diagnostic. */
export interface Facts {
  consumer?: AppRef;
  provider?: AppRef;
  versions: string[];
  requiredVersion?: string | null;
  copies?: LiveCopy[];
  detail?: string;
}

type Sentence = [what: string, consequence: string, fix: string];
type Text = (pkg: string, f: Facts) => Sentence;
/** One code: its severity, and in development builds its docs heading and sentence. */
export interface Code {
  severity: 'error' | 'warning';
  title?: string;
  text?: Text;
}

const ref = (a?: AppRef) => `"${a?.app}" (${a?.bundler})`;
const range = (r: unknown) => JSON.stringify(r) ?? 'undefined';

export const CODES = {
  'CONCORD-201': {
    severity: 'error',
    ...(process.env.NODE_ENV !== 'production' && {
      title: 'requiredVersion not satisfied by the version the consumer runs',
      text: (p: string, f: Facts): Sentence => [
        `${ref(f.consumer)} requires ${f.requiredVersion} but the page runs ${f.versions[0]} from ${ref(f.provider)}`,
        'its code runs against a version it was not built for',
        `align ${f.consumer?.app}'s ${p} with ${f.versions[0]} or widen its requiredVersion`,
      ],
    }),
  },
  'CONCORD-202': {
    severity: 'error',
    ...(process.env.NODE_ENV !== 'production' && {
      title: 'more than one live copy',
      text: (p: string, f: Facts): Sentence => [
        `${f.copies?.length} copies are live: ${f.copies?.map((c) => `${c.version} from ${ref(c)}`).join(', ')}`,
        'state and context split between them',
        `share ${p} as a singleton with one compatible range in every app`,
      ],
    }),
  },
  'CONCORD-203': {
    severity: 'error',
    ...(process.env.NODE_ENV !== 'production' && {
      title: 'private copy of a watched package',
      text: (p: string, f: Facts): Sentence => [
        `${ref(f.consumer)} runs a private copy (${f.versions[0]}) because it does not share ${p}`,
        'its state is invisible to the other apps',
        `add ${p} to the shared config of "${f.consumer?.app}" as a singleton`,
      ],
    }),
  },
  'CONCORD-204': {
    severity: 'warning',
    ...(process.env.NODE_ENV !== 'production' && {
      title: 'singleton declared inconsistently',
      text: (p: string, f: Facts): Sentence => [
        `singleton is declared by ${ref(f.provider)} but not by ${ref(f.consumer)}`,
        'the non-singleton side can load a copy of its own',
        `declare ${p} with singleton: true in every app`,
      ],
    }),
  },
  'CONCORD-205': {
    severity: 'error',
    ...(process.env.NODE_ENV !== 'production' && {
      title: 'silent fallback to a bundled copy',
      text: (p: string, f: Facts): Sentence => [
        `${ref(f.consumer)} found no provider for ${range(f.requiredVersion)} among [${f.versions}] and fell back to its bundled copy`,
        'a second copy now runs silently',
        `align ${p} across apps or widen the range in "${f.consumer?.app}"`,
      ],
    }),
  },
  'CONCORD-206': {
    severity: 'warning',
    ...(process.env.NODE_ENV !== 'production' && {
      title: 'suspicious requiredVersion',
      text: (_: string, f: Facts): Sentence => [
        `${ref(f.consumer)} declares requiredVersion ${range(f.requiredVersion)}${f.provider ? ` while ${ref(f.provider)} provides ${f.versions[1]}` : ''}`,
        'the runtime cannot check it as intended',
        `set requiredVersion to a range such as ^${f.versions[0]}`,
      ],
    }),
  },
  'CONCORD-207': {
    severity: 'warning',
    ...(process.env.NODE_ENV !== 'production' && {
      title: 'internal fault in the runtime plugin',
      text: (_: string, f: Facts): Sentence => [
        `internal fault in ${f.detail}`,
        'loading went on but checks may be incomplete',
        'report this message to Concord',
      ],
    }),
  },
  'CONCORD-208': {
    severity: 'warning',
    ...(process.env.NODE_ENV !== 'production' && {
      title: 'invalid runtime plugin option',
      text: (_: string, f: Facts): Sentence => [
        `invalid option ${f.detail}`,
        'the container runs with the default options',
        'fix the option in the build config',
      ],
    }),
  },
  'CONCORD-209': {
    severity: 'warning',
    ...(process.env.NODE_ENV !== 'production' && {
      title: 'registry of another Concord copy on the page',
      text: (_: string, f: Facts): Sentence => [
        `the page-wide registry (Symbol.for('concord.registry')) holds ${f.detail}, which this copy of @concord/runtime-plugin (${f.versions[0]}) cannot use`,
        "this copy's findings are kept apart from the other copy's",
        'build every app with one @concord/runtime-plugin version',
      ],
    }),
  },
  'CONCORD-210': {
    severity: 'warning',
    ...(process.env.NODE_ENV !== 'production' && {
      title: 'container not checked',
      // With a runtime version (`versions`) the plugin runs in the container, on a runtime it is not
      // tested on; without, no runtime instance runs the container and nothing checks its loads.
      text: (_: string, f: Facts): Sentence =>
        f.versions[0]
          ? [
              `${ref(f.consumer)} may not be fully checked: ${f.detail}`,
              "Concord's checks of its loads may be missing or incomplete (its copies are still counted)",
              'build it with @module-federation/enhanced 2.6+ or @module-federation/vite and Concord',
            ]
          : [
              `${ref(f.consumer)} cannot be checked: ${f.detail}`,
              'its loads run without Concord (its copies are still counted)',
              'build it with @module-federation/enhanced 2.6+ or @module-federation/vite and Concord',
            ],
    }),
  },
} as const satisfies Record<`CONCORD-2${string}`, Code>;

/** Every code this package can emit (the 2xx range; see docs/diagnostics.md). */
export type DiagnosticCode = keyof typeof CODES;
