// The adopter suite's checks: each is counted once, passed or failed, with what it saw when it failed.
export class Checks {
  /** @type {{ name: string, ok: boolean, detail?: string }[]} */
  results = [];

  /** Records `name` as passed when `ok`; `detail` is shown when it failed. Returns `ok`. */
  check(name, ok, detail) {
    this.results.push({ name, ok: Boolean(ok), detail: ok ? undefined : detail });
    console.log(`[adopter] ${ok ? 'ok  ' : 'FAIL'} ${name}${ok || !detail ? '' : `\n${indent(detail)}`}`);
    return Boolean(ok);
  }

  /** Runs `fn`; an exception fails `name` with its message instead of stopping the suite. */
  async attempt(name, fn) {
    try {
      return await fn();
    } catch (error) {
      this.check(name, false, error instanceof Error ? (error.stack ?? error.message) : String(error));
      return undefined;
    }
  }

  get passed() {
    return this.results.filter((r) => r.ok).length;
  }

  get failed() {
    return this.results.filter((r) => !r.ok).length;
  }
}

const indent = (text) =>
  String(text)
    .split('\n')
    .slice(-30)
    .map((line) => `       ${line}`)
    .join('\n');
