'use client'

import type { HocuspocusProvider } from '@hocuspocus/provider'
import { useRouter } from 'next/navigation'
import { type RefObject, useEffect, useState } from 'react'
import type * as Y from 'yjs'
import { z } from 'zod'
import { caretColourFor } from '@/lib/collab/colours'
import { type Actor, roles } from '@/lib/permissions'
import { requestJson } from './json-client'
import { loadSharingCode } from './sharing-code'

// The story's shared document on the sync server (lib/collab/, README "Writing together"): a
// ticket from the desk, then a Hocuspocus connection on the path and document the ticket names.

const ticketSchema = z.object({
  ticket: z.string().min(1),
  documentName: z.string().min(1),
  path: z.string().startsWith('/'),
  access: z.enum(['edit', 'read']),
  name: z.string(),
  actor: z.object({ id: z.number(), role: z.enum(roles), sections: z.array(z.number()).optional() }),
})
const serverMessageSchema = z.object({
  type: z.enum(['saved', 'refused', 'read-only', 'too-large', 'comments']),
  message: z.string().optional(),
  revisionNumber: z.number().int().positive().optional(),
  notTaken: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
})

/**
 * The last revision the sync server cut from the shared story while this person was in it, and
 * the fields of the shared story it kept at their last saved value, with why (a slug refused).
 */
export type SharedCut = { revisionNumber: number; at: Date; notTaken: { field: string; message: string }[] }

/** A connected story: its document, the provider (carets go through its awareness) and who this person is there. */
export type SharedStory = { provider: HocuspocusProvider; doc: Y.Doc; user: { name: string; color: string }; actor: Actor }

export type CollabState =
  | { kind: 'off' }
  | { kind: 'connecting' }
  | { kind: 'shared'; story: SharedStory; isReadOnly: boolean; isConnected: boolean; message: string | null; lastCut: SharedCut | null }
  | { kind: 'unavailable'; message: string }

/** How long the first connection may take before the form takes over on its own. */
const connectTimeoutMs = 6000
const unreachable = 'The desk’s sync server could not be reached, so your changes are saved through the form instead.'

async function fetchTicket(articleId: number) {
  return requestJson(`/desk/articles/${articleId}/collab-ticket`, { method: 'POST', schema: ticketSchema })
}

/**
 * Joins the story's shared document when `isEnabled`. Until the first sync the state is
 * `connecting`; a refusal, a failed ticket or a silent server makes it `unavailable` (the form
 * saves as before). Once shared, a dropped connection is retried by the provider with a fresh
 * ticket (at once when the browser is back online), and what is typed meanwhile is kept in the
 * browser's copy and sent on reconnect. While `waitsRef` is true (a copy of unsent typing was kept
 * on this device: components/desk/use-kept-copy.ts), a silent server is waited for, not given up on.
 */
export function useStoryCollab(articleId: number, isEnabled: boolean, waitsRef?: RefObject<boolean>): CollabState {
  const [state, setState] = useState<CollabState>(isEnabled ? { kind: 'connecting' } : { kind: 'off' })
  const router = useRouter()

  useEffect(() => {
    if (!isEnabled) return
    let isActive = true
    let provider: HocuspocusProvider | null = null
    let story: SharedStory | null = null
    let isReadOnly = false
    let message: string | null = null
    let isConnected = false
    let lastCut: SharedCut | null = null
    const giveUp = (reason: string) => {
      if (!isActive) return
      isActive = false
      clearTimeout(timer)
      provider?.destroy()
      setState({ kind: 'unavailable', message: reason })
    }
    const show = () => {
      if (isActive && story) setState({ kind: 'shared', story, isReadOnly, isConnected, message, lastCut })
    }
    // A copy of unsent typing kept on this device waits for the shared story: it goes nowhere else.
    const timer = setTimeout(() => {
      if (!waitsRef?.current) giveUp(unreachable)
    }, connectTimeoutMs)
    // Back online, try at once: after a long outage the provider's own retries are up to 30 s apart.
    const reconnect = () => {
      if (isActive) void provider?.configuration.websocketProvider.connect()
    }
    window.addEventListener('online', reconnect)

    void (async () => {
      // The code of writing together comes only to a page that writes together, while the ticket is asked for.
      const [first, code] = await Promise.all([fetchTicket(articleId), loadSharingCode().catch(() => null)])
      if (!isActive) return
      if (!first.ok) return giveUp(first.reason === 'network' ? unreachable : `Writing together is not available: ${first.message}`)
      if (!code) return giveUp(unreachable)
      const { StoryProvider } = code
      const { path, documentName, access, name, actor } = first.data
      isReadOnly = access === 'read'
      let pending: string | null = first.data.ticket
      const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws'
      provider = new StoryProvider({
        url: `${scheme}://${window.location.host}${path}`,
        name: documentName,
        // A reconnect asks for a fresh ticket: they last a minute.
        token: async () => {
          const ticket = pending ?? (await fetchTicket(articleId).then((again) => (again.ok ? again.data.ticket : '')))
          pending = null
          return ticket ?? ''
        },
        onAuthenticated: ({ scope }) => {
          isReadOnly = isReadOnly || scope === 'readonly'
          show()
        },
        onAuthenticationFailed: ({ reason }) => giveUp(`Writing together is not available: ${reason}`),
        onSynced: () => {
          if (!provider || story) return show()
          clearTimeout(timer)
          story = { provider, doc: provider.document, user: { name, color: caretColourFor(name) }, actor }
          show()
        },
        onStatus: ({ status }) => {
          isConnected = status === 'connected'
          show()
        },
        onStateless: ({ payload }) => {
          const parsed = serverMessageSchema.safeParse(safeJson(payload))
          if (!parsed.success) return
          const { type, revisionNumber, notTaken = [] } = parsed.data
          // Someone replied to a comment or resolved one: the page brings the comments again.
          if (type === 'comments') return router.refresh()
          if (type === 'saved') {
            if (revisionNumber) lastCut = { revisionNumber, at: new Date(), notTaken }
            return show()
          }
          message = parsed.data.message ?? null
          if (type === 'read-only') isReadOnly = true
          show()
        },
      })
    })()

    return () => {
      isActive = false
      clearTimeout(timer)
      window.removeEventListener('online', reconnect)
      provider?.destroy()
    }
  }, [articleId, isEnabled, waitsRef, router])

  return state
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return null
  }
}
