// Plain-text layout for the terminal renderer: word wrapping that never truncates, and a table whose columns
// share the available width. Works on uncoloured text; colour is applied per cell afterwards.

/** Wraps `text` to `width` columns: at spaces where possible, inside a word only when the word is longer. */
export function wrap(text: string, width: number): string[] {
  const w = Math.max(1, width);
  if (!fitsAsIs(text)) return wrapWords(text, w);
  if (text.length <= w) return [text];
  // Single-spaced text (nearly every message): lines are slices of it, never rebuilt word by word.
  const lines: string[] = [];
  let start = 0;
  let end = -1;
  for (let i = 0; i < text.length; ) {
    let j = text.indexOf(' ', i);
    if (j < 0) j = text.length;
    if (end >= 0 && j - start <= w) end = j;
    else {
      if (end >= 0) lines.push(text.slice(start, end));
      let a = i;
      while (j - a > w) {
        const cut = breakAt(text, a, w);
        lines.push(text.slice(a, a + cut));
        a += cut;
      }
      start = a;
      end = j;
    }
    i = j + 1;
  }
  lines.push(text.slice(start, end));
  return lines;
}

/** `wrap` for any spacing: runs of spaces collapse, leading and trailing ones go. */
function wrapWords(text: string, w: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (word === '') continue;
    let rest = word;
    if (line !== '' && line.length + 1 + rest.length <= w) {
      line += ` ${rest}`;
      continue;
    }
    if (line !== '') lines.push(line);
    line = '';
    while (rest.length > w) {
      const cut = breakAt(rest, 0, w);
      lines.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    line = rest;
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}

/** No leading, trailing or double space: wrapping would give the text back unchanged. */
const fitsAsIs = (text: string): boolean =>
  text === '' ||
  (text.charCodeAt(0) !== 32 && text.charCodeAt(text.length - 1) !== 32 && !text.includes('  '));

/**
 * Where to break the long name starting at `at`: after a `/`, `-`, `.` or `@` near the end of the line when
 * there is one.
 */
function breakAt(text: string, at: number, w: number): number {
  for (let i = w; i > w / 2; i--) if ('/-.@:'.includes(text[at + i - 1]!)) return i;
  return w;
}

export interface Column {
  header: string;
  /** Never narrower than this unless the content is shorter (defaults to the header's width). */
  min?: number;
  /** Colours the header. */
  paint?: Paint | undefined;
}

export type Paint = (line: string) => string;

/**
 * Text collected line by line, joined a few thousand lines at a time: a 2,000-app matrix is 120,000 lines,
 * and holding each as its own string until the end had the garbage collector copy them all, twice.
 */
export class Lines {
  private readonly chunks: string[] = [];
  private lines: string[] = [];

  push(line: string): void {
    this.lines.push(line);
    if (this.lines.length >= 4096) this.flush();
  }

  /** Several lines at once. */
  pushAll(lines: readonly string[]): void {
    for (const line of lines) this.push(line);
  }

  /** The text, each line ended by a line break. */
  toString(): string {
    this.flush();
    return this.chunks.join('');
  }

  private flush(): void {
    if (this.lines.length === 0) return;
    this.lines.push('');
    this.chunks.push(this.lines.join('\n'));
    this.lines = [];
  }
}

/** Where a table's rows go: the table asks for its rows twice, once to measure the columns, once to write. */
export interface RowSink {
  /** One line of text spanning the whole table (a group heading). */
  span(text: string, paint?: Paint): void;
  /**
   * A row of cells: one text per column, and what colours one already-wrapped line of each. The table reads
   * both arrays during the call only, so a caller may refill the same two arrays for every row.
   */
  row(texts: readonly string[], paints: readonly (Paint | undefined)[]): void;
}

/**
 * Lays out rows in `width` columns; long cells wrap inside their column, spans wrap across the table. `rows`
 * is called twice (measure, then write) instead of the rows being kept: a 2,000-app matrix is 120,000 rows,
 * and an object per cell, kept until the table was written, was most of the terminal renderer's time.
 */
export function table(
  out: Lines,
  columns: Column[],
  rows: (sink: RowSink) => void,
  width: number,
  indent = '',
  gap = 2,
): void {
  const n = columns.length;
  const natural = columns.map((c) => c.header.length);
  const mins = columns.map((c) => c.header.length);
  rows({
    span() {},
    row(texts) {
      for (let i = 0; i < n; i++) {
        const text = texts[i] ?? '';
        natural[i] = Math.max(natural[i]!, text.length);
        // Keep whole words (names) whole where the column may be that wide.
        const min = columns[i]!.min ?? 0;
        if (mins[i]! >= min) continue;
        if (!text.includes(' ')) mins[i] = Math.max(mins[i]!, Math.min(text.length, min));
        else for (const word of text.split(' ')) mins[i] = Math.max(mins[i]!, Math.min(word.length, min));
      }
    },
  });
  const widths = fit(natural, mins, width - indent.length - gap * (n - 1));
  const layout: Layout = { out, widths, indent, sep: ' '.repeat(gap) };
  const write: RowSink = {
    span(text, paint) {
      for (const line of wrap(text, width)) out.push(paint ? paint(line) : line);
    },
    row(texts, paints) {
      if (!oneLine(layout, texts, paints)) wrapped(layout, texts, paints);
    },
  };
  write.row(
    columns.map((c) => c.header),
    columns.map((c) => c.paint),
  );
  rows(write);
}

/** Where a table writes its rows, and the columns' widths. */
interface Layout {
  out: Lines;
  widths: number[];
  indent: string;
  /** Between two columns. */
  sep: string;
}

/** A row whose cells wrap inside their columns, line by line. */
function wrapped(
  { out, widths, indent, sep }: Layout,
  texts: readonly string[],
  paints: readonly (Paint | undefined)[],
): void {
  const cells = widths.map((w, i) => wrap(texts[i] ?? '', w));
  let height = 0;
  for (const lines of cells) height = Math.max(height, lines.length);
  for (let line = 0; line < height; line++) {
    const parts = cells.map((lines, i) => {
      const text = lines[line] ?? '';
      const padded = text.padEnd(widths[i]!);
      const paint = paints[i];
      return paint && text ? paint(text) + padded.slice(text.length) : padded;
    });
    out.push(indent + parts.join(sep).trimEnd());
  }
}

/**
 * Writes the row as one line when every cell fits its column as it is, the text `wrapped` makes (padded
 * columns, no trailing white space), and says whether it did.
 */
function oneLine(
  { out, widths, indent, sep }: Layout,
  texts: readonly string[],
  paints: readonly (Paint | undefined)[],
): boolean {
  let last = -1;
  for (let i = 0; i < widths.length; i++) {
    const text = texts[i] ?? '';
    if (text.length > widths[i]! || !fitsAsIs(text)) return false;
    if (text !== '') last = i;
  }
  // `wrapped` trims the line's end, other white space than spaces included.
  const end = last < 0 ? '' : texts[last]!;
  if (end.length > 0 && end.trimEnd().length !== end.length) return false;
  // One flat string per line, made by a join: concatenation would keep a tree of pieces per line until the end.
  const parts = PARTS;
  parts.length = 0;
  parts.push(indent);
  for (let i = 0; i <= last; i++) {
    const text = texts[i]!;
    const paint = paints[i];
    if (i > 0) parts.push(sep);
    parts.push(paint && text ? paint(text) : text);
    if (i < last && text.length < widths[i]!) parts.push(spaces(widths[i]! - text.length));
  }
  out.push(parts.join(''));
  return true;
}

const PARTS: string[] = [];

/** Runs of spaces by length, shared by every row. */
const SPACES: string[] = [];
const spaces = (k: number): string => {
  let s = SPACES[k];
  if (s === undefined) {
    s = ' '.repeat(k);
    SPACES[k] = s;
  }
  return s;
};

/** Natural widths when they fit; else every column gets its minimum plus a share of the rest by demand. */
function fit(natural: number[], mins: number[], budget: number): number[] {
  const total = natural.reduce((a, b) => a + b, 0);
  if (total <= budget) return natural;
  const base = mins.reduce((a, b) => a + b, 0);
  if (base >= budget) {
    // Even the minimums do not fit: shrink the widest minimums until they do (words then break).
    const widths = [...mins];
    let over = base - budget;
    while (over > 0) {
      const i = widths.indexOf(Math.max(...widths));
      if (widths[i]! <= 1) break;
      widths[i]!--;
      over--;
    }
    return widths;
  }
  let spare = budget - base;
  const demand = natural.map((nat, i) => nat - mins[i]!);
  const wanted = demand.reduce((a, b) => a + b, 0);
  const widths = mins.map((m, i) => m + Math.floor((spare * demand[i]!) / Math.max(1, wanted)));
  spare = budget - widths.reduce((a, b) => a + b, 0);
  for (let i = 0; spare > 0 && i < widths.length; i++) {
    if (widths[i]! < natural[i]!) {
      widths[i]!++;
      spare--;
    }
  }
  return widths;
}
