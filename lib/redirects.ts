/** Where to go after sign-in: only a path on this site; anything else goes to the desk. */
export function safeCallbackPath(value: unknown, fallback = '/desk'): string {
  if (typeof value !== 'string' || value.length > 2000) return fallback
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback
  try {
    const url = new URL(value, 'http://copydesk.invalid')
    if (url.origin !== 'http://copydesk.invalid') return fallback
    return url.pathname + url.search + url.hash
  } catch {
    return fallback
  }
}
