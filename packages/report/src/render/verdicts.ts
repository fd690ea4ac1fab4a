import type { Verdict } from '../types';

/**
 * What a matrix cell's verdict says, in words: the HTML and Markdown reports print these (Markdown in bold for
 * the two that fail a page), so a page built on `Report` JSON can say the same.
 */
export const VERDICT_WORDS: Readonly<Record<Verdict, string>> = Object.freeze({
  ok: 'ok',
  mismatch: 'mismatch',
  'own-copy': 'own copy',
  private: 'private copy',
  unprovided: 'nobody provides it',
  absent: 'not shared',
});
