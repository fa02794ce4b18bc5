import { describe, expect, it } from 'vitest'
import { readTextWithin } from './request-body'

const post = (body: BodyInit, headers: Record<string, string> = {}) =>
  new Request('http://localhost/save', { method: 'POST', body, headers, duplex: 'half' } as RequestInit)

function streamOf(parts: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder()
  return new ReadableStream({
    start(controller) {
      for (const part of parts) controller.enqueue(encoder.encode(part))
      controller.close()
    },
  })
}

describe('reading a save request within its size limit', () => {
  it('returns the text of a body within the limit', async () => {
    expect(await readTextWithin(post('{"headline":"Ferry resumes"}'), 100)).toBe('{"headline":"Ferry resumes"}')
  })

  it('counts bytes, not characters, so accented text over the limit is refused', async () => {
    const text = 'é'.repeat(60)
    expect(text.length).toBe(60)
    expect(await readTextWithin(post(text), 100)).toBeNull()
  })

  it('refuses a body whose declared length is over the limit without reading it', async () => {
    const request = post(streamOf(['small']), { 'content-length': '5000' })
    expect(await readTextWithin(request, 100)).toBeNull()
    expect(request.bodyUsed).toBe(false)
  })

  it('refuses a streamed body without a declared length once it passes the limit', async () => {
    expect(await readTextWithin(post(streamOf(['a'.repeat(60), 'b'.repeat(60)])), 100)).toBeNull()
  })

  it('keeps a character split between two chunks whole', async () => {
    const bytes = new TextEncoder().encode('café')
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.slice(0, 4))
        controller.enqueue(bytes.slice(4))
        controller.close()
      },
    })
    expect(await readTextWithin(post(stream), 100)).toBe('café')
  })
})
