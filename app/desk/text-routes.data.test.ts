import fc from 'fast-check'
import { describe, expect, it, vi } from 'vitest'
import type { Db } from '@/db'
import { jpegImage } from '@/lib/media/test-images'
import type { Actor } from '@/lib/permissions'
import { type Result, refusal } from '@/lib/refusal'
import { articleRow, docOf, makeStory, openTestNewsroom } from '@/test/newsroom'

// The desk's route handlers, given bodies with NUL, lone surrogates (JSON.parse takes "\ud800")
// and random Unicode in every text field: each answers 2xx or 4xx, never 500.

const { db, newsroom } = await openTestNewsroom()
// The routes ask getDb() (db/index.ts) for the process's database: this file's.
;(globalThis as typeof globalThis & { __copydeskDb?: { db: Db } }).__copydeskDb = { db }

const signedIn = vi.hoisted(() => ({ actor: null as Actor | null }))
// Who is signed in: the session's own module needs Next's request context, which a test has not.
vi.mock('@/lib/session', () => ({
  authorizeRequest: async (): Promise<Result<{ user: Actor & { email: string; name: string } }>> =>
    signedIn.actor ? { ok: true, user: { ...signedIn.actor, email: 'x@example.test', name: 'X' } } : refusal('unauthenticated', 'Sign in.'),
}))

const { POST: saveRevision } = await import('./articles/[id]/revisions/route')
const { POST: newFromDraft } = await import('./articles/new/from-draft/route')
const { POST: workflow } = await import('./articles/[id]/workflow/route')
const { GET: mediaOptions } = await import('./media/options/route')
const { POST: upload } = await import('./media/upload/route')

const origin = 'http://localhost:3000'
const headers = { 'content-type': 'application/json', origin, 'sec-fetch-site': 'same-origin' }
const params = (id: number) => ({ params: Promise.resolve({ id: String(id) }) })
const post = (path: string, body: string) => new Request(`${origin}${path}`, { method: 'POST', headers, body })

/** A JSON text with every string of `value` written as escapes, so lone surrogates go over the wire as "\ud800". */
function escapedJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

const nasty = ['\u0000', '\u0001', '\u009f', '\ud800', '\udc00', '😀', '👩‍👩‍👧‍👦', 'e\u0301', '\r\n', '\u2028']
const anyText = fc
  .array(
    fc.oneof(
      fc.constantFrom(...nasty),
      fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit)),
    ),
    {
      maxLength: 40,
    },
  )
  .map((parts) => parts.join(''))

function draft(words: string[]) {
  const [headline = '', standfirst = '', tag = '', name = '', caption = '', body = ''] = words
  return {
    headline,
    standfirst,
    body: {
      type: 'doc',
      content: [...docOf(body).content!, { type: 'figure', attrs: { src: '/media/a.webp', alt: caption, caption, credit: name } }],
    },
    sectionId: newsroom.sectionId,
    slug: '',
    tags: [`${tag}t`],
    bylines: [{ userId: newsroom.writer.id }, { name: `${name}n`, outlet: caption }],
    leadMediaId: null,
    leadCaption: caption,
    leadCredit: name,
    seoTitle: headline,
    seoDescription: standfirst,
  }
}

function expectNo500(response: Response): void {
  expect(response.status).toBeGreaterThanOrEqual(200)
  expect(response.status).toBeLessThan(500)
}

describe('the desk’s routes on text that used to answer 500', () => {
  signedIn.actor = newsroom.writer

  it('saves a revision with NUL and lone surrogates in every field', async () => {
    const id = await makeStory(db, newsroom)
    const { version } = await articleRow(db, id)
    const body = escapedJson({
      draft: draft(['Head\u0000line\ud800', 'Stand\u0000', 'Tag\u0000', 'Ana\u0000', 'Cap\udfff', 'Body\u0000\ud83d']),
      baseVersion: version,
      kind: 'save',
    })
    expect(body).toContain('\\ud800')
    const response = await saveRevision(post(`/desk/articles/${id}/revisions`, body), params(id))
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({ ok: true })
  })

  it('refuses a headline over its limit with the reason and the field', async () => {
    const id = await makeStory(db, newsroom)
    const { version } = await articleRow(db, id)
    const body = escapedJson({ draft: { ...draft([]), headline: '😀'.repeat(301) }, baseVersion: version, kind: 'save' })
    const response = await saveRevision(post(`/desk/articles/${id}/revisions`, body), params(id))
    expect(response.status).toBe(422)
    expect(await response.json()).toEqual({
      ok: false,
      reason: 'invalid',
      message: 'Keep the headline under 300 characters.',
      field: 'headline',
    })
  })

  it('answers 2xx or 4xx to random text in every field of a save, a new story from a draft, a workflow note and a media search', async () => {
    const id = await makeStory(db, newsroom)
    await fc.assert(
      fc.asyncProperty(fc.array(anyText, { minLength: 6, maxLength: 6 }), async (words) => {
        const { version } = await articleRow(db, id)
        const saved = await saveRevision(
          post(`/desk/articles/${id}/revisions`, escapedJson({ draft: draft(words), baseVersion: version, kind: 'autosave' })),
          params(id),
        )
        expectNo500(saved)
        expectNo500(await newFromDraft(post('/desk/articles/new/from-draft', escapedJson({ draft: draft(words) }))))
        const submitted = await workflow(
          post(
            `/desk/articles/${id}/workflow`,
            escapedJson({ action: 'submit', baseVersion: (await articleRow(db, id)).version, note: words[0] }),
          ),
          params(id),
        )
        expectNo500(submitted)
        if (submitted.ok) {
          signedIn.actor = newsroom.editor
          const request = { action: 'requestChanges', baseVersion: (await articleRow(db, id)).version, note: words[1] }
          expectNo500(await workflow(post(`/desk/articles/${id}/workflow`, escapedJson(request)), params(id)))
          const back = { action: 'withdraw', baseVersion: (await articleRow(db, id)).version }
          if ((await articleRow(db, id)).status === 'in_review')
            expectNo500(await workflow(post(`/desk/articles/${id}/workflow`, escapedJson(back)), params(id)))
          signedIn.actor = newsroom.writer
        }
        // A query string carries NUL and a surrogate as bytes (%ED%A0%80 is not UTF-8); the rest of the words as they are.
        const q = `${encodeURIComponent((words[2] ?? '').replace(/[\ud800-\udfff]/g, ''))}%00%ED%A0%80`
        expectNo500(await mediaOptions(new Request(`${origin}/desk/media/options?q=${q}`)))
      }),
      { numRuns: 40 },
    )
  })

  it('uploads an image whose alt text, caption and credit have NUL and lone surrogates', async () => {
    const form = new FormData()
    form.set('file', new Blob([new Uint8Array(await jpegImage(40, 30))], { type: 'image/jpeg' }), 'a.jpg')
    form.set('alt', 'A boat\u0000 \ud800')
    form.set('caption', 'Cap\u0000tion')
    form.set('credit', `${'c'.repeat(199)}😀😀`)
    const response = await upload(
      new Request(`${origin}/desk/media/upload`, { method: 'POST', headers: { origin, 'sec-fetch-site': 'same-origin' }, body: form }),
    )
    expectNo500(response)
  })
})
