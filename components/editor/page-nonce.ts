/**
 * The CSP nonce of this page, which Next put on its own scripts (the browser hides the attribute
 * but keeps the property). Undefined while rendered on the server, and where the page has none
 * (`next dev` allows any style).
 */
export function pageNonce(): string | undefined {
  if (typeof document === 'undefined') return undefined
  return document.querySelector<HTMLScriptElement>('script[nonce]')?.nonce || undefined
}
