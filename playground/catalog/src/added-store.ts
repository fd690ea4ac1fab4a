// How many of each product this catalog has added: local feedback only. The cart owns the real count.
import { create } from 'zustand';

interface Added {
  bySku: Record<string, number>;
  note(sku: string): void;
}

export const useAdded = create<Added>((set) => ({
  bySku: {},
  note: (sku) => set(({ bySku }) => ({ bySku: { ...bySku, [sku]: (bySku[sku] ?? 0) + 1 } })),
}));
