'use server'

import { revalidatePath } from 'next/cache'
import { redirect } from 'next/navigation'
import { z } from 'zod'
import { getDb } from '@/db'
import { type ActionState, fail, invalid, ok, toActionState } from '@/lib/errors'
import { keepCropsAtFocalPoint } from '@/lib/media/crops'
import { deleteMedia, updateMediaDetails } from '@/lib/media/library'
import { getMediaStorage } from '@/lib/media/storage'
import { pageKey } from '@/lib/page-keys'
import { announceChange } from '@/lib/reader-changes'
import { requireUser } from '@/lib/session'

const mediaRefSchema = z.object({ mediaId: z.coerce.number().int().positive() })

const fraction = (label: string) => {
  const message = `Enter the focal point ${label} as a number from 0 to 1.`
  return z
    .string()
    .trim()
    .min(1, message)
    .transform(Number)
    .pipe(z.number({ error: message }).min(0, message).max(1, message))
}

// Shapes only: lengths and clean-up are the library's (`mediaDetailsSchema`), with its messages.
const detailsFormSchema = mediaRefSchema.extend({
  alt: z.string(),
  caption: z.string(),
  credit: z.string(),
  focalX: fraction('across'),
  focalY: fraction('down'),
})

export async function saveMediaDetails(_: ActionState, form: FormData): Promise<ActionState> {
  const user = await requireUser()
  const input = detailsFormSchema.safeParse(Object.fromEntries(form))
  if (!input.success) return invalid(input.error)
  const { mediaId, ...details } = input.data
  const db = getDb()
  const result = await updateMediaDetails(db, user, mediaId, details)
  if (!result.ok) return toActionState(result)
  await keepCropsAtFocalPoint(db, getMediaStorage(), result.media)
  revalidatePath('/desk/media', 'layout')
  // Reader pages take alt text and focal point from the library.
  await announceChange(db, [pageKey.media(mediaId)])
  return ok('Saved.')
}

export async function deleteImage(_: ActionState, form: FormData): Promise<ActionState> {
  const user = await requireUser()
  const input = mediaRefSchema.safeParse(Object.fromEntries(form))
  if (!input.success) return invalid(input.error)
  const result = await deleteMedia(getDb(), getMediaStorage(), user, input.data.mediaId)
  if (!result.ok) return toActionState(result)
  revalidatePath('/desk/media', 'layout')
  redirect('/desk/media?deleted=1')
}

const altTextSchema = z.object({ mediaId: z.number().int().positive(), alt: z.string() })

/**
 * Sets a library image's alt text from the story editor (writers their own images, editors and
 * admins any); every story showing it is refreshed.
 */
export async function saveImageAltText(mediaId: number, alt: string): Promise<ActionState> {
  const user = await requireUser()
  const input = altTextSchema.safeParse({ mediaId, alt })
  if (!input.success) return fail('Choose an image and write its alt text.')
  const db = getDb()
  const result = await updateMediaDetails(db, user, input.data.mediaId, { alt: input.data.alt })
  if (!result.ok) return toActionState(result)
  revalidatePath('/desk/media', 'layout')
  await announceChange(db, [pageKey.media(input.data.mediaId)])
  return ok('Alt text saved to the library.')
}
