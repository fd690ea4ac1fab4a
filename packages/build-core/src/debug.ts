// Zero-cost debug logging (Vite's createDebugger): undefined unless DEBUG names the namespace, so call
// sites read `debug?.(…)` and cost nothing otherwise. `DEBUG=concord:build` or `DEBUG=concord:*`.
export function createDebugger(namespace: string): ((...args: unknown[]) => void) | undefined {
  const filter = process.env.DEBUG;
  if (!filter) return undefined;
  const enabled = filter
    .split(',')
    .some((p) => p === namespace || p === '*' || (p.endsWith('*') && namespace.startsWith(p.slice(0, -1))));
  return enabled ? (...args) => console.error(namespace, ...args) : undefined;
}
