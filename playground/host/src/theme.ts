import type { Theme } from '@acme/contract';

/** The host's page colours per theme; every remote styles itself from the same shared `theme` slice. */
export const palette: Record<Theme, { background: string; color: string }> = {
  light: { background: '#f6f8fa', color: '#1f2328' },
  dark: { background: '#1c2128', color: '#e6edf3' },
};
