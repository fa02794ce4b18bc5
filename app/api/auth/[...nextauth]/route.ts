import type { NextRequest } from 'next/server'
import { handlers } from '@/lib/auth'
import { refuseForeignRequest } from '@/lib/same-origin'

export const { GET } = handlers

/**
 * Signing in and out. Auth.js checks its own CSRF token, but a sibling origin of the same site
 * can set cookies for it (the token is a double-submit cookie), so these posts must also come
 * from the site's own pages, as form fields (next-auth/react and Auth.js's forms send nothing else).
 */
export async function POST(request: NextRequest): Promise<Response> {
  return refuseForeignRequest(request, 'POST /api/auth/[...nextauth]') ?? handlers.POST(request)
}
