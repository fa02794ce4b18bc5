'use server'

import { revalidatePath } from 'next/cache'
import { getDb } from '@/db'
import { createApiToken, revokeApiToken, tokenFieldsSchema, tokenRefSchema } from '@/lib/api-tokens/tokens'
import { type ActionState, invalid, ok, toActionState } from '@/lib/errors'
import { requestClient, requireUser } from '@/lib/session'

export async function createTokenAction(_: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireUser()
  const input = tokenFieldsSchema.safeParse({
    ...Object.fromEntries(form),
    scopes: form.getAll('scopes'),
    sectionIds: form.getAll('sectionIds'),
  })
  if (!input.success) return invalid(input.error)
  const result = await createApiToken(getDb(), actor, input.data, { client: await requestClient() })
  if (!result.ok) return toActionState(result)
  revalidatePath('/desk/admin/tokens')
  return ok(`Token created. Copy its secret now: it is shown only this once, and only its hash is kept. ${result.secret}`)
}

export async function revokeTokenAction(_: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireUser()
  const input = tokenRefSchema.safeParse(Object.fromEntries(form))
  if (!input.success) return invalid(input.error)
  const result = await revokeApiToken(getDb(), actor, input.data.tokenId, { client: await requestClient() })
  if (!result.ok) return toActionState(result)
  revalidatePath('/desk/admin/tokens')
  return ok(`“${result.name}” is revoked: every request with it is refused from now on.`)
}
