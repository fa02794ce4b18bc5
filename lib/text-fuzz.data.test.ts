import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { RichTextDoc } from '@/db/schema'
import { articleInputSchema, articleLimits } from './article-input'
import { saveArticle } from './article-drafts'
import { createArticle } from './article-create'
import { textLength } from './clean-text'
import { addCorrection, listArticleCorrections, retractCorrection } from './corrections'
import { deskQuerySchema } from './desk-queues'
import { listDeskQueue } from './desk-queues-list'
import { getArticleForEditing } from './editable-article'
import { getMedia, listMedia, updateMediaDetails } from './media/library'
import { searchMediaOptions } from './media/options'
import { addNote, listNotes } from './notes'
import { searchPublishedStories } from './search'
import { checkCredentials } from './sign-in'
import { transition } from './transitions'
import { createUser, newUserSchema } from './users'
import { maxNoteLength } from './workflow-input'
import { articleRow, auditTrail, makeStory, openTestNewsroom, storyIn } from '@/test/newsroom'
import { formInput } from '@/test/story-form-input'

// Random Unicode at every save path (the data functions behind the desk's forms and routes): each
// answers ok or a refusal, never throws, and what it saved reads back well-formed and within limits.

const { db, newsroom } = await openTestNewsroom()

const nasty = ['\u0000', '\u0007', '\u001b', '\u007f', '\u0085', '\u009f', '\ud800', '\udfff', '\r\n', '\t', '\u2028', '\ufeff']
const typed = ['a', ' ', 'é', 'e\u0301', '\u0301\u0301\u0301', '日本', '👩‍👩‍👧‍👦', '🇳🇴', '🏴󠁧󠁢󠁳󠁣󠁴󠁿', '😀', '\u202e', '\u200d', 'ﬁ', '%', '_', '\\']
/** Any text: single UTF-16 units (lone surrogates included), whole code points, controls, emoji sequences, combining marks. */
const textOf = (maxLength: number) =>
  fc
    .array(
      fc.oneof(
        fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit)),
        fc.integer({ min: 0, max: 0x10ffff }).map((point) => String.fromCodePoint(point)),
        fc.constantFrom(...nasty),
        fc.constantFrom(...typed),
      ),
      { maxLength },
    )
    .map((parts) => parts.join(''))
const text = textOf(60)
/** Now and then far past any limit: a long run of one piece after the random text. */
const anyText = fc.oneof(
  { weight: 4, arbitrary: text },
  {
    weight: 1,
    arbitrary: fc
      .tuple(text, fc.constantFrom(...typed, ...nasty), fc.integer({ min: 100, max: 3000 }))
      .map(([start, piece, times]) => start + piece.repeat(times)),
  },
)

const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/
const runs = { numRuns: 100 }

/** Every string in `value` is one PostgreSQL could store and a browser can show: no NUL, no lone surrogate, valid UTF-8. */
function expectStorable(value: unknown): void {
  if (typeof value === 'string') {
    expect(value).not.toMatch(/\u0000/)
    expect(value).not.toMatch(loneSurrogate)
    expect(new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(new TextEncoder().encode(value))).toBe(value)
  } else if (Array.isArray(value)) {
    value.forEach(expectStorable)
  } else if (typeof value === 'object' && value !== null && !(value instanceof Date)) {
    Object.values(value).forEach(expectStorable)
  }
}

/** A refusal says why, in words. */
function expectOkOrRefusal(result: { ok: boolean; message?: string }): void {
  if (!result.ok) expect(result.message).toMatch(/\w/)
}

const bodyWith = (words: string[]): RichTextDoc => {
  const [a = '', b = '', c = '', d = '', e = '', f = ''] = words
  return {
    type: 'doc',
    content: [
      { type: 'paragraph', content: [{ type: 'text', text: a, marks: [{ type: 'link', attrs: { href: `https://example.org/${b}` } }] }] },
      { type: 'figure', attrs: { src: `/media/${c}.webp`, alt: d, caption: e, credit: f } },
      { type: 'blockquote', attrs: { attribution: b }, content: [{ type: 'paragraph', content: [{ type: 'text', text: c }] }] },
      { type: 'embed', attrs: { url: `https://www.youtube.com/watch?v=${d}`, caption: a } },
      { type: 'paragraph', content: [{ type: 'text', text: f }] },
    ],
  }
}

