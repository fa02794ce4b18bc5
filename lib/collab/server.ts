import 'server-only'
import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import { type Extension, Hocuspocus } from '@hocuspocus/server'
import { WebSocketServer } from 'ws'
import { type Db, isOnServer, serverUrlOf } from '@/db'
import type { RichTextDoc } from '@/db/schema'
import { type RedisSettings, authSecret, redisSettings } from '../env'
import { type OriginSettings, foreignOriginProblem, originSettings, ownOrigins } from '../same-origin'
import { AccessWatcher } from './access'
import { SavesAcrossInstances, queueClaimMs, queueSweepMs } from './across-instances'
import { sendChangesToOthersOnly } from './no-echo'
import { collabPath } from './paths'
import { type ServerMessage, copydeskHooks, toMessage } from './hooks'
import { HolderLock } from './holder-lock'
import { type LeaseHolder, instanceName, leaseRenewMs, releaseDeadLeases, releaseLease, releaseOthersLeases, renewLeases } from './lease'
import { SizeGuard, SocketsPerAddress, maxMessageBytes, tooManySocketsMessage, upgradeAddress } from './limits'
import { type CutKind, type CutResult, RevisionCutter } from './revision-cutter'
import { placeWaitMs } from './placement'
import { type PublishedCollab, publishCollab } from './running'
import { savesIntoShared } from './saves-in'
import { storyChannels } from './story-channels'
import type { SharedParts } from './shared-parts'
import { type SharedDraft, articleIdOf, documentNameOf, readStoryDocument, storeStoryDocument } from './storage'
import type { FieldValues } from './story-fields'

export type CollabOptions = {
  db: Db
  /** AUTH_SECRET: tickets are signed with a key derived from it (lib/collab/ticket.ts). */
  secret: string
  /** With Redis every instance serves every story; without it, one instance per story (lib/collab/lease.ts). */
  redis: RedisSettings | null
  /** The origins a browser may open a connection from (the same as lib/same-origin.ts's). */
  origins: OriginSettings
  /** This instance's name, in Redis and the lease table. */
  instance?: string
  /** Where in Redis the instances meet: the start of their keys and channels (tests use their own). */
  redisPrefix?: string
  /**
   * No other instance can share the database (it is embedded): leases left by another holder (this
   * process's predecessor, killed) are freed at start, rather than refusing their stories for 30 s.
   */
  isOnlyInstance?: boolean
  /** Timings, for tests: the typing pause that cuts a revision, the access re-check, the store debounce, the wait for a change's predecessor. */
  pauseMs?: number
  accessCheckMs?: number
  storeDebounceMs?: number
  placeWaitMs?: number
  /** How long after losing its lock on PostgreSQL it tries again (lib/collab/holder-lock.ts). */
  lockRetryMs?: number
  /** With Redis, for tests: how long a claim on a story's saves made elsewhere holds, and how often lapsed ones are looked for (lib/collab/across-instances.ts). */
  claimMs?: number
  sweepMs?: number
  /** Limits, for tests (lib/collab/limits.ts has the real ones). */
  maxDocumentChars?: number
  maxSocketsPerAddress?: number
  log?: Pick<Console, 'error'>
}

export type CollabServer = {
  hocuspocus: Hocuspocus
  /** Without Redis, on PostgreSQL: the lock that says this instance runs (lib/collab/holder-lock.ts). */
  lock: HolderLock | null
  /** Takes over an HTTP upgrade request on `collabPath`. */
  handleUpgrade: (request: IncomingMessage, socket: Duplex, head: Buffer) => void
  /** Cuts a revision of an open story now (an explicit save from elsewhere than the editor's connection). */
  cutNow: (articleId: number, kind: CutKind, requestedBy?: number) => Promise<CutResult>
  /**
   * Puts a draft saved by other means (a revision restored, a write through the API) into the
   * story's shared document, `revisionId` being the revision it was saved as.
   */
  replaceDraft: (articleId: number, draft: SharedDraft, revisionId: number) => Promise<void>
  /**
   * Merges a draft saved from `base` by a browser that could not reach the sync server into the
   * story's shared document, where it is open, keeping what others typed there meanwhile (a field
   * typed there that the save did not change included).
   */
  mergeSaved: (
    articleId: number,
    base: SharedParts & { fields: FieldValues },
    saved: SharedParts & { fields: FieldValues; revisionId: number },
  ) => Promise<void>
  /** Tells everyone on the story, here and (with Redis) on every instance, that its comments changed (a reply, a thread resolved): their pages fetch them. */
  announceComments: (articleId: number) => Promise<void>
  /** Whether the story's shared document is open on this instance, or with Redis on any. */
  isOpenAnywhere: (articleId: number) => Promise<boolean>
  /** Who typed into an open story since its last revision cut, through any instance; nobody when it is not open. */
  contributorsOf: (articleId: number) => Promise<number[]>
  /** The body of a story open here, as its shared document holds it now; null when it is not open here. */
  sharedBodyOf: (articleId: number) => RichTextDoc | null
  /** Stores every open document and cuts what is pending, then closes every connection. */
  close: () => Promise<void>
}

