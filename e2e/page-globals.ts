// Typed access to what the playground page exposes: Concord's runtime registry (window.__CONCORD__)
// and the host's debugging handle on the Acme bus (window.__ACME__.host).
import type { Page } from '@playwright/test';

interface AppRef {
  app: string;
  bundler: string;
}

/** A diagnostic as window.__CONCORD__.getDiagnostics() lists it (see @concord/runtime-plugin). */
export interface Diagnostic {
  code: string;
  severity: 'error' | 'warning';
  package: string;
  message: string;
  versions: string[];
  requiredVersion?: string | null;
  consumer?: AppRef;
  provider?: AppRef;
  copies?: (AppRef & { package: string; version: string; source: string })[];
  mode: string;
}

/** What the host's `inspect()` of the Acme bus reports (see @concord/shared-state). */
export interface Inspection {
  /** Live listeners and event handlers per app. */
  listeners: Record<string, number>;
  copies: { version: string; protocol: number }[];
}

/** The apps a diagnostic names, as `app (bundler)`, and every version or range it names. */
export function named(d: Diagnostic): { apps: string[]; versions: string[] } {
  const refs = [d.consumer, d.provider, ...(d.copies ?? [])].filter((r): r is AppRef => r !== undefined);
  return {
    apps: refs.map((r) => `${r.app} (${r.bundler})`),
    versions: [
      ...d.versions,
      ...(d.requiredVersion ? [d.requiredVersion] : []),
      ...(d.copies ?? []).map((c) => c.version),
    ],
  };
}

interface ConcordGlobal {
  getDiagnostics(): Diagnostic[];
  getInstances(): unknown;
  assertSingleInstances(packages?: readonly string[]): void;
  version: string;
}

interface AcmeGlobal {
  host: {
    inspect(): Inspection;
    get(slice: 'session'): { user: { name: string } | null; token: string | null };
  };
}

declare global {
  var __CONCORD__: ConcordGlobal | undefined;
  var __ACME__: AcmeGlobal | undefined;
}

/** Concord's diagnostics on the page (throws when the runtime plugin is not on the page). */
export function diagnostics(page: Page): Promise<Diagnostic[]> {
  return page.evaluate(() => {
    if (!globalThis.__CONCORD__)
      throw new Error('window.__CONCORD__ is missing: no Concord runtime plugin ran');
    // Structured-clone-safe copies (diagnostics may hold non-serialisable references).
    return JSON.parse(JSON.stringify(globalThis.__CONCORD__.getDiagnostics()));
  });
}

/** The host's `inspect()` of the Acme bus. */
export function inspectBus(page: Page): Promise<Inspection> {
  return page.evaluate(() => globalThis.__ACME__!.host.inspect());
}
