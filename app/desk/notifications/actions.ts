'use server'

import { revalidatePath } from 'next/cache'
import { redirect } from 'next/navigation'
import { getDb } from '@/db'
import { type ActionState, ok, toActionState } from '@/lib/errors'
import { parseId } from '@/lib/http'
import { markRead, savePreferences } from '@/lib/notification-inbox'
import { requireCapability } from '@/lib/session'
import { countOf } from '@/lib/words'

/** Marks every one of the person's own notifications read. */
export async function markAllReadAction(): Promise<ActionState> {
  const user = await requireCapability('desk.enter')
  const changed = await markRead(getDb(), user, 'all')
  revalidatePath('/desk', 'layout')
  return ok(changed === 0 ? 'Nothing was unread.' : `${countOf(changed, 'notification')} marked read.`)
}

/** Marks one of the person's own notifications read and opens its story. */
export async function openNotificationAction(form: FormData): Promise<void> {
  const user = await requireCapability('desk.enter')
  const id = parseId(String(form.get('id') ?? ''))
  const articleId = parseId(String(form.get('articleId') ?? ''))
  if (id) await markRead(getDb(), user, id)
  revalidatePath('/desk', 'layout')
  redirect(articleId ? `/desk/articles/${articleId}` : '/desk/notifications')
}

/** Saves the person's own notification preferences. */
export async function savePreferencesAction(_: ActionState, form: FormData): Promise<ActionState> {
  const user = await requireCapability('desk.enter')
  const result = await savePreferences(getDb(), user.id, {
    inDesk: form.getAll('inDesk').map(String),
    byEmail: form.getAll('byEmail').map(String),
    email: String(form.get('email') ?? ''),
  })
  if (!result.ok) return toActionState(result)
  revalidatePath('/desk', 'layout')
  return ok('Your notification preferences are saved.')
}
