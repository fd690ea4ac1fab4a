// Typed access to what the playground page exposes: Concord's runtime registry (window.__CONCORD__)
// and the host's debugging handle on the Acme bus (window.__ACME__.host).
import type { Page } from '@playwright/test';

/** A diagnostic as window.__CONCORD__.getDiagnostics() lists it. */
export interface Diagnostic {
  code: string;
  message: string;
  package?: string;
  [key: string]: unknown;
}

export interface Inspection {
  listeners: Record<string, number>;
  handlers: Record<string, number>;
  copies: { version: string; protocol: number }[];
}

interface ConcordGlobal {
  getDiagnostics(): Diagnostic[];
  getInstances(): unknown;
  assertSingleInstances(): void;
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
