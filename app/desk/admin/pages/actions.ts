'use server'

import { revalidatePath } from 'next/cache'
import { getDb } from '@/db'
import { type ActionState, invalid, ok, toActionState } from '@/lib/errors'
import { requestClient, requireUser } from '@/lib/session'
import { saveSitePage, sitePageInputSchema } from '@/lib/site-pages'

export async function savePage(_: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireUser()
  const input = sitePageInputSchema.safeParse(Object.fromEntries(form))
  if (!input.success) return invalid(input.error)
  const result = await saveSitePage(getDb(), actor, input.data, await requestClient())
  if (!result.ok) return toActionState(result)
  revalidatePath('/desk/admin/pages', 'layout')
  return result.page.body === ''
    ? ok(`Saved. “${result.page.title}” has no text, so readers do not see it.`)
    : ok(`Saved. Readers now see the new “${result.page.title}” at ${result.page.path}.`)
}
