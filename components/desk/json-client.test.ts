import { afterEach, describe, expect, it, vi } from 'vitest'
import { z } from 'zod'
import { maxKeepaliveBytes, notify, requestJson } from './json-client'

function answering(response: Response | (() => Promise<Response>)) {
  const fetch = vi.fn<typeof globalThis.fetch>(typeof response === 'function' ? response : async () => response)
  vi.stubGlobal('fetch', fetch)
  return fetch
}

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('requestJson', () => {
  it('sends the body as JSON and gives back the answer with its status, refusals included', async () => {
    const fetch = answering(Response.json({ ok: false, message: 'Not yours.' }, { status: 403 }))
    const answer = await requestJson<{ ok: boolean; message: string }>('/desk/x', { method: 'POST', body: { a: 1 } })
    expect(answer).toEqual({ ok: true, status: 403, data: { ok: false, message: 'Not yours.' } })
    const [url, init] = fetch.mock.calls[0] ?? []
    expect(url).toBe('/desk/x')
    expect(init).toMatchObject({ method: 'POST', body: '{"a":1}', redirect: 'manual', keepalive: false })
    expect(init?.headers).toMatchObject({ 'content-type': 'application/json' })
  })

  it('says the server could not be reached when the request fails, in the words given', async () => {
    answering(async () => Promise.reject(new TypeError('Failed to fetch')))
    const answer = await requestJson('/desk/x', { messages: { network: 'Offline.' } })
    expect(answer).toEqual({ ok: false, reason: 'network', status: 0, message: 'Offline.' })
  })

  it('takes a 401 or a redirect to the sign-in page as a sign-out', async () => {
    answering(Response.json({ ok: false, message: 'x' }, { status: 401 }))
    expect(await requestJson('/desk/x', { messages: { signedOut: 'Signed out.' } })).toMatchObject({
      ok: false,
      reason: 'signed-out',
      message: 'Signed out.',
    })
    answering({ type: 'opaqueredirect', status: 0 } as Response)
    expect(await requestJson('/desk/x')).toMatchObject({ ok: false, reason: 'signed-out' })
  })

  it('names the status when the answer is not JSON, or not what the schema expects', async () => {
    answering(new Response('<html>Bad gateway</html>', { status: 502 }))
    expect(await requestJson('/desk/x', { messages: { unreadable: (status) => `Got ${status}.` } })).toEqual({
      ok: false,
      reason: 'unreadable',
      status: 502,
      message: 'Got 502.',
    })
    answering(Response.json({ others: 'nobody' }))
    expect(await requestJson('/desk/x', { schema: z.object({ others: z.array(z.string()) }) })).toMatchObject({
      ok: false,
      reason: 'unreadable',
      status: 200,
    })
  })

  it('rejects when its signal aborts it, so that a superseded request is simply dropped', async () => {
    const controller = new AbortController()
    answering(async () => {
      controller.abort()
      throw new DOMException('Aborted', 'AbortError')
    })
    await expect(requestJson('/desk/x', { signal: controller.signal })).rejects.toThrow('Aborted')
  })

  it('asks for keepalive only for a body small enough for the browser to take', async () => {
    const fetch = answering(Response.json({ ok: true }))
    await requestJson('/desk/x', { method: 'POST', body: { text: 'short' }, keepalive: true })
    const large = answering(Response.json({ ok: true }))
    await requestJson('/desk/x', { method: 'POST', body: { text: 'x'.repeat(maxKeepaliveBytes) }, keepalive: true })
    expect(fetch.mock.calls[0]?.[1]).toMatchObject({ keepalive: true })
    expect(large.mock.calls[0]?.[1]).toMatchObject({ keepalive: false })
  })
})

describe('notify', () => {
  it('sends without waiting and swallows a failure', async () => {
    const fetch = answering(async () => Promise.reject(new TypeError('Failed to fetch')))
    notify('/desk/x', { method: 'DELETE', keepalive: true })
    expect(fetch).toHaveBeenCalledWith('/desk/x', { method: 'DELETE', keepalive: true, redirect: 'manual' })
    await Promise.resolve()
  })
})