describe('random text at every save path', () => {
  it('saves a story’s fields and body, or refuses them, and the story reads back', async () => {
    const id = await makeStory(db, newsroom)
    let saves = 0
    await fc.assert(
      fc.asyncProperty(fc.array(anyText, { minLength: 8, maxLength: 8 }), textOf(12), async (words, tag) => {
        const [headline = '', standfirst = '', name = '', caption = ''] = words
        const input = articleInputSchema.safeParse({
          ...formInput(newsroom),
          headline,
          standfirst,
          // A tag needs a letter: most random ones have none.
          tags: [`${tag}t`, 'Shipping'],
          bylines: [{ userId: newsroom.writer.id }, { name: `${name}x`, outlet: caption }],
          leadMediaId: newsroom.mediaId,
          leadCaption: caption,
          seoTitle: name,
          body: bodyWith(words.slice(2)),
        })
        if (!input.success) {
          expect(input.error.issues.every((issue) => /\w/.test(issue.message))).toBe(true)
          return
        }
        const { version } = await articleRow(db, id)
        const saved = await saveArticle(db, newsroom.writer, id, input.data, { baseVersion: version, kind: 'autosave' })
        expectOkOrRefusal(saved)
        if (saved.ok) saves += 1
        const story = await getArticleForEditing(db, newsroom.writer, id)
        expectStorable(story)
        expect(textLength(story?.headline ?? '')).toBeLessThanOrEqual(articleLimits.headline)
        expect(story?.tags.every((name) => textLength(name) <= articleLimits.tag)).toBe(true)
      }),
      runs,
    )
    // Most random stories are saved, cleaned, not refused.
    expect(saves).toBeGreaterThan(runs.numRuns / 2)
  })

  it('starts a story with any headline, or refuses it', async () => {
    await fc.assert(
      fc.asyncProperty(anyText, async (headline) => {
        const created = await createArticle(db, newsroom.writer, { headline, sectionId: newsroom.sectionId })
        expectOkOrRefusal(created)
        if (created.ok) expectStorable(await getArticleForEditing(db, newsroom.writer, created.articleId))
      }),
      { numRuns: 50 },
    )
  })

  it('adds notes and workflow notes, or refuses them, and they read back', async () => {
    const id = await makeStory(db, newsroom)
    await fc.assert(
      fc.asyncProperty(anyText, anyText, async (note, workflowNote) => {
        expectOkOrRefusal(await addNote(db, newsroom.editor, id, { body: note }))
        const version = async () => (await articleRow(db, id)).version
        const submitted = await transition(db, newsroom.writer, id, 'submit', { baseVersion: await version(), note: workflowNote })
        expectOkOrRefusal(submitted)
        if (!submitted.ok) return
        const sentBack = await transition(db, newsroom.editor, id, 'requestChanges', { baseVersion: await version(), note: workflowNote })
        expectOkOrRefusal(sentBack)
        if (!sentBack.ok)
          expect(await transition(db, newsroom.writer, id, 'withdraw', { baseVersion: await version() })).toMatchObject({ ok: true })
      }),
      { numRuns: 60 },
    )
    const notes = await listNotes(db, id)
    expectStorable(notes)
    expectStorable(await auditTrail(db, id))
    expect(notes?.every((note) => textLength(note.body) <= maxNoteLength)).toBe(true)
  })

  it('adds and withdraws corrections, or refuses them', async () => {
    const id = await storyIn(db, newsroom, 'published')
    await fc.assert(
      fc.asyncProperty(anyText, anyText, async (body, reason) => {
        const added = await addCorrection(db, newsroom.editor, id, { kind: 'correction', body })
        expectOkOrRefusal(added)
        if (added.ok) expectOkOrRefusal(await retractCorrection(db, newsroom.editor, added.correctionId, { note: reason }))
      }),
      { numRuns: 60 },
    )
    expectStorable(await listArticleCorrections(db, id))
  })

  it('saves an image’s alt text, caption and credit, or refuses them', async () => {
    await fc.assert(
      fc.asyncProperty(anyText, anyText, anyText, async (alt, caption, credit) => {
        expectOkOrRefusal(await updateMediaDetails(db, newsroom.editor, newsroom.mediaId, { alt, caption, credit }))
        expectStorable(await getMedia(db, newsroom.mediaId))
      }),
      runs,
    )
  })

  it('adds people with any name, or refuses them; signs no one in on any e-mail and password', async () => {
    let n = 0
    await fc.assert(
      fc.asyncProperty(anyText, anyText, anyText, async (name, email, password) => {
        n += 1
        const input = newUserSchema.safeParse({ name, email: `fuzz${n}${email}@example.test`, role: 'writer' })
        if (input.success) {
          const created = await createUser(db, newsroom.admin, input.data)
          expectOkOrRefusal(created)
          expectStorable(created)
        }
        expect(await checkCredentials(db, { email, password }, '192.0.2.1')).toMatchObject({ ok: false })
      }),
      { numRuns: 60 },
    )
  })

  it('searches the desk, the media library and the reader’s site for anything', async () => {
    await fc.assert(
      fc.asyncProperty(anyText, async (q) => {
        expectStorable(await listDeskQueue(db, newsroom.editor, 'all', { q: deskQuerySchema.parse({ q }).q }))
        expectStorable(await listDeskQueue(db, newsroom.editor, 'all', { q }))
        expectStorable(await listMedia(db, newsroom.editor, { query: q }))
        expectStorable(await searchMediaOptions(db, newsroom.editor, { query: q }))
        expectStorable(await searchPublishedStories(db, { q }))
      }),
      { numRuns: 60 },
    )
  })
})
