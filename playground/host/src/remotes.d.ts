// What each remote exposes: a framework-neutral mount function, so a Vue remote (or one on another
// React major) can live in the React host. It returns the unmount function.
type Mount = (element: HTMLElement) => () => void;

declare module 'cart/mount' {
  export const mount: Mount;
}
declare module 'catalog/mount' {
  export const mount: Mount;
}
declare module 'account/mount' {
  export const mount: Mount;
}
