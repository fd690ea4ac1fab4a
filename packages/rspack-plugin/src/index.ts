export const placeholder = 'rspack-plugin';
