// The README's code blocks that the adopter suite builds, read verbatim. A block whose info string names
// files (```ts file=host/vite.config.ts) is written to each of them as it is; ```sh install holds the
// `npm install` lines of step 1 and ```sh cli the documented report command.
import { readFileSync } from 'node:fs';

/**
 * @typedef {{ lang: string, info: string[], files: string[], text: string, line: number }} Block
 * @typedef {{ name: string, version: string | undefined, dev: boolean, workspaces: string[] }} Install
 */

/** Every fenced block of `markdown`, with its info string split into words. */
export function blocks(markdown) {
  const found = [];
  const fence = /^```(\S*)([^\n]*)\n([\s\S]*?)^```\s*$/gm;
  for (const match of markdown.matchAll(fence)) {
    const info = match[2].trim().split(/\s+/).filter(Boolean);
    found.push({
      lang: match[1],
      info,
      files: info.filter((w) => w.startsWith('file=')).map((w) => w.slice('file='.length)),
      text: match[3],
      line: markdown.slice(0, match.index).split('\n').length,
    });
  }
  return found;
}

/** The README's blocks that name files: `{ path: text }`; a path named twice is an error. */
export function fileBlocks(markdown) {
  const files = {};
  for (const block of blocks(markdown)) {
    for (const file of block.files) {
      if (file in files) throw new Error(`README.md names ${file} in two blocks (line ${block.line})`);
      files[file] = block.text;
    }
  }
  return files;
}

/** The one block tagged `tag` (`install`, `cli`); throws when there is none or several. */
export function taggedBlock(markdown, tag) {
  const tagged = blocks(markdown).filter((b) => b.info.includes(tag));
  if (tagged.length !== 1) throw new Error(`README.md has ${tagged.length} \`\`\`sh ${tag} blocks, not 1`);
  return tagged[0];
}

/**
 * The packages of the `npm install` lines of the install block, as the README says to install them:
 * each with the workspaces its `-w` flags name (none: the root).
 */
export function installs(markdown) {
  const result = [];
  for (const line of taggedBlock(markdown, 'install').text.split('\n')) {
    const words = line.trim().split(/\s+/);
    if (words[0] !== 'npm' || !['install', 'i', 'add'].includes(words[1])) continue;
    const dev = words.includes('-D') || words.includes('--save-dev');
    const workspaces = words.flatMap((w, i) => (w === '-w' || w === '--workspace' ? [words[i + 1]] : []));
    const packages = words
      .slice(2)
      .filter((w, i, rest) => !w.startsWith('-') && !/^-w$|^--workspace$/.test(rest[i - 1] ?? ''));
    for (const word of packages) {
      const at = word.lastIndexOf('@');
      const [name, version] = at > 0 ? [word.slice(0, at), word.slice(at + 1)] : [word, undefined];
      result.push({ name, version, dev, workspaces });
    }
  }
  return result;
}

export const readReadme = (path) => readFileSync(path, 'utf8');
