import 'server-only'
import crypto from 'node:crypto'
import { z } from 'zod'
import { StartUpError } from '@/db/config'
import { authSecret } from '../env'

// The shared HTTP caches in front of the app (deploy/nginx/): where they are, and the token that
// lets the app ask one of them to make a page again.

const nodeSchema = z.string().transform((value, context) => {
  try {
    const url = new URL(value)
    if ((url.protocol === 'http:' || url.protocol === 'https:') && url.pathname === '/' && !url.search && !url.hash && !url.username) {
      return url.origin
    }
  } catch {
    // Reported below, with the value.
  }
  context.addIssue({ code: 'custom', message: value })
  return z.NEVER
})

/**
 * The edge nodes to refresh on every change: `EDGE_PURGE_URLS`, a comma- or space-separated list
 * of base addresses (`http://10.0.0.5:8080`). None when unset. A value that is not such a list
 * stops start-up with one line.
 */
export function edgeNodes(env: NodeJS.ProcessEnv = process.env): string[] {
  const raw = env.EDGE_PURGE_URLS?.trim()
  if (!raw) return []
  const nodes: string[] = []
  for (const item of raw.split(/[\s,]+/).filter(Boolean)) {
    const parsed = nodeSchema.safeParse(item)
    if (!parsed.success) {
      throw new StartUpError(
        `EDGE_PURGE_URLS has ${JSON.stringify(item)}, which is not an edge's base address like http://127.0.0.1:8080 (comma-separated, no path).`,
      )
    }
    nodes.push(parsed.data)
  }
  return [...new Set(nodes)]
}

/** The header a refresh carries: the edge passes it on only from the app's own addresses. */
export const refreshHeader = 'x-copydesk-refresh'

/** Its value: derived from the session key, so every instance has the same and nobody else does. */
export function refreshToken(): string {
  return crypto.createHmac('sha256', authSecret()).update('copydesk: refresh a reader page').digest('base64url')
}

/** Whether a request is the app's own refresh of a page (made again, never taken from a cache). */
export function isRefresh(request: Request): boolean {
  const sent = request.headers.get(refreshHeader)
  if (!sent) return false
  const expected = Buffer.from(refreshToken())
  const given = Buffer.from(sent)
  return given.length === expected.length && crypto.timingSafeEqual(given, expected)
}
