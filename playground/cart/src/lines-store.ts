// The cart's own line items. The count that the rest of the page sees is the shared `cart` slice.
import { nanoid } from 'nanoid';
import { create } from 'zustand';

export interface Line {
  /** A line's own id (its React key): the same SKU added again lands on the same line. */
  id: string;
  sku: string;
  name: string;
  qty: number;
}

interface Lines {
  lines: Line[];
  add(line: Omit<Line, 'id'>): void;
}

export const useLines = create<Lines>((set) => ({
  lines: [],
  add: (line) =>
    set(({ lines }) => {
      const existing = lines.find((l) => l.sku === line.sku);
      if (!existing) return { lines: [...lines, { id: nanoid(), ...line }] };
      return { lines: lines.map((l) => (l === existing ? { ...l, qty: l.qty + line.qty } : l)) };
    }),
}));
