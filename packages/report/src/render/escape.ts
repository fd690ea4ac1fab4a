// Every string in the HTML page comes from manifests someone else built: the page is assembled with a tagged
// template that escapes each interpolated value unless it is markup this module produced itself.

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for both element content and quoted attribute values. */
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (ch) => ESCAPES[ch]!);

/** Markup produced by `html`; the only thing interpolated without escaping. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type Value = SafeHtml | string | number | boolean | null | undefined | readonly Value[];

function emit(v: Value): string {
  if (v instanceof SafeHtml) return v.value;
  if (Array.isArray(v)) return v.map(emit).join('');
  if (v === null || v === undefined || v === false) return '';
  return escapeHtml(String(v));
}

/** `html\`<td>${name}</td>\`` escapes `name`; nested `html` results and arrays of them pass through. */
export function html(strings: TemplateStringsArray, ...values: Value[]): SafeHtml {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += emit(values[i]!) + strings[i + 1]!;
  return new SafeHtml(out);
}
