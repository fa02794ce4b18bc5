import { type APIRequestContext, request as playwrightRequest } from '@playwright/test'
import { expect, test } from './test'
import WebSocket from 'ws'
import { connectClient } from '../test/collab-clients'
import { storyDraft } from '../test/story-docs'
import { fromSite, signedInClient } from './fixtures'

// The sync server for writing together, reached as the desk's editor will reach it: on
// /desk/collab of the same `npm start` server, with a ticket the signed-in person asks for.

type Ticket = { ticket: string; documentName: string; path: string; access: string }

const socketAddress = (baseURL: string | undefined, path = '/desk/collab') => `${(baseURL ?? '').replace(/^http/, 'ws')}${path}`

async function ticketFor(client: APIRequestContext, articleId: number): Promise<Ticket> {
  const answer = await client.post(`/desk/articles/${articleId}/collab-ticket`)
  expect(answer.status(), await answer.text()).toBe(200)
  return (await answer.json()) as Ticket
}

test('refuses an anonymous connection and a ticket request without a session', async ({ baseURL }) => {
  const anonymous = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: fromSite(baseURL) })
  // Nobody signed in is sent to sign in (the desk's proxy); a dead session's cookie gets 401 (e2e/authorization.spec.ts).
  const asked = await anonymous.post('/desk/articles/1/collab-ticket', { maxRedirects: 0 })
  expect(asked.status()).toBe(307)
  expect(asked.headers().location).toContain('/login')
  await anonymous.dispose()

  const stranger = connectClient(socketAddress(baseURL), 'article:1', '')
  await expect.poll(() => stranger.refusal(), { timeout: 15_000 }).toBe('Sign in to write together on this story.')
  expect(stranger.scope()).toBeUndefined()
  stranger.destroy()

  // A page on another site may not even open the socket.
  const foreign = new WebSocket(socketAddress(baseURL), { origin: 'https://elsewhere.example' })
  const status = await new Promise<number>((resolve) => {
    foreign.on('unexpected-response', (_, response) => resolve(response.statusCode ?? 0))
    foreign.on('open', () => resolve(101))
    foreign.on('error', () => resolve(0))
  })
  foreign.terminate()
  expect(status).toBe(403)
})

test('a signed-in editor’s ticket connects to the story and syncs with another editor', async ({ baseURL }) => {
  const editor = await signedInClient(baseURL ?? '', 'editor@copydesk.test')
  const admin = await signedInClient(baseURL ?? '', 'admin@copydesk.test')
  const created = await editor.post('/desk/articles/new/from-draft', {
    data: { draft: storyDraft({ headline: 'Shared from the start', bylines: [{ name: 'A Contributor', outlet: 'Wire' }] }) },
  })
  expect(created.status(), await created.text()).toBe(200)
  const { articleId } = (await created.json()) as { articleId: number }

  const editorTicket = await ticketFor(editor, articleId)
  expect(editorTicket).toMatchObject({ documentName: `article:${articleId}`, path: '/desk/collab', access: 'edit' })
  const adminTicket = await ticketFor(admin, articleId)
  const one = connectClient(socketAddress(baseURL, editorTicket.path), editorTicket.documentName, editorTicket.ticket)
  const two = connectClient(socketAddress(baseURL, adminTicket.path), adminTicket.documentName, adminTicket.ticket)
  try {
    const headline = (client: typeof one) => client.doc.getText('headline').toString()
    await expect
      .poll(() => [one.scope(), two.scope(), headline(one), headline(two)], { timeout: 15_000 })
      .toEqual(['read-write', 'read-write', 'Shared from the start', 'Shared from the start'])
    one.doc.getText('headline').insert(headline(one).length, ', typed together')
    await expect.poll(() => headline(two), { timeout: 15_000 }).toBe('Shared from the start, typed together')

    two.provider.sendStateless(JSON.stringify({ type: 'save' }))
    await expect.poll(() => two.messages, { timeout: 15_000 }).toContainEqual(expect.objectContaining({ type: 'saved' }))
    const story = await editor.get(`/desk/articles/${articleId}`)
    expect(await story.text()).toContain('Shared from the start, typed together')
  } finally {
    one.destroy()
    two.destroy()
    await editor.dispose()
    await admin.dispose()
  }
})
