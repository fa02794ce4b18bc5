import { contentTypeOfKey, immutableCacheControl, isValidMediaKey } from '@/lib/media/keys'
import { getMediaStorage } from '@/lib/media/storage'

const notFound = () =>
  new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } })

/**
 * Serves a file the media library stored, by its content-hashed key. Public (reader pages show
 * these images), but only keys of the library's own shape and only files that are in storage:
 * nothing else on disk or in the bucket can be reached through it.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ key: string[] }> }): Promise<Response> {
  const key = (await params).key.join('/')
  const contentType = isValidMediaKey(key) ? contentTypeOfKey(key) : null
  if (!contentType) return notFound()
  const file = await getMediaStorage().get(key)
  if (!file) return notFound()
  return new Response(new Uint8Array(file), {
    headers: {
      'content-type': contentType,
      'content-length': String(file.length),
      // The name is the content's hash: the file behind it never changes.
      'cache-control': immutableCacheControl,
      'x-content-type-options': 'nosniff',
    },
  })
}
