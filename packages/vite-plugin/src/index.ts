export const placeholder = 'vite-plugin';
