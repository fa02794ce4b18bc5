import { afterAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { maxDocumentChars, tooLargeMessage, tooManySocketsMessage } from '@/lib/collab/limits'
import { readStoryDocument } from '@/lib/collab/storage'
import { type TestClient, headlineOf, typeHeadline } from './collab-clients'
import { collabTestKit } from './collab-server'
import { makeStory, openTestNewsroom } from './newsroom'

// What one client may not do to the sync server: grow a story past 2 MB of text, send a message
// that is too big or not a message at all, or open connection after connection. Each is refused
// for that client alone; other stories, and the people on them, go on.

const { db, newsroom } = await openTestNewsroom()
const { startServer, join, closeAll } = collabTestKit(db)
const sockets: WebSocket[] = []
afterAll(async () => {
  for (const socket of sockets) socket.terminate()
  await closeAll()
})

/** A plain WebSocket to the sync server: how it ended (close code, or the HTTP status it was refused with). */
function rawSocket(url: string): { socket: WebSocket; opened: Promise<boolean>; ended: Promise<{ code: number; body: string }> } {
  const socket = new WebSocket(url, { headers: { origin: 'http://localhost:3000' } })
  sockets.push(socket)
  const opened = new Promise<boolean>((resolve) => {
    socket.once('open', () => resolve(true))
    socket.once('unexpected-response', () => resolve(false))
  })
  const ended = new Promise<{ code: number; body: string }>((resolve) => {
    socket.once('close', (code) => resolve({ code, body: '' }))
    socket.once('unexpected-response', (_, response) => {
      let body = ''
      response.on('data', (chunk: Buffer) => (body += chunk.toString()))
      response.on('end', () => resolve({ code: response.statusCode ?? 0, body }))
    })
  })
  socket.on('error', () => {})
  return { socket, opened, ended }
}

/** Two people on a story of their own, both connected and in step. */
async function pairOn(url: string, headline: string): Promise<{ story: number; editor: TestClient; admin: TestClient }> {
  const story = await makeStory(db, newsroom, { headline })
  const editor = await join(url, newsroom.editor, story)
  const admin = await join(url, newsroom.admin, story)
  await expect.poll(() => [headlineOf(editor), headlineOf(admin)], { timeout: 15_000 }).toEqual([headline, headline])
  return { story, editor, admin }
}

describe('the sync server’s limits', () => {
  it('refuses a change that would take a story past 2 MB of text, tells its writer, and keeps the story as it was', async () => {
    const { url, collab } = await startServer()
    const { story, editor, admin } = await pairOn(url, 'Short')
    typeHeadline(editor, 'x'.repeat(maxDocumentChars))
    await expect.poll(() => editor.messages, { timeout: 15_000 }).toContainEqual({ type: 'too-large', message: tooLargeMessage })
    // The writer's own copy keeps the text; nobody else's does, nor the server's.
    expect(headlineOf(editor).length).toBeGreaterThan(maxDocumentChars)
    typeHeadline(admin, '!')
    const sharedHeadline = () => {
      const shared = collab.hocuspocus.documents.get(`article:${story}`)
      return shared ? readStoryDocument(shared).headline : null
    }
    await expect.poll(sharedHeadline, { timeout: 15_000 }).toBe('Short!')
    expect(headlineOf(admin)).toBe('Short!')
  })

  it('closes a connection that sends a message too big or not a message at all, and other stories go on', async () => {
    const { url } = await startServer()
    const { editor, admin } = await pairOn(url, 'Calm')

    const garbage = rawSocket(url)
    expect(await garbage.opened).toBe(true)
    garbage.socket.send(Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]))
    expect((await garbage.ended).code).toBeGreaterThan(1000)
    const oversized = rawSocket(url)
    expect(await oversized.opened).toBe(true)
    oversized.socket.send(Buffer.alloc(9 * 1024 * 1024))
    expect((await oversized.ended).code).toBe(1009)

    typeHeadline(editor, ' waters')
    await expect.poll(() => headlineOf(admin), { timeout: 15_000 }).toBe('Calm waters')
  })

  it('refuses more connections from one address than it may keep open, and takes one again once one closes', async () => {
    const { url } = await startServer({ maxSocketsPerAddress: 3 })
    const first = rawSocket(url)
    const kept = [first, rawSocket(url), rawSocket(url)]
    expect(await Promise.all(kept.map((each) => each.opened))).toEqual([true, true, true])

    const fourth = rawSocket(url)
    expect(await fourth.opened).toBe(false)
    expect(await fourth.ended).toEqual({ code: 429, body: tooManySocketsMessage })

    first.socket.close()
    await first.ended
    await expect.poll(() => rawSocket(url).opened, { timeout: 15_000 }).toBe(true)
  })
})
