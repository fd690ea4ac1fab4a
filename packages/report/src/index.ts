export const placeholder = 'report';
