// Types of readme.mjs, for test/readme.test.ts.
export interface Block {
  lang: string;
  info: string[];
  files: string[];
  text: string;
  line: number;
}
export interface Install {
  name: string;
  version: string | undefined;
  dev: boolean;
  workspaces: string[];
}
export function blocks(markdown: string): Block[];
export function fileBlocks(markdown: string): Record<string, string>;
export function taggedBlock(markdown: string, tag: string): Block;
export function installs(markdown: string): Install[];
export function readReadme(path: string): string;
