// Plain-text layout for the terminal renderer: word wrapping that never truncates, and a table whose columns
// share the available width. Works on uncoloured text; colour is applied per cell afterwards.

/** Wraps `text` to `width` columns: at spaces where possible, inside a word only when the word is longer. */
export function wrap(text: string, width: number): string[] {
  const w = Math.max(1, width);
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
      const cut = breakAt(rest, w);
      lines.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    line = rest;
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}

/** Breaks a long name after a `/`, `-`, `.` or `@` near the end of the line when there is one. */
function breakAt(word: string, w: number): number {
  for (let i = w; i > w / 2; i--) if ('/-.@:'.includes(word[i - 1]!)) return i;
  return w;
}

export interface Column {
  header: string;
  /** Never narrower than this unless the content is shorter (defaults to the header's width). */
  min?: number;
  /** Colours the header. */
  paint?: ((line: string) => string) | undefined;
}

export interface Cell {
  text: string;
  /** Colours one already-wrapped line of this cell. */
  paint?: ((line: string) => string) | undefined;
}

/** A row of cells, or one line of text spanning the whole table (a group heading). */
export type Row = Cell[] | { span: Cell };

/** Lays out rows in `width` columns; long cells wrap inside their column, spans wrap across the table. */
export function table(columns: Column[], rows: Row[], width: number, indent = '', gap = 2): string[] {
  const n = columns.length;
  const natural = columns.map((c) => c.header.length);
  const mins = columns.map((c) => c.header.length);
  for (const r of rows) {
    if (!Array.isArray(r)) continue;
    for (let i = 0; i < n; i++) {
      const text = r[i]?.text ?? '';
      natural[i] = Math.max(natural[i]!, text.length);
      // Keep whole words (names) whole where the column may be that wide.
      for (const word of text.split(' '))
        mins[i] = Math.max(mins[i]!, Math.min(word.length, columns[i]!.min ?? 0));
    }
  }
  const widths = fit(natural, mins, width - indent.length - gap * (n - 1));
  const sep = ' '.repeat(gap);
  const out: string[] = [];
  for (const row of [columns.map((c): Cell => ({ text: c.header, paint: c.paint })), ...rows]) {
    if (!Array.isArray(row)) {
      for (const line of wrap(row.span.text, width)) out.push(row.span.paint ? row.span.paint(line) : line);
      continue;
    }
    const wrapped = columns.map((_, i) => wrap(row[i]?.text ?? '', widths[i]!));
    const height = Math.max(...wrapped.map((l) => l.length));
    for (let line = 0; line < height; line++) {
      const parts = wrapped.map((lines, i) => {
        const text = lines[line] ?? '';
        const padded = text.padEnd(widths[i]!);
        const paint = row[i]?.paint;
        return paint && text ? paint(text) + padded.slice(text.length) : padded;
      });
      out.push(indent + parts.join(sep).trimEnd());
    }
  }
  return out;
}

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
