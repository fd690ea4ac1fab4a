// The cart's own line items. The count that the rest of the page sees is the shared `cart` slice.
import { create } from 'zustand';

export interface Line {
  sku: string;
  name: string;
  qty: number;
}

interface Lines {
  lines: Line[];
  add(line: Line): void;
}

export const useLines = create<Lines>((set) => ({
  lines: [],
  add: (line) =>
    set(({ lines }) => {
      const existing = lines.find((l) => l.sku === line.sku);
      if (!existing) return { lines: [...lines, line] };
      return { lines: lines.map((l) => (l === existing ? { ...l, qty: l.qty + line.qty } : l)) };
    }),
}));
