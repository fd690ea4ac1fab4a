// A page in a Node `vm` context, enough to run what Rspack emits for the browser: scripts are loaded the
// way webpack's JSONP chunk loader asks (a <script> appended to <head>), from the build output on disk.
// Everything that runs is the real emitted code: webpack runtime, federation runtime, libraries, beacons.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';

interface FakeScript {
  src?: string;
  onload?: (event: unknown) => void;
  onerror?: (event: unknown) => void;
  parentNode: { removeChild(): void };
  setAttribute(key: string, value: string): void;
  getAttribute(key: string): string | undefined;
}

export interface Page {
  /** What the page logged (`console.*`), as `level: text` lines. */
  logs: string[];
  /** The page's global object (`window`). */
  window: Record<PropertyKey, unknown>;
  /** Runs the script served at `url` (synchronously, like a classic <script>). */
  run(url: string): void;
  /** Evaluates an expression in the page and returns its value as JSON data (no cross-realm objects). */
  evaluate(expression: string): unknown;
}

/** `origins` maps URL prefixes (each build's publicPath) to output directories. */
export function createPage(origins: Record<string, string>): Page {
  const file = (url: string) => {
    for (const [prefix, dir] of Object.entries(origins))
      if (url.startsWith(prefix)) return join(dir, url.slice(prefix.length).replace(/[?#].*$/, ''));
    throw new Error(`no build serves ${url}`);
  };
  const logs: string[] = [];
  const record =
    (level: string) =>
    (...args: unknown[]) =>
      void logs.push(`${level}: ${args.map(String).join(' ')}`);
  const pageConsole = {
    log: record('log'),
    info: record('info'),
    warn: record('warn'),
    error: record('error'),
    debug: record('debug'),
  };
  const context = vm.createContext({ console: pageConsole, setTimeout, clearTimeout, queueMicrotask, URL });
  const run = (url: string) => {
    const path = file(url);
    vm.runInContext(readFileSync(path, 'utf8'), context, { filename: path });
  };
  const document = {
    currentScript: null,
    getElementsByTagName: () => [],
    querySelectorAll: () => [],
    createElement(): FakeScript {
      const attributes: Record<string, string> = {};
      return {
        parentNode: { removeChild() {} },
        setAttribute(key, value) {
          attributes[key] = value;
        },
        getAttribute: (key) => attributes[key],
      };
    },
    head: {
      appendChild(script: FakeScript) {
        setTimeout(() => {
          try {
            run(script.src!);
          } catch (error) {
            script.onerror?.({ type: 'error', target: script, error });
            return;
          }
          script.onload?.({ type: 'load', target: script });
        });
      },
    },
  };
  Object.assign(document, { defaultView: context });
  Object.assign(context, {
    document,
    self: context,
    window: context,
    location: { href: 'http://page.test/' },
  });
  const evaluate = (expression: string) => {
    const json = vm.runInContext(`JSON.stringify(${expression})`, context) as string | undefined;
    return json === undefined ? undefined : JSON.parse(json);
  };
  return { logs, window: context as Record<PropertyKey, unknown>, run, evaluate };
}
