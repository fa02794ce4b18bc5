'use server'

import { revalidatePath } from 'next/cache'
import { redirect } from 'next/navigation'
import { z } from 'zod'
import { getDb } from '@/db'
import { type ActionState, invalid, ok, toActionState } from '@/lib/errors'
import { requestClient, requireUser } from '@/lib/session'
import { writeSetting } from '@/lib/settings'
import {
  changeEndpoint,
  createEndpoint,
  deleteEndpoint,
  endpointChangeSchema,
  endpointFieldsSchema,
  endpointRefSchema,
  rotateSecret,
} from '@/lib/webhooks/endpoints'
import { resendDelivery } from '@/lib/webhooks/queue'

const deliveryRefSchema = z.object({ deliveryId: z.coerce.number().int().positive('There is no such delivery.') })

/** The form's fields as the schemas read them: every ticked event, and the switch as a yes or no. */
function endpointInput(form: FormData) {
  return { ...Object.fromEntries(form), events: form.getAll('events'), isActive: form.get('isActive') === 'on' }
}

export async function createEndpointAction(_: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireUser()
  const input = endpointFieldsSchema.safeParse(endpointInput(form))
  if (!input.success) return invalid(input.error)
  const result = await createEndpoint(getDb(), actor, input.data, await requestClient())
  if (!result.ok) return toActionState(result)
  revalidatePath('/desk/admin/webhooks')
  return ok(`Endpoint added. Its signing secret, shown only this once, is ${result.secret}`)
}

export async function changeEndpointAction(_: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireUser()
  const input = endpointChangeSchema.safeParse(endpointInput(form))
  if (!input.success) return invalid(input.error)
  const { endpointId, ...fields } = input.data
  const result = await changeEndpoint(getDb(), actor, endpointId, fields, await requestClient())
  if (!result.ok) return toActionState(result)
  revalidatePath('/desk/admin/webhooks', 'layout')
  return ok(fields.isActive ? 'Saved.' : 'Saved. It is switched off: no deliveries go to it until it is switched on again.')
}

export async function rotateSecretAction(_: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireUser()
  const input = endpointRefSchema.safeParse(Object.fromEntries(form))
  if (!input.success) return invalid(input.error)
  const result = await rotateSecret(getDb(), actor, input.data.endpointId, await requestClient())
  if (!result.ok) return toActionState(result)
  return ok(`New secret, shown only this once; every delivery is signed with it from now on: ${result.secret}`)
}

export async function deleteEndpointAction(_: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireUser()
  const input = endpointRefSchema.safeParse(Object.fromEntries(form))
  if (!input.success) return invalid(input.error)
  const result = await deleteEndpoint(getDb(), actor, input.data.endpointId, await requestClient())
  if (!result.ok) return toActionState(result)
  revalidatePath('/desk/admin/webhooks', 'layout')
  // The endpoint has no page any more: the desk goes back to the list.
  redirect('/desk/admin/webhooks')
}

export async function resendDeliveryAction(_: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireUser()
  const input = deliveryRefSchema.safeParse(Object.fromEntries(form))
  if (!input.success) return invalid(input.error)
  const result = await resendDelivery(getDb(), actor, input.data.deliveryId, await requestClient())
  if (!result.ok) return toActionState(result)
  revalidatePath(`/desk/admin/webhooks/${result.endpointId}`)
  return ok('Queued again: it goes out within a few seconds.')
}

export async function savePrivateAddressesAction(_: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireUser()
  const allow = form.get('allowPrivate') === 'on'
  const result = await writeSetting(getDb(), actor, 'webhookPrivateAddresses', allow ? 'allowed' : 'refused', await requestClient())
  if (!result.ok) return toActionState(result)
  revalidatePath('/desk/admin/webhooks')
  return ok(
    allow
      ? 'Webhooks may now go to private, loopback and link-local addresses. Switch this off outside local testing.'
      : 'Webhooks go only to public addresses.',
  )
}
