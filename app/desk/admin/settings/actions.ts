'use server'

import { revalidatePath } from 'next/cache'
import { getDb } from '@/db'
import { formatWhen } from '@/lib/clock'
import { type ActionState, ok, toActionState } from '@/lib/errors'
import { checkIds } from '@/lib/prepublish-checks'
import { savePublication } from '@/lib/publication'
import { requestClient, requireCapability } from '@/lib/session'
import { writeSetting } from '@/lib/settings'
import { countOf } from '@/lib/words'

export async function saveTimeZoneAction(_: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireCapability('site.manage')
  const result = await writeSetting(getDb(), actor, 'timeZone', form.get('timeZone'), await requestClient())
  if (!result.ok) return toActionState(result)
  // Every desk page shows times in it: the layout reads it afresh.
  revalidatePath('/desk', 'layout')
  return ok(`The newsroom’s clock is now ${result.value}: it is ${formatWhen(new Date(), result.value)}.`)
}

export async function saveTrashRetentionAction(_: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireCapability('site.manage')
  const result = await writeSetting(getDb(), actor, 'trashRetentionDays', form.get('trashRetentionDays'), await requestClient())
  if (!result.ok) return toActionState(result)
  revalidatePath('/desk', 'layout')
  return ok(`Stories now stay in the trash for ${countOf(Number(result.value), 'day')} before they are deleted for good.`)
}

export async function saveCheckSeveritiesAction(_: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireCapability('site.manage')
  const chosen = Object.fromEntries(checkIds.map((id) => [id, form.get(`check-${id}`) ?? undefined]))
  const result = await writeSetting(getDb(), actor, 'checkSeverities', chosen, await requestClient())
  if (!result.ok) return toActionState(result)
  // Every story page shows the checklist with it.
  revalidatePath('/desk', 'layout')
  return ok('Saved: the checklist now blocks and warns as chosen.')
}

export async function saveSuggestionDefaultAction(_: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireCapability('site.manage')
  const result = await writeSetting(getDb(), actor, 'suggestionDefault', form.get('suggestionDefault'), await requestClient())
  if (!result.ok) return toActionState(result)
  revalidatePath('/desk', 'layout')
  return ok('Saved: stories now open in suggestion mode as chosen.')
}

export async function savePublicationAction(_: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireCapability('site.manage')
  const result = await savePublication(getDb(), actor, Object.fromEntries(form), await requestClient())
  if (!result.ok) return toActionState(result)
  revalidatePath('/desk/admin/settings')
  return ok(`Saved. Every reader’s page now shows ${result.publication.name} as it is set here.`)
}
