'use server'

import { revalidatePath } from 'next/cache'
import { getDb } from '@/db'
import { formatWhen } from '@/lib/clock'
import { type ActionState, ok, toActionState } from '@/lib/errors'
import { requestClient, requireCapability } from '@/lib/session'
import { writeSetting } from '@/lib/settings'

export async function saveTimeZoneAction(_: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireCapability('site.manage')
  const result = await writeSetting(getDb(), actor, 'timeZone', form.get('timeZone'), await requestClient())
  if (!result.ok) return toActionState(result)
  // Every desk page shows times in it: the layout reads it afresh.
  revalidatePath('/desk', 'layout')
  return ok(`The newsroom’s clock is now ${result.value}: it is ${formatWhen(new Date(), result.value)}.`)
}
