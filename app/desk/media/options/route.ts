import { z } from 'zod'
import { getDb } from '@/db'
import type { MediaSearchResponse } from '@/components/desk/media/media-search-client'
import { json, refusalResponse } from '@/lib/http'
import { searchMediaOptions } from '@/lib/media/options'
import { authorizeRequest } from '@/lib/session'

const querySchema = z.object({
  q: z.string().trim().max(200).catch(''),
  id: z.coerce.number().int().positive().optional().catch(undefined),
})

/**
 * The story editor's image pickers search the library here (`searchMediaClient`).
 * `GET ?q=words`: up to 48 images whose alt text, caption or credit contain every word, newest
 * first (no words: the newest). `GET ?id=7`: that image alone (an empty list when it is gone).
 * Answers `{ ok: true, options }`, each option saying whether the viewer may change its details;
 * 401 when signed out (lib/http.ts `refusalResponse`).
 */
export async function GET(request: Request): Promise<Response> {
  const signedIn = await authorizeRequest('desk.enter')
  if (!signedIn.ok) return refusalResponse(signedIn)
  const params = new URL(request.url).searchParams
  const { q, id } = querySchema.parse({ q: params.get('q') ?? '', id: params.get('id') ?? undefined })
  const options = await searchMediaOptions(getDb(), signedIn.user, id === undefined ? { query: q } : { ids: [id] })
  return json<MediaSearchResponse>({ ok: true, options }, 200)
}
