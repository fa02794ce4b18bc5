import { z } from 'zod'

// What a Content API token may do: THE list, read by the admin page's form, the checks on every
// request and the OpenAPI description. A token without a scope is refused what needs it (403).

export const apiScopes = ['read:published', 'read:drafts', 'write:drafts', 'webhooks'] as const

export type ApiScope = (typeof apiScopes)[number]

export const apiScopeSchema = z.enum(apiScopes, { error: 'Choose scopes from the list.' })

/** Each scope as the admin page explains it. */
export const apiScopeLabels: Record<ApiScope, string> = {
  'read:published': 'Read published stories, sections, authors, tags and corrections',
  'read:drafts': 'Read the newest draft of stories, with the version to send in If-Match',
  'write:drafts': 'Create and update drafts (never publish)',
  webhooks: 'Read the webhook delivery log',
}

/** The scopes a token holds, known ones only, in the list's order (a stored value the code no longer knows is dropped). */
export function knownScopes(scopes: readonly string[]): ApiScope[] {
  return apiScopes.filter((scope) => scopes.includes(scope))
}
