// Types of drift-fleet.mjs (plain JavaScript so the bench runs it with Node as it is).

/** The manifest of app `i` of a drifting fleet (an mf-manifest.json object). */
export function driftManifest(i: number, seed?: number): Record<string, unknown> & { name: string };

/** The manifests of a fleet of `apps` apps, the host (app-0000) first. */
export function driftFleet(apps: number, seed?: number): (Record<string, unknown> & { name: string })[];
