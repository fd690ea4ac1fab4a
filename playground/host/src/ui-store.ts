// The host's own UI state. zustand is shared as a singleton with cart and catalog, which also use it.
import { create } from 'zustand';

interface HostUi {
  accountOpen: boolean;
  toggleAccount(): void;
}

export const useHostUi = create<HostUi>((set) => ({
  accountOpen: false,
  toggleAccount: () => set((ui) => ({ accountOpen: !ui.accountOpen })),
}));