/** A sync server for the app's stories, not listening anywhere: hand it upgrades (`handleUpgrade`). */
export function createCollabServer(options: CollabOptions): CollabServer {
  const { db } = options
  const log = options.log ?? console
  const instance = options.instance ?? instanceName()
  // On PostgreSQL, the lock that tells other instances this one still runs (lib/collab/holder-lock.ts).
  // Lost while the process lives, every story served here is let go at once: others may take them.
  const serverUrl = serverUrlOf(db)
  const lock =
    options.redis || !serverUrl
      ? null
      : new HolderLock(
          serverUrl,
          () => {
            log.error('Copydesk: every shared story served here is closed until the lock is taken again.')
            hocuspocus.closeConnections()
          },
          log,
          options.lockRetryMs,
        )
  const leaseHolder: LeaseHolder | null = options.redis ? null : { name: instance, lock }
  const watcher = new AccessWatcher(db, options.accessCheckMs ?? 3000, log)
  const cutter = new RevisionCutter(db, {
    pauseMs: options.pauseMs,
    heldBy: leaseHolder?.name,
    log,
    // Everyone writing sees which revision holds the shared story after each pause (an explicit
    // save is answered to its asker, too), and any field of it that revision could not take.
    onCut: (articleId, result) => {
      if (result.ok) hocuspocus.documents.get(documentNameOf(articleId))?.broadcastStateless(JSON.stringify(toMessage(result)))
    },
  })
  const sizeGuard = new SizeGuard(options.maxDocumentChars)
  // The only instance frees every other holder's leases; one of several, those of holders no longer
  // running. A failure leaves the leases to lapse by themselves; unheard, it would end the process.
  const leasesReady = leaseHolder
    ? Promise.all([
        lock?.ready,
        (options.isOnlyInstance ? releaseOthersLeases(db, instance) : releaseDeadLeases(db)).catch((error: unknown) =>
          log.error(`Copydesk: could not free the leases of an earlier sync server: ${String(error)}`),
        ),
      ]).then(() => undefined)
    : Promise.resolve()
  const prefix = options.redisPrefix ?? 'copydesk'
  const redis = options.redis ? storyChannels(options.redis, instance, prefix, log) : null
  const across = redis
    ? new SavesAcrossInstances(redis.pub, {
        prefix,
        instance,
        openHere: () => [...hocuspocus.documents.keys()].flatMap((name) => articleIdOf(name) ?? []),
        putInOpen: (id, requests, fix) => saves.putInOpen(id, requests, fix),
        announceHere: (id) => announceHere(id),
        claimMs: options.claimMs ?? queueClaimMs,
        sweepMs: options.sweepMs ?? queueSweepMs,
        log,
      })
    : null
  const saves = savesIntoShared({ db, hocuspocus: () => hocuspocus, across, leaseHolder, leasesReady, log })
  const isOpenAnywhere = async (articleId: number) => isOpenHere(articleId) || ((await across?.isOpenAnywhere(articleId)) ?? false)
  const hooks = copydeskHooks({
    db,
    secret: options.secret,
    cutter,
    watcher,
    leaseHolder,
    leasesReady,
    sizeGuard,
    placeWaitMs: options.placeWaitMs ?? placeWaitMs,
    isOpenElsewhere: async (articleId) => (await across?.isOpenAnywhere(articleId)) ?? false,
    putInWaiting: saves.putInLoading,
    log,
  })
  const extensions: Extension[] = redis && across ? [hooks, redis, across] : [hooks]
  sendChangesToOthersOnly()
  const hocuspocus = new Hocuspocus({
    name: instance,
    quiet: true,
    // Stored two seconds after the last change, and at least every ten while people type.
    debounce: options.storeDebounceMs ?? 2000,
    maxDebounce: 10_000,
    extensions,
  })
  const sockets = new WebSocketServer({ noServer: true, maxPayload: maxMessageBytes })
  const perAddress = new SocketsPerAddress(options.maxSocketsPerAddress)
  sockets.on('connection', (socket, request: IncomingMessage) => {
    // A message past maxPayload, or bytes that are not WebSocket frames, end that connection
    // (ws closes it); unheard, the error would end the process.
    socket.on('error', (error) => log.error(`Copydesk: a sync connection was closed: ${error.message}`))
    hocuspocus.handleConnection(socket, request)
  })

  // Without Redis: keep the leases of the stories served here, and let go of any taken away.
  const renewing = leaseHolder
    ? setInterval(async () => {
        const open = [...hocuspocus.documents.keys()].flatMap((name) => articleIdOf(name) ?? [])
        try {
          for (const lost of await renewLeases(db, open, leaseHolder.name)) hocuspocus.closeConnections(documentNameOf(lost))
        } catch (error) {
          log.error(`Copydesk: could not renew the shared stories' leases: ${String(error)}`)
        }
      }, leaseRenewMs)
    : undefined
  renewing?.unref()

  const isOpenHere = (articleId: number) => hocuspocus.documents.has(documentNameOf(articleId))

  /** Tells the people on the story here that its comments changed. */
  function announceHere(articleId: number): void {
    const message = JSON.stringify({ type: 'comments' } satisfies ServerMessage)
    for (const connection of hocuspocus.documents.get(documentNameOf(articleId))?.getConnections() ?? []) connection.sendStateless(message)
  }

  return {
    hocuspocus,
    lock,
    handleUpgrade(request, socket, head) {
      const problem = foreignOriginProblem(headersOf(request), ownOrigins(headersOf(request), options.origins))
      if (problem) {
        return refuseUpgrade(socket, '403 Forbidden', problem)
      }
      const release = perAddress.take(upgradeAddress(request, options.origins.proxyHops))
      if (!release) return refuseUpgrade(socket, '429 Too Many Requests', tooManySocketsMessage)
      socket.once('close', release)
      sockets.handleUpgrade(request, socket, head, (client) => sockets.emit('connection', client, request))
    },
    mergeSaved: (articleId, base, saved) => saves.share(articleId, { kind: 'merge', base, saved }),
    announceComments: async (articleId) => (across ? across.announceComments(articleId) : announceHere(articleId)),
    isOpenAnywhere,
    cutNow: (articleId, kind, requestedBy) => cutter.cutNow(articleId, kind, requestedBy),
    contributorsOf: async (articleId) => ((await isOpenAnywhere(articleId)) ? cutter.contributorsOf(articleId) : []),
    sharedBodyOf(articleId) {
      const document = hocuspocus.documents.get(documentNameOf(articleId))
      return document ? readStoryDocument(document).body : null
    },
    replaceDraft: (articleId, draft, revisionId) => saves.share(articleId, { kind: 'replace', draft, revisionId }),
    async close() {
      clearInterval(renewing)
      watcher.stop()
      across?.stop()
      for (const [name, document] of hocuspocus.documents) {
        const articleId = articleIdOf(name)
        if (articleId === null) continue
        await storeStoryDocument(db, articleId, document, { heldBy: leaseHolder?.name })
        await cutter.flush(articleId)
        if (leaseHolder) await releaseLease(db, articleId, leaseHolder.name)
      }
      cutter.stop()
      hocuspocus.closeConnections()
      for (const client of sockets.clients) client.terminate()
      await new Promise<void>((resolve) => sockets.close(() => resolve()))
      // Documents left without connections unload now, while the database is still there.
      await Promise.all([...hocuspocus.documents.values()].map((document) => hocuspocus.unloadDocument(document)))
      await hocuspocus.hooks('onDestroy', { instance: hocuspocus })
      await lock?.close()
    },
  }
}

function refuseUpgrade(socket: Duplex, status: string, message: string): void {
  socket.end(`HTTP/1.1 ${status}\r\nconnection: close\r\ncontent-type: text/plain; charset=utf-8\r\n\r\n${message}`)
}

function headersOf(request: IncomingMessage): Headers {
  const headers = new Headers()
  for (const [name, value] of Object.entries(request.headers)) {
    if (typeof value === 'string') headers.set(name, value)
    else if (Array.isArray(value)) for (const each of value) headers.append(name, each)
  }
  return headers
}

/**
 * Starts the app's sync server once per process and publishes it (lib/collab/running.ts), where
 * server.mjs finds it to hand it upgrades on its `path`.
 */
export function startCollab(db: Db): PublishedCollab {
  return publishCollab(() => ({
    ...createCollabServer({
      db,
      secret: authSecret(),
      redis: redisSettings(),
      origins: originSettings(),
      isOnlyInstance: !isOnServer(db),
    }),
    path: collabPath,
  }))
}
