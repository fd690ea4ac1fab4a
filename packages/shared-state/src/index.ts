export const placeholder = 'shared-state';
