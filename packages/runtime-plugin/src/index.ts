export const placeholder = 'runtime-plugin';
