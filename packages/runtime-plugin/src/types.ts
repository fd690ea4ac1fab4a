/** What a plugin instance does with a finding: print it, stop the offending load, or ignore it. */
export type Mode = 'warn' | 'throw' | 'off';

/** The bundler that built a container, as the build plugins report it. */
export type Bundler = 'vite' | 'rspack' | 'webpack';

import type { DiagnosticCode } from './codes';

export type { DiagnosticCode } from './codes';

/** One app on the page: its Concord app name and the bundler that built it (`unknown` without Concord). */
export interface AppRef {
  app: string;
  bundler: string;
}

/** One evaluated copy of a package, and how Concord knows it is live. */
export interface LiveCopy extends AppRef {
  package: string;
  /** `?` when only the Vite module cache shows the copy and no version is attached to it. */
  version: string;
  source: 'beacon' | 'share-scope' | 'module-cache';
}

/** A finding, recorded once per page however many containers see it. */
export interface ConcordDiagnostic {
  code: DiagnosticCode;
  severity: 'error' | 'warning';
  /** The package concerned (`''` for an internal fault or an option error). */
  package: string;
  /** What happened and the consequence, as one sentence. */
  message: string;
  /** What to change. */
  fix: string;
  /** The absolute docs link of the code: `<docsUrl>#concord-2xx`. */
  docs: string;
  /** The versions involved: live, loaded, declared. */
  versions: string[];
  /** The range the consumer declared, when the finding is about one. */
  requiredVersion?: string | null;
  /** The app whose load is affected. */
  consumer?: AppRef;
  /** The app that really provided the live copy (captured before the runtime overwrites `from`). */
  provider?: AppRef;
  /** For duplicate findings: every live copy of the package. */
  copies?: LiveCopy[];
  /** Free-form context: where an internal fault happened. */
  detail?: string;
  /** The mode in force for this package in the consumer app when the finding was recorded. */
  mode: Mode;
}

/** What a beacon registers for each evaluated copy of a watched package. */
export interface BeaconInfo {
  package: string;
  version: string;
  app: string;
  bundler: string;
}
