import 'server-only'
import type { Connection, Extension } from '@hocuspocus/server'
import * as Y from 'yjs'
import { z } from 'zod'
import type { Db } from '@/db'
import type { Actor } from '../permissions'
import { type AccessWatcher, type CollabAccess, collabAccess } from './access'
import { type LeaseHolder, releaseLease, servedElsewhere, takeLease } from './lease'
import { type SizeGuard, syncUpdateOf, tooLargeMessage } from './limits'
import { bodyUpdateProblem } from './body-guard'
import { fieldUpdateProblem } from './field-guard'
import { unplacedMessage, whenPlaceable } from './placement'
import type { FieldNotTaken } from './cut-fields'
import type { CutResult, RevisionCutter } from './revision-cutter'
import { articleIdOf, getStoredDocument, loadStoryDocument, storeStoryDocument } from './storage'
import { type StoredMessage, storedMessageOf, storedMessageOfState } from './stored'
import { type TicketProblem, verifyTicket } from './ticket'
import { nameWriters } from './writers'
import { sealedWriter, writersUpdateProblem } from './writers-guard'

/** What a connection knows of its person once its ticket is checked. */
export type CollabContext = { userId: number; sessionId: string; articleId: number; name: string; access: CollabAccess; actor: Actor }

/** Messages between the editor and the sync server besides the document itself (Hocuspocus's "stateless" channel), as JSON. */
export const clientMessageSchema = z.object({ type: z.enum(['save', 'ask-stored']) })
export type ServerMessage =
  | { type: 'saved'; revisionNumber: number; notTaken?: FieldNotTaken[] }
  | { type: 'refused'; message: string }
  | { type: 'read-only'; message: string }
  | { type: 'too-large'; message: string }
  | { type: 'comments' }
  | StoredMessage

const ticketMessages: Record<TicketProblem, string> = {
  malformed: 'Sign in to write together on this story.',
  forged: 'Sign in to write together on this story.',
  expired: 'Your pass to this story expired; reload the page.',
  'other-story': 'Your pass is for another story; reload the page.',
}
export const readOnlyMessage = 'You may read this story but not change it, so your change was not kept.'

/** A refusal to connect: Hocuspocus sends `reason` to the person's editor (its `authenticationFailed`). */
class ConnectionRefused extends Error {
  constructor(readonly reason: string) {
    super(reason)
  }
}

export type HookParts = {
  db: Db
  secret: string
  cutter: RevisionCutter
  watcher: AccessWatcher
  /** Without Redis: this instance in the lease table (lib/collab/lease.ts). */
  leaseHolder: LeaseHolder | null
  /** Resolves once the leases that earlier holders, no longer running, left are freed (lib/collab/lease.ts). */
  leasesReady: Promise<void>
  sizeGuard: SizeGuard
  /** How long a change that cannot be placed yet waits for the one it follows (lib/collab/placement.ts). */
  placeWaitMs: number
  /** With Redis: whether another instance has the story open now (its copy is then the one to join). */
  isOpenElsewhere: (articleId: number) => Promise<boolean>
  /**
   * With Redis: puts what was saved by other means and waits for the story into its document as
   * it loads (`builtFrom`: the revision it was just built from).
   */
  putInWaiting: (articleId: number, document: Y.Doc, builtFrom: number | null) => Promise<void>
  log: Pick<Console, 'error'>
}

function contextOf(value: unknown): CollabContext | null {
  const context = value as Partial<CollabContext> | undefined
  return typeof context?.userId === 'number' && typeof context.articleId === 'number' ? (context as CollabContext) : null
}

function send(connection: Connection, message: ServerMessage): void {
  connection.sendStateless(JSON.stringify(message))
}

