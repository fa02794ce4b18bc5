// Which representation a request asks for, and the address its answer is kept under. Shared by
// the API's handlers and the reader cache's lookup (lib/reader-cache.ts, used by server.mjs), so
// that a kept answer is only ever given to a request asking for the same thing.

export const ninjsMediaType = 'application/ninjs+json'

export const apiFormats = ['json', 'ninjs'] as const
export type ApiFormat = (typeof apiFormats)[number]

/** The format asked for: `?format=` wins, then an Accept header naming ninjs, else JSON. Unchecked: an unknown `?format` is the handler's 400. */
export function requestedFormat(params: URLSearchParams, accept: string | null): string {
  return params.get('format') ?? (accept?.toLowerCase().includes(ninjsMediaType) ? 'ninjs' : 'json')
}

/**
 * The address a Content API answer is kept under: the path, then every parameter in order, with
 * the format the request asks for (by `?format` or by Accept) always spelled out. Two requests
 * with one address get the same answer.
 */
export function contentApiAddress(url: URL, accept: string | null): string {
  const params = new URLSearchParams(url.searchParams)
  if (!params.has('format')) params.set('format', requestedFormat(params, accept))
  params.sort()
  return `${url.pathname}?${params}`
}

/** Whether a path is the Content API's. */
export function isContentApiPath(pathname: string): boolean {
  return pathname.startsWith('/api/v1/')
}
