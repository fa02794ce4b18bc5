import { describe, expect, it } from 'vitest'
import { shows } from '../page-keys'
import { dropPagesShowing } from '../reader-cache'
import { apiErrorResponse } from './errors'
import { apiBody, keptApiAnswer } from './respond'

// The Content API's answers in the reader cache: kept per address and format, refreshed by page key.

/** An endpoint that counts how often it is made, showing `story-1`. */
function endpoint(answer: () => Response = () => apiBody({ data: [] })) {
  const made = { times: 0 }
  const make = async () => {
    made.times++
    shows('story-1')
    return answer()
  }
  return {
    made,
    ask: (address: string, headers: Record<string, string> = {}) =>
      keptApiAnswer(new Request(`http://copydesk.test${address}`, { headers }), make),
  }
}

describe('kept Content API answers', () => {
  it('are made once per address and format, carry their keys, and answer their ETag with 304', async () => {
    const { made, ask } = endpoint()
    const first = await ask('/api/v1/stories?limit=3')
    expect(first.headers.get('surrogate-key')).toBe('story-1')
    const etag = first.headers.get('etag') ?? ''
    expect(etag).toMatch(/^".+"$/)
    expect((await ask('/api/v1/stories?limit=3&format=json')).status).toBe(200)
    expect((await ask('/api/v1/stories?limit=3', { 'if-none-match': etag })).status).toBe(304)
    expect(made.times).toBe(1)
    await ask('/api/v1/stories?limit=3', { accept: 'application/ninjs+json' })
    expect(made.times).toBe(2)
  })

  it('are made again once a key they show is announced', async () => {
    const { made, ask } = endpoint()
    await ask('/api/v1/sections')
    await ask('/api/v1/sections')
    dropPagesShowing(['story-1'])
    await ask('/api/v1/sections')
    expect(made.times).toBe(2)
  })

  it('are made every time for a later page, an updated_since list or a refusal', async () => {
    const { made, ask } = endpoint()
    for (const address of ['/api/v1/tags?cursor=abc', '/api/v1/stories?updated_since=2026-01-01T00:00:00Z']) {
      await ask(address)
      await ask(address)
    }
    expect(made.times).toBe(4)
    const refused = endpoint(() => apiErrorResponse({ code: 'not_found', message: 'No.' }))
    await refused.ask('/api/v1/stories/9')
    await refused.ask('/api/v1/stories/9')
    expect(refused.made.times).toBe(2)
  })
})
