// Names and versions in a report come from manifests someone else built. On a terminal (and in a CI log) a
// control character is a command: `\x1b[8m` hides the rest of the report, `\x1b[2J` clears the screen, `\n`
// forges a line, U+202E reorders what follows. `visible()` turns each into its escape text, so it is read,
// not obeyed. JSON keeps the real string; HTML escapes markup and shows bidi controls by the same rule.

// C0 controls, DEL, C1 controls; the bidi embeddings, overrides and isolates, the marks (LRM, RLM, ALM), line
// and paragraph separators, zero-width characters and the BOM, which all move or hide text.
const HIDDEN_CLASS =
  '[\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200b-\\u200f\\u2028-\\u202e\\u2060-\\u2069\\ufeff]';
const HIDDEN = new RegExp(HIDDEN_CLASS);
const HIDDEN_ALL = new RegExp(HIDDEN_CLASS, 'g');

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

const escapeOne = (ch: string): string => {
  const named = NAMED[ch];
  if (named) return named;
  const code = ch.charCodeAt(0);
  return code <= 0xff
    ? `\\x${code.toString(16).padStart(2, '0')}`
    : `\\u${code.toString(16).padStart(4, '0')}`;
};

/** `cart\x1b[8m` → `cart\\x1b[8m`: every character that could steer a terminal, as visible text. */
export const visible = (s: string): string => (HIDDEN.test(s) ? s.replace(HIDDEN_ALL, escapeOne) : s);

const BREAKS = /[\r\n]/;

/** `visible`, except CR and LF, for formats that encode line breaks themselves (GitHub's `%0A`). */
export const visibleKeepingBreaks = (s: string): string =>
  HIDDEN.test(s) ? s.replace(HIDDEN_ALL, (ch) => (BREAKS.test(ch) ? ch : escapeOne(ch))) : s;
