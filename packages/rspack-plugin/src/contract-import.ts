// A contract package written in TypeScript, read with Rspack's own transform: its built-in swc
// (`rspack.experiments.swc.transform`) strips the types of the entry and of every relative TypeScript module
// it imports; each is written beside its source (so packages resolve exactly as from the source), imported
// by Node, and removed again.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ContractImporter } from '@concord/build-core';

/** `rspack.experiments.swc` as far as Concord uses it. */
export interface SwcLike {
  transform(code: string, options: Record<string, unknown>): Promise<{ code: string }>;
}

const TYPESCRIPT = /\.[cm]?tsx?$/;
const RELATIVE = /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])(\.{1,2}\/[^'"]+)\2/g;

// The TypeScript file a relative specifier names (`./x`, `./x.js` written for `./x.ts`, `./x/index.ts`).
function resolveTypeScript(dir: string, specifier: string): string | undefined {
  const base = join(dir, specifier);
  const candidates = TYPESCRIPT.test(base)
    ? [base]
    : [
        base.replace(/\.([cm]?)js$/, '.$1ts'),
        `${base}.ts`,
        `${base}.tsx`,
        `${base}.mts`,
        join(base, 'index.ts'),
      ];
  return candidates.find((file) => TYPESCRIPT.test(file) && existsSync(file));
}

/** Imports TypeScript files with Rspack's swc; undefined `swc` (an Rspack without it, webpack) rejects. */
export function rspackImportContract(swc: SwcLike | undefined, bundler: string): ContractImporter {
  return async (entry) => {
    if (!swc) throw new Error(`${bundler} offers no TypeScript transform (rspack.experiments.swc)`);
    const written: string[] = [];
    try {
      const out = await transpile(entry, swc, written, new Map());
      return (await import(pathToFileURL(out).href)) as Record<string, unknown>;
    } finally {
      for (const file of written) rmSync(file, { force: true });
    }
  };
}

async function transpile(
  file: string,
  swc: SwcLike,
  written: string[],
  seen: Map<string, string>,
): Promise<string> {
  const known = seen.get(file);
  if (known) return known;
  const out = `${file.replace(TYPESCRIPT, '')}.concord-${process.pid}-${seen.size}.mjs`;
  seen.set(file, out);
  const { code } = await swc.transform(readFileSync(file, 'utf8'), {
    filename: file,
    jsc: { parser: { syntax: 'typescript', tsx: file.endsWith('x') }, target: 'es2022' },
    module: { type: 'es6' },
    sourceMaps: false,
  });
  const imports = new Map<string, string>();
  for (const match of code.matchAll(RELATIVE)) {
    const target = resolveTypeScript(dirname(file), match[3]!);
    if (target) imports.set(match[3]!, await transpile(target, swc, written, seen));
  }
  const rewritten = code.replace(RELATIVE, (whole, before: string, quote: string, specifier: string) => {
    const target = imports.get(specifier);
    return target ? `${before}${quote}./${relative(dirname(out), target)}${quote}` : whole;
  });
  writeFileSync(out, rewritten);
  written.push(out);
  return out;
}