/** Copydesk's rules for the sync server: who connects and how, where documents live, when revisions are cut. */
export function copydeskHooks(parts: HookParts): Extension {
  const { db, secret, cutter, watcher, leaseHolder, leasesReady, sizeGuard, placeWaitMs, log } = parts
  const articleOf = (documentName: string): number => {
    const articleId = articleIdOf(documentName)
    if (articleId === null) throw new ConnectionRefused('There is no such story.')
    return articleId
  }
  return {
    extensionName: 'copydesk',

    async onAuthenticate({ token, documentName, connectionConfig }): Promise<CollabContext> {
      const articleId = articleOf(documentName)
      const verified = verifyTicket(secret, token ?? '', articleId)
      if (!verified.ok) throw new ConnectionRefused(ticketMessages[verified.problem])
      const { userId, sessionId } = verified.ticket
      const allowed = await collabAccess(db, { userId, sessionId }, articleId)
      if (!allowed.ok) throw new ConnectionRefused(allowed.message)
      await leasesReady
      if (leaseHolder && !(await takeLease(db, articleId, leaseHolder))) throw new ConnectionRefused(servedElsewhere)
      connectionConfig.readOnly = allowed.access === 'read'
      return { userId, sessionId, articleId, name: allowed.name, access: allowed.access, actor: allowed.actor }
    },

    async onLoadDocument({ document, documentName }): Promise<void> {
      const articleId = articleOf(documentName)
      const loaded = await loadStoryDocument(db, articleId, document, {
        isOpenElsewhere: await parts.isOpenElsewhere(articleId),
        heldBy: leaseHolder?.name,
      })
      if (!loaded.found) throw new ConnectionRefused('This story no longer exists.')
      cutter.open(articleId, document, loaded.contributors)
      // A failure leaves what waits to the instances' next look (lib/collab/across-instances.ts).
      await parts
        .putInWaiting(articleId, document, loaded.builtFrom)
        .catch((error: unknown) => log.error(`Copydesk: story ${articleId} could not take the saves waiting for it: ${String(error)}`))
    },

    async connected({ connection, context }): Promise<void> {
      const visitor = contextOf(context)
      if (!visitor) return connection.close({ code: 4401, reason: 'unauthenticated' })
      // Its lock lost while the story loaded, this instance let go of its stories: this connection,
      // not yet counted then, goes too (as Hocuspocus's closeConnections does it).
      if (leaseHolder?.lock && !leaseHolder.lock.isHeld) return connection.close({ code: 4205, reason: 'Reset Connection' })
      watcher.watch(connection, visitor)
      connection.onClose(() => watcher.forget(connection))
    },

    async onChange({ documentName, context, document, update }): Promise<void> {
      // A change from another instance (through Redis) puts off the cut here too; who typed it is
      // written to the database, and named in the document, by the instance it was typed on.
      const visitor = contextOf(context)
      cutter.noteChange(articleOf(documentName), visitor?.userId ?? null)
      if (visitor) nameWriters(document, update, (client) => sealedWriter({ secret, articleId: visitor.articleId }, client, visitor.name))
    },

    // Everyone on the story is told what is stored, read in the same moment as the state stored:
    // their browsers keep what they typed on the device until a store holds it (lib/collab/stored.ts).
    // Without Redis, a story whose lease another instance took is stored no more: its people are
    // let go at once (as when the lease is found lost, lib/collab/server.ts), and told nothing stored.
    async onStoreDocument({ documentName, document, instance }): Promise<void> {
      const articleId = articleOf(documentName)
      const stored = storedMessageOf(document)
      if (await storeStoryDocument(db, articleId, document, { heldBy: leaseHolder?.name })) {
        return document.broadcastStateless(JSON.stringify(stored))
      }
      log.error(`Copydesk: story ${articleId} is served by another instance now; its people here are let go.`)
      instance.closeConnections(documentName)
    },

    // A change that would take the story past its size is not applied: the connection is closed
    // (Hocuspocus closes it with the thrown code and reason) and the person told why.
    async beforeHandleMessage({ update, document, connection }): Promise<void> {
      const change = syncUpdateOf(update)
      if (!change) return
      if (!sizeGuard.allows(document, change.length)) {
        send(connection, { type: 'too-large', message: tooLargeMessage })
        throw Object.assign(new Error(tooLargeMessage), { code: 4413, reason: 'too-large' })
      }
      // A field this person may not give that value, a name in the writers map, or someone else's
      // suggestion they may not settle, is refused in the same way (a read-only connection's
      // changes are dropped by Hocuspocus itself). The desk's editor never sends one of these.
      const visitor = contextOf(connection.context)
      if (!visitor || connection.readOnly) return
      // A change that follows one not received yet waits for it, so that the guards see it whole.
      if (!(await whenPlaceable(document, change, connection, placeWaitMs))) {
        send(connection, { type: 'refused', message: unplacedMessage })
        throw Object.assign(new Error(unplacedMessage), { code: 4422, reason: 'out-of-order' })
      }
      const refusal =
        refusalOf('field-refused', fieldUpdateProblem(document, change, visitor.actor)) ??
        refusalOf('writers-refused', writersUpdateProblem(document, change, { secret, articleId: visitor.articleId })) ??
        refusalOf('settling-refused', bodyUpdateProblem(document, change, visitor.actor))
      if (refusal) {
        send(connection, { type: 'refused', message: refusal.message })
        throw Object.assign(new Error(refusal.message), { code: 4422, reason: refusal.reason })
      }
    },

    // Hocuspocus itself refuses a read-only connection's changes; this tells the person why.
    async beforeSync({ connection, type, payload, document }): Promise<void> {
      if (!connection.readOnly) return
      const isChange = type === 2 || (type === 1 && !Y.snapshotContainsUpdate(Y.snapshot(document), payload))
      if (isChange) send(connection, { type: 'read-only', message: readOnlyMessage })
    },

    async onStateless({ connection, documentName, payload }): Promise<void> {
      const visitor = contextOf(connection.context)
      const message = clientMessageSchema.safeParse(safeJson(payload))
      if (!visitor || !message.success) return
      if (message.data.type === 'ask-stored') {
        const stored = await getStoredDocument(db, articleOf(documentName))
        return send(connection, storedMessageOfState(stored?.state ?? null))
      }
      if (connection.readOnly) return send(connection, { type: 'read-only', message: readOnlyMessage })
      send(connection, toMessage(await cutter.cutNow(articleOf(documentName), 'save', visitor.userId)))
    },

    async beforeUnloadDocument({ documentName }): Promise<void> {
      const articleId = articleIdOf(documentName)
      if (articleId !== null) await cutter.flush(articleId)
    },

    async afterUnloadDocument({ documentName }): Promise<void> {
      const articleId = articleIdOf(documentName)
      if (articleId === null) return
      cutter.forget(articleId)
      // Hocuspocus does not wait for an unload: a failure here would be an unhandled rejection,
      // which ends a Node process. The lease then lapses by itself (lib/collab/lease.ts).
      if (leaseHolder)
        await releaseLease(db, articleId, leaseHolder.name).catch((error: unknown) =>
          log.error(`Copydesk: could not release the lease of story ${articleId}: ${String(error)}`),
        )
    },
  }
}

export function toMessage(result: CutResult): ServerMessage {
  if (!result.ok) return { type: 'refused', message: result.message }
  // A field the revision could not take is told with it (lib/collab/cut-fields.ts).
  return result.notTaken.length > 0
    ? { type: 'saved', revisionNumber: result.revisionNumber, notTaken: result.notTaken }
    : { type: 'saved', revisionNumber: result.revisionNumber }
}

/** A guard's refusal, with the reason the connection is closed with; null when there is none. */
function refusalOf(reason: string, message: string | null): { reason: string; message: string } | null {
  return message === null ? null : { reason, message }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return null
  }
}
