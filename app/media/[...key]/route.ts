import { getDb } from '@/db'
import { isPublicMedia, maySeePrivateMedia, mediaOfKey } from '@/lib/media/access'
import { contentTypeOfKey, isValidMediaKey, privateMediaCacheControl, publicMediaCacheControl } from '@/lib/media/keys'
import { getMediaStorage } from '@/lib/media/storage'
import { getCurrentUser } from '@/lib/session'

const notFound = () =>
  new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } })

/**
 * Serves a file the media library stored, by its content-hashed key: only keys of the library's
 * own shape and only files of an image in the library, so nothing else on disk or in the bucket
 * can be reached through it. An image a published story shows is public; any other is answered
 * only to someone signed in who may see it (lib/media/access.ts), never to be kept by a shared
 * cache, and to everyone else as if it did not exist.
 */
export async function GET(request: Request, { params }: { params: Promise<{ key: string[] }> }): Promise<Response> {
  const key = (await params).key.join('/')
  const contentType = isValidMediaKey(key) ? contentTypeOfKey(key) : null
  if (!contentType) return notFound()
  const db = getDb()
  const image = await mediaOfKey(db, key)
  if (!image) return notFound()
  const isPublic = await isPublicMedia(db, image.id)
  if (!isPublic) {
    const viewer = await getCurrentUser()
    if (!viewer || !(await maySeePrivateMedia(db, viewer, image))) return notFound()
  }
  // The key names the content: it is the file's version.
  const etag = `"${key.replaceAll('/', '-')}"`
  const cacheControl = isPublic ? publicMediaCacheControl : privateMediaCacheControl
  if (isPublic && request.headers.get('if-none-match') === etag) {
    return new Response(null, { status: 304, headers: { etag, 'cache-control': cacheControl } })
  }
  const file = await getMediaStorage().get(key)
  if (!file) return notFound()
  return new Response(new Uint8Array(file), {
    headers: {
      'content-type': contentType,
      'content-length': String(file.length),
      'cache-control': cacheControl,
      // An edge node keeps what it is given for signed-out requests (deploy/nginx/copydesk.conf): never this.
      ...(isPublic ? { etag } : { 'x-accel-expires': '0' }),
      'x-content-type-options': 'nosniff',
    },
  })
}
