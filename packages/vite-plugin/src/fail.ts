// A failing Concord check ends the Vite build with the coded sentence alone, never a bundler stack.
// Errors thrown from a build hook reach Vite wrapped by rolldown ("Build failed with 1 error: … at …"), so
// under `vite build` (which runs the `buildApp` hooks) the failure is held and thrown from Concord's
// `buildApp` hook after every environment was built, outside rolldown, with no frames for Vite's CLI to
// print. The programmatic `build()` runs no `buildApp` hook: there it fails the hook, the sentence still
// without frames of its own.
import type { ViteState } from './state';

/** An Error whose printed form is `text` only (Vite's CLI prints `inspect(error)`, i.e. its stack). */
export function codedError(text: string, stack: string = text): Error {
  const error = new Error(text);
  error.name = 'ConcordError';
  Object.defineProperty(error, 'stack', { value: stack, writable: true, configurable: true });
  return error;
}

/**
 * Fails the build with `message`: held for the `buildApp` hook under `vite build`, else thrown through the
 * hook's `this.error` (with an empty stack, so rolldown adds no frames after the sentence).
 */
export function failBuild(state: ViteState, context: { error(e: Error): never }, message: string): void {
  // In watch mode `buildApp` runs once, not per rebuild: a held failure would never be thrown.
  if (state.appBuild && !state.config?.build.watch) {
    state.failure ??= codedError(message);
    return;
  }
  context.error(codedError(message, ''));
}
