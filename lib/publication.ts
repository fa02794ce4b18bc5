import 'server-only'
import type { Db } from '@/db'
import { authorize } from './authorize'
import { getMedia } from './media/library'
import { pageKey } from './page-keys'
import type { Actor } from './permissions'
import { type Publication, type PublicationLogo, logoTooLargeMessage, maxLogoBytes, publicationInputSchema } from './publication-schema'
import { announceChange } from './reader-changes'
import { type Refusal, type Result, invalidInput, refusal } from './refusal'
import { readPublication, writeSetting } from './settings'

// An admin changes the publication readers meet (its fields: lib/publication-schema.ts). Every
// reader's page, feed and sitemap shows some of it (page key `site`), so a save makes them all
// again, on every instance and edge node.

/**
 * Saves the publication's settings (admins only: `site.manage`): all fields checked first, the
 * logo a library image within the size limit; a refusal changes nothing. The change is in the
 * audit log, and every reader's page is made again; the old and new logos' files too, since one
 * turns private and the other public (lib/media/access.ts).
 */
export async function savePublication(db: Db, actor: Actor, raw: unknown, client = ''): Promise<Result<{ publication: Publication }>> {
  const allowed = await authorize(db, actor, 'site.manage')
  if (!allowed.ok) return allowed
  const parsed = publicationInputSchema.safeParse(raw)
  if (!parsed.success) return invalidInput(parsed.error)
  const { logoMediaId, ...fields } = parsed.data
  const logo = logoMediaId === null ? null : await logoOf(db, logoMediaId)
  if (logo && 'message' in logo) return logo
  const before = await readPublication(db)
  const saved = await writeSetting(db, actor, 'publication', { ...fields, logo }, client)
  if (!saved.ok) return saved
  const logoChanged = before.logo?.mediaId !== logo?.mediaId
  const logoKeys = logoChanged ? [before.logo, logo].flatMap((shown) => (shown ? [pageKey.media(shown.mediaId)] : [])) : []
  await announceChange(db, [pageKey.site, ...logoKeys])
  return { ok: true, publication: { ...fields, logo } }
}

/** The logo as pages show it (its full-size file: uploads are re-encoded, so it carries no metadata), or why this image cannot be it. */
async function logoOf(db: Db, mediaId: number): Promise<PublicationLogo | Refusal<'invalid'>> {
  const image = await getMedia(db, mediaId)
  if (!image) return refusal('invalid', 'That image is no longer in the media library; choose another logo.', 'logoMediaId')
  if (image.byteSize > maxLogoBytes) return refusal('invalid', logoTooLargeMessage(image.byteSize), 'logoMediaId')
  return { mediaId: image.id, key: image.storageKey, width: image.width, height: image.height }
}
