import type { SafeUrl } from './safe-url'

/**
 * HTML for the reader's pages, which are plain documents with no client runtime (see
 * `app/(site)/reader-response.ts`). `html` is a tagged template that escapes every value put
 * into it, unless the value is already `SafeHtml`: markup can only enter through `html` itself or
 * through `trustedHtml`, which is kept for HTML the server sanitized (a story body). An `href` or
 * `src` takes only `url(…)` of a `SafeUrl` (lib/safe-url.ts); anything else there throws.
 */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value
  }
}

/** What `url()` makes: the one kind of value an `href` or `src` attribute takes. */
class UrlAttribute extends SafeHtml {}

/** A value that can go into an `html` template. Arrays are joined; null, undefined and false print nothing. */
export type HtmlValue = SafeHtml | string | number | null | undefined | false | readonly HtmlValue[]

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** Text made safe for an element's content or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => escapes[character] ?? character)
}

function print(value: HtmlValue): string {
  if (value instanceof SafeHtml) return value.value
  if (Array.isArray(value)) return value.map(print).join('')
  if (value === null || value === undefined || value === false) return ''
  return escapeHtml(String(value))
}

/** The template so far ends inside an `href="…` or `src="…` attribute. */
const insideUrlAttribute = /\s(?:href|src)="[^"]*$/i

export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0] ?? ''
  values.forEach((value, index) => {
    if (insideUrlAttribute.test(strings[index] ?? '') && !(value instanceof UrlAttribute))
      throw new Error(`An href or src takes url(safeUrl(…)), not ${JSON.stringify(String(value))}.`)
    out += print(value) + (strings[index + 1] ?? '')
  })
  return new SafeHtml(out)
}

/**
 * A `SafeUrl` for an `href` or `src` (`<a href="${url(safeUrl(path))}">`), escaped. Null, an
 * address `safeUrl` refused, prints nothing, so the attribute is left empty.
 */
export function url(value: SafeUrl | null): SafeHtml {
  return new UrlAttribute(value === null ? '' : escapeHtml(value))
}

/** HTML that the server made safe itself (a sanitized story body, a JSON-LD block). */
export function trustedHtml(markup: string): SafeHtml {
  return new SafeHtml(markup)
}

/**
 * JSON for a `<script type="application/ld+json">` block: `<` is escaped so that neither
 * `</script>` nor `<!--` can end or change the block.
 */
export function jsonForScript(value: unknown): SafeHtml {
  return new SafeHtml(JSON.stringify(value).replace(/</g, '\\u003c'))
}
