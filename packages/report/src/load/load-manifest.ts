import { appLabel, finding, listOf } from '../finding';
import { type LoadOptions, resolveLoadOptions } from '../options';
import type { Bundler, FederationManifest, Finding, LoadedInput, ManifestShared } from '../types';
import { formatBytes, readInput } from './read-input';
import { type Issue, validateConcord, validateManifest } from './validate';

/**
 * Reads, parses and validates one manifest or stats file (a path, a directory holding mf-manifest.json, or an
 * http(s) URL). Never throws for a bad input: an unreadable or malformed one comes back as
 * `{ ok: false, finding }`. Invalid options (a negative `timeoutMs`) throw a TypeError.
 */
export async function loadManifest(input: string, options?: LoadOptions): Promise<LoadedInput> {
  const resolved = resolveLoadOptions(options);
  const pending = readInput(input, resolved, resolved.signal);
  // A local file comes back read: parsing it before yielding lets its text go at once.
  const read = pending instanceof Promise ? await pending : pending;
  if (!read.ok)
    return {
      ok: false,
      input,
      finding: finding('CONCORD-401', {
        severity: 'error',
        what: `The federation manifest ${JSON.stringify(input)} ${read.reason}`,
        consequence: 'The report leaves that app out, so its shared packages and contract are not checked',
        fix: read.fix,
        input,
      }),
    };
  return parseManifest(read.text, input);
}

const malformed = (input: string, what: string, fix: string, field?: string): LoadedInput => ({
  ok: false,
  input,
  finding: finding('CONCORD-402', {
    severity: 'error',
    what,
    consequence: 'The report leaves that app out, so its shared packages and contract are not checked',
    fix,
    input,
    ...(field !== undefined && { field }),
  }),
});

/** Parses and validates the text of a manifest or stats file; `input` names it in findings. */
export function parseManifest(text: string, input: string): LoadedInput {
  // Editors on Windows save JSON with a byte-order mark, which JSON.parse rejects.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const head = text.trimStart().slice(0, 1);
    if (head === '<')
      return malformed(
        input,
        `${JSON.stringify(input)} is HTML, not JSON (${formatBytes(text.length)} starting with ${JSON.stringify(text.trimStart().slice(0, 15))})`,
        'Point at the mf-manifest.json itself; an HTML answer usually means a wrong URL, a login page or an SPA fallback route',
      );
    const why = text.trim() === '' ? 'is empty' : `is not valid JSON (${(error as Error).message})`;
    return malformed(
      input,
      `${JSON.stringify(input)} ${why}`,
      'Rebuild the app; a truncated file usually means the build or the upload was interrupted',
    );
  }
  return fromObject(value, input, true);
}

const issueText = (input: string, i: Issue): string =>
  `${JSON.stringify(input)} has ${i.got} at \`${i.field}\` where ${i.expected} was expected`;

/** Validates an already parsed manifest object (e.g. the one a build plugin has in memory). */
export function fromManifestObject(value: unknown, input: string): LoadedInput {
  return fromObject(value, input, false);
}

/** @param owned `value` is the report's own parse result, which validation may change in place. */
function fromObject(value: unknown, input: string, owned: boolean): LoadedInput {
  const result = validateManifest(value, input);
  if (!result.ok)
    return malformed(
      input,
      issueText(input, result.issue),
      'Pass an mf-manifest.json or mf-stats.json written by @module-federation/vite (with `manifest: true`) or @module-federation/enhanced',
      result.issue.field,
    );
  const manifest = result.manifest;
  const findings: Finding[] = [];
  const raw = (value as Record<string, unknown>).concord;
  if (raw !== undefined) {
    const concord = validateConcord(raw, owned);
    if (concord.ok) manifest.concord = concord.concord;
    else findings.push(concordIgnored(input, manifest.name, concord.issue, concord.schema));
  }
  const bundler = detectBundler(manifest);
  const app = manifest.concord?.app ?? manifest.name;
  const note = singletonNote(input, app, bundler, manifest);
  if (note) findings.push(note);
  return { ok: true, input, app, bundler, manifest, findings };
}

function concordIgnored(input: string, name: string, issue: Issue, schema: unknown): Finding {
  const newer = typeof schema === 'number' && schema > 1;
  return finding('CONCORD-403', {
    severity: 'warning',
    what: newer
      ? `The Concord metadata in ${JSON.stringify(input)} ("${name}") uses schema ${schema}, newer than this report understands (1)`
      : `The Concord metadata in ${JSON.stringify(input)} ("${name}") is malformed: ${issue.got} at \`${issue.field}\` where ${issue.expected} was expected`,
    consequence:
      'The report reads that app as a plain federation manifest: no configured share options, contract, reads or dependencies',
    fix: newer
      ? 'Upgrade @concord/report to the version of the build plugins'
      : 'Rebuild the app with @concord/vite-plugin or @concord/rspack-plugin, the same version as @concord/report',
    apps: [name],
    input,
    field: issue.field,
  });
}

/** Vite writes `remoteEntry.type: "module"`; enhanced (Rspack or webpack) writes "global"/"var". */
function detectBundler(m: FederationManifest): Bundler {
  if (m.concord) return m.concord.bundler;
  return m.remoteEntryType === 'module' ? 'vite' : 'enhanced';
}

/** enhanced's manifest can claim `singleton: true` for a non-singleton (shared/reference facts); say which value is used. */
function singletonNote(
  input: string,
  app: string,
  bundler: Bundler,
  m: FederationManifest,
): Finding | undefined {
  if (m.concord) {
    // A loop, not a filter with an arrow: this runs for every input, and the arrow was recompiled each report.
    const differ: ManifestShared[] = [];
    for (const s of m.shared) {
      const configured = m.concord.shared[s.name]?.singleton;
      if (configured !== undefined && s.singleton !== null && configured !== s.singleton) differ.push(s);
    }
    if (differ.length === 0) return undefined;
    return finding('CONCORD-405', {
      severity: 'info',
      what: `${appLabel(app, bundler)} declares ${listOf(differ.map((s) => `${s.name} singleton: ${s.singleton}`))} in its manifest but is configured with the opposite`,
      consequence: 'The report uses the configured values, which are what the runtime receives',
      fix: 'Nothing to do; if the configured value is not what you meant, change `shared` in the federation options',
      apps: [app],
      input,
    });
  }
  if (bundler === 'vite' || !m.shared.some((s) => s.singleton)) return undefined;
  return finding('CONCORD-405', {
    severity: 'info',
    what: `${appLabel(app, bundler)} has no Concord metadata, so \`singleton\` comes from its enhanced manifest, which can say true for packages the runtime treats as non-singletons`,
    consequence: 'Singleton verdicts for this app may be wrong',
    fix: 'Build it with @concord/rspack-plugin, which records the configured share options in the manifest',
    apps: [app],
    input,
  });
}
