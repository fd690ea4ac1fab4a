/**
 * The store and UI libraries whose second copy silently splits state. The build plugins add the
 * contract package; `watch` in the options replaces this list.
 */
export const DEFAULT_WATCHED: readonly string[] = Object.freeze([
  'react',
  'react-dom',
  'zustand',
  'redux',
  '@reduxjs/toolkit',
  'react-redux',
  'jotai',
  'valtio',
  'mobx',
  'rxjs',
  '@tanstack/query-core',
  '@concord/shared-state',
]);
