'use server'

import { revalidatePath } from 'next/cache'
import { redirect } from 'next/navigation'
import { getDb } from '@/db'
import { type ActionState, invalid, ok, toActionState } from '@/lib/errors'
import { requestClient, requireUser } from '@/lib/session'
import { mergeTags, renameTag, tagMergeSchema, tagRenameSchema } from '@/lib/tag-changes'
import { describeTag, tagDescriptionSchema } from '@/lib/tags'
import { countOf } from '@/lib/words'

export async function renameTagAction(_: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireUser()
  const input = tagRenameSchema.safeParse(Object.fromEntries(form))
  if (!input.success) return invalid(input.error)
  const result = await renameTag(getDb(), actor, input.data, await requestClient())
  if (!result.ok) return toActionState(result)
  revalidatePath('/desk/admin/tags', 'layout')
  const moved = result.slug === result.formerSlug ? '' : ` Its page is now /tags/${result.slug}; /tags/${result.formerSlug} leads there.`
  return ok(`Renamed to “${result.name}” on ${countOf(result.stories, 'story', 'stories')}.${moved}`)
}

export async function describeTagAction(_: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireUser()
  const input = tagDescriptionSchema.safeParse(Object.fromEntries(form))
  if (!input.success) return invalid(input.error)
  const result = await describeTag(getDb(), actor, input.data, await requestClient())
  if (!result.ok) return toActionState(result)
  revalidatePath('/desk/admin/tags', 'layout')
  return ok(
    input.data.description === '' ? `“${result.name}” has no description now.` : `Saved. Readers see it on the “${result.name}” page.`,
  )
}

export async function mergeTagsAction(_: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireUser()
  const input = tagMergeSchema.safeParse(Object.fromEntries(form))
  if (!input.success) return invalid(input.error)
  const result = await mergeTags(getDb(), actor, input.data, await requestClient())
  if (!result.ok) return toActionState(result)
  revalidatePath('/desk/admin/tags', 'layout')
  // The merged tag has no page any more: the desk goes on to the one it joined, which lists its old address.
  redirect(`/desk/admin/tags/${result.into.id}`)
}
