// Issue #14's memory per open document: the server's V8 heap after a full collection (through its
// inspector, bench/lib/server-inspector.mjs) and its resident memory, before and after sync
// clients (Hocuspocus's own provider, in this process, as test/collab-clients.ts connects them)
// open one story each, over the sync server with tickets from the app. Each story is first given a
// body of `words` words, saved as the editor saves it, so that its document is that size.
import { setTimeout as sleep } from 'node:timers/promises'
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import WebSocket from 'ws'
import { request } from './http.mjs'
import { longDraft } from './long-draft.mjs'
import { BenchError } from './processes.mjs'
import { rssBytes } from './server.mjs'

/**
 * Opens `stories` ({ id, version }; the first as a warm-up, closed again before measuring; the
 * others all kept open) as `jar`'s person, and reports the server's RSS growth per open document.
 */
export async function memoryPerDocument({ server, inspector, jar, stories, words }) {
  const { base, pid } = server
  if (stories.length < 2) throw new BenchError('No stories to open for the memory per open document.')
  for (const story of stories) await saveLongBody(base, jar, story, words)
  const [warmUp, ...measured] = stories.map((story) => story.id)
  const first = await openStory(base, jar, warmUp)
  first.close()

  const clients = []
  try {
    // Each save above opened its story's document for a moment: measured from none held.
    const deadline = Date.now() + 20_000
    while (inspector && (await inspector.openDocuments()) > 0 && Date.now() < deadline) await sleep(250)
    if (!inspector) await sleep(2000)
    const documentsBefore = await inspector?.openDocuments()
    const heapBefore = await inspector?.heapUsedAfterGc()
    const before = await settledRss(pid)
    for (const id of measured) clients.push(await openStory(base, jar, id))
    const after = await settledRss(pid)
    const heapAfter = await inspector?.heapUsedAfterGc()
    const documentsAfter = await inspector?.openDocuments()
    const chars = clients.map((client) => client.chars)
    const perDocument = (from, to) => (from === undefined ? null : Math.round((to - from) / clients.length))
    return {
      documents: clients.length,
      documentsHeld: inspector ? { before: documentsBefore, after: documentsAfter } : null,
      heapBeforeBytes: heapBefore ?? null,
      heapAfterBytes: heapAfter ?? null,
      heapPerDocumentBytes: perDocument(heapBefore, heapAfter),
      rssBeforeBytes: before,
      rssAfterBytes: after,
      rssPerDocumentBytes: perDocument(before, after),
      words,
      meanBodyChars: Math.round(chars.reduce((sum, value) => sum + value, 0) / chars.length),
    }
  } finally {
    for (const client of clients) client.close()
  }
}

async function saveLongBody(base, jar, story, words) {
  const draft = longDraft({ headline: `Memory bench story ${story.id}`, words })
  const answer = await request(`${base}/desk/articles/${story.id}/revisions`, {
    method: 'POST',
    jar,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ draft, baseVersion: story.version, kind: 'save' }),
  })
  if (answer.status >= 300)
    throw new BenchError(`Saving a long body in story ${story.id} failed: ${answer.status} ${answer.body.slice(0, 200)}`)
}

/** The median of five RSS samples 400 ms apart, after a second to settle. */
async function settledRss(pid) {
  await sleep(1000)
  const samples = []
  for (let index = 0; index < 5; index++) {
    samples.push(rssBytes(pid))
    await sleep(400)
  }
  return samples.sort((a, b) => a - b)[2]
}

/** A provider that sends the server only its own awareness changes, as the desk's (components/desk/story-provider.ts). */
class QuietProvider extends HocuspocusProvider {
  awarenessUpdateHandler(change, origin) {
    if (origin !== this) super.awarenessUpdateHandler(change, origin)
  }
}

/**
 * One sync client on one story: a ticket from the app, then the provider, until it has synced.
 * `quiet`: it does not send back the others' awareness it hears (Hocuspocus's own provider does).
 */
export async function openStory(base, jar, articleId, { quiet = false } = {}) {
  const answer = await request(`${base}/desk/articles/${articleId}/collab-ticket`, { method: 'POST', jar })
  if (answer.status !== 200) throw new BenchError(`No sync ticket for story ${articleId}: ${answer.status} ${answer.body.slice(0, 200)}`)
  const { ticket, documentName, path } = JSON.parse(answer.body)
  const socket = new HocuspocusProviderWebsocket({ url: `${base.replace(/^http/, 'ws')}${path}`, WebSocketPolyfill: WebSocket })
  const provider = new (quiet ? QuietProvider : HocuspocusProvider)({ websocketProvider: socket, name: documentName, token: ticket })
  provider.attach()
  const close = () => {
    provider.destroy()
    socket.destroy()
  }
  const deadline = Date.now() + 20_000
  while (!provider.isSynced) {
    if (Date.now() > deadline) {
      close()
      throw new BenchError(`Story ${articleId} did not sync within 20 s over the sync server.`)
    }
    await sleep(20)
  }
  return {
    doc: provider.document,
    awareness: provider.awareness,
    close,
    chars: provider.document
      .getXmlFragment('body')
      .toString()
      .replace(/<[^>]*>/g, '').length,
  }
}
