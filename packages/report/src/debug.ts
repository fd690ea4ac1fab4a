// Zero-cost debug logging in the style of Vite's createDebugger: undefined unless DEBUG names the namespace.
export function createDebugger(namespace: string): ((...args: unknown[]) => void) | undefined {
  const filter = typeof process === 'object' ? process.env.DEBUG : undefined;
  if (!filter) return undefined;
  const enabled = filter
    .split(',')
    .some((p) => p === namespace || p === '*' || (p.endsWith('*') && namespace.startsWith(p.slice(0, -1))));
  return enabled ? (...args) => console.error(namespace, ...args) : undefined;
}
