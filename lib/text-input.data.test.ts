import { describe, expect, it } from 'vitest'
import { articleInputSchema, articleLimits } from './article-input'
import { saveArticle } from './article-drafts'
import { createArticle } from './article-create'
import { addCorrection } from './corrections'
import { deskQuerySchema } from './desk-queues'
import { listDeskQueue } from './desk-queues-list'
import { updateMediaDetails } from './media/library'
import { addNote, listNotes } from './notes'
import { searchPublishedStories } from './search'
import { checkCredentials } from './sign-in'
import { transition } from './transitions'
import { createUser, newUserSchema } from './users'
import { getArticleForEditing } from './editable-article'
import { articleRow, docOf, makeStory, openTestNewsroom, storyIn } from '@/test/newsroom'
import { formInput } from '@/test/story-form-input'
import type { ArticleInputRaw } from './article-input'
import type { RichTextDoc } from '@/db/schema'

// What the desk answered 500 to before: a NUL in any field, a lone surrogate in the body, an
// emoji cut in half by a length limit. Each now saves, cleaned, or is refused with a reason.

const { db, newsroom } = await openTestNewsroom()

const nul = '\u0000'
const loneHigh = '\ud83d'
const emoji = '😀'

async function save(articleId: number, fields: Partial<ArticleInputRaw>) {
  const { version } = await articleRow(db, articleId)
  const parsed = articleInputSchema.safeParse({ ...formInputRaw(), ...fields })
  if (!parsed.success) return { ok: false as const, message: parsed.error.issues.map((issue) => issue.message).join(' ') }
  return saveArticle(db, newsroom.writer, articleId, parsed.data, { baseVersion: version, kind: 'save' })
}

function formInputRaw(): ArticleInputRaw {
  return { ...formInput(newsroom), tags: ['Shipping'] }
}

async function opened(articleId: number) {
  const story = await getArticleForEditing(db, newsroom.editor, articleId)
  if (!story) throw new Error('the story did not read back')
  return story
}

const figure = (attrs: Record<string, unknown>): RichTextDoc => ({
  type: 'doc',
  content: [{ type: 'figure', attrs: { src: '/media/a.webp', ...attrs } }],
})

describe('text that used to break a save', () => {
  it('saves a story with NUL in the headline, standfirst, body, tag and byline, without the NULs', async () => {
    const id = await makeStory(db, newsroom)
    const result = await save(id, {
      headline: `Harbour${nul} reopens`,
      standfirst: `Boats${nul} are back.`,
      body: docOf(`The harbour${nul} reopened.`),
      tags: [`Ship${nul}ping`],
      bylines: [{ userId: newsroom.writer.id }, { name: `Ana${nul} Lima`, outlet: `Wire${nul}` }],
    })
    expect(result).toMatchObject({ ok: true })
    const story = await opened(id)
    expect(story).toMatchObject({
      headline: 'Harbour reopens',
      standfirst: 'Boats are back.',
      body: docOf('The harbour reopened.'),
      tags: ['Shipping'],
      bylines: [{ userId: newsroom.writer.id }, { name: 'Ana Lima', outlet: 'Wire' }],
    })
  })

  it('saves a body with lone surrogates, as the replacement character', async () => {
    const id = await makeStory(db, newsroom)
    expect(await save(id, { body: docOf(`Half an emoji: ${loneHigh}.`, `\udc00 alone`) })).toMatchObject({ ok: true })
    expect((await opened(id)).body).toEqual(docOf('Half an emoji: \ufffd.', '\ufffd alone'))
  })

  it('saves figure captions, alt text and quote attributions cut at the limit without splitting an emoji', async () => {
    const id = await makeStory(db, newsroom)
    const long = `${'a'.repeat(1999)}${emoji}${emoji}`
    const body: RichTextDoc = {
      type: 'doc',
      content: [
        ...(figure({ caption: long, alt: `${nul}${long}`, credit: long }).content ?? []),
        { type: 'blockquote', attrs: { attribution: `${'b'.repeat(299)}${emoji}` }, content: [{ type: 'paragraph' }] },
      ],
    }
    expect(await save(id, { body })).toMatchObject({ ok: true })
    const [shown, quote] = (await opened(id)).body.content ?? []
    expect(shown?.attrs).toMatchObject({ caption: `${'a'.repeat(1999)}${emoji}`, alt: `${'a'.repeat(1999)}${emoji}` })
    expect(quote?.attrs).toEqual({ attribution: `${'b'.repeat(299)}${emoji}` })
  })

  it('counts an emoji as one character against a limit, and refuses only what is over it', async () => {
    const id = await makeStory(db, newsroom)
    const family = '👩‍👩‍👧‍👦'
    expect(await save(id, { headline: family.repeat(articleLimits.headline) })).toMatchObject({ ok: true })
    expect(await save(id, { headline: family.repeat(articleLimits.headline + 1) })).toMatchObject({
      ok: false,
      message: `Keep the headline under ${articleLimits.headline} characters.`,
    })
  })

  it('starts a story whose headline has a NUL', async () => {
    const created = await createArticle(db, newsroom.writer, { headline: `Harbour${nul} reopens`, sectionId: newsroom.sectionId })
    expect(created).toMatchObject({ ok: true })
    if (created.ok) expect((await opened(created.articleId)).headline).toBe('Harbour reopens')
  })

  it('adds a note and a workflow note with NUL and lone surrogates', async () => {
    const id = await makeStory(db, newsroom)
    expect(await addNote(db, newsroom.writer, id, { body: `Check${nul} ${loneHigh}this` })).toMatchObject({ ok: true })
    const submitted = await transition(db, newsroom.writer, id, 'submit', { baseVersion: (await articleRow(db, id)).version })
    expect(submitted).toMatchObject({ ok: true })
    const sentBack = await transition(db, newsroom.editor, id, 'requestChanges', {
      baseVersion: (await articleRow(db, id)).version,
      note: `Fix${nul} the figures`,
    })
    expect(sentBack).toMatchObject({ ok: true })
    expect((await listNotes(db, id))?.map((note) => note.body)).toEqual(['Check \ufffdthis', 'Fix the figures'])
  })

  it('adds a correction with a NUL', async () => {
    const id = await storyIn(db, newsroom, 'published')
    expect(await addCorrection(db, newsroom.editor, id, { kind: 'correction', body: `The mayor${nul} is Ana Lima.` })).toMatchObject({
      ok: true,
    })
  })

  it('saves an image’s alt text with a lone surrogate', async () => {
    const result = await updateMediaDetails(db, newsroom.editor, newsroom.mediaId, {
      alt: `A boat ${loneHigh}`,
      credit: `${'c'.repeat(199)}${emoji}`,
    })
    expect(result).toMatchObject({ ok: true, media: { alt: 'A boat \ufffd', credit: `${'c'.repeat(199)}${emoji}` } })
  })

  it('adds a person whose name has a NUL', async () => {
    const input = newUserSchema.parse({ name: `Ana${nul} Lima`, email: `ana${nul}@example.test`, role: 'writer' })
    expect(await createUser(db, newsroom.admin, input)).toMatchObject({ ok: true, person: { name: 'Ana Lima', email: 'ana@example.test' } })
  })

  it('refuses a sign-in with a NUL in the e-mail address like any wrong password', async () => {
    expect(await checkCredentials(db, { email: `nobody${nul}@example.test`, password: `x${nul}` }, '127.0.0.1')).toEqual({
      ok: false,
      reason: 'invalid',
    })
  })

  it('searches the desk and the reader’s site for words with NUL and lone surrogates', async () => {
    const q = deskQuerySchema.parse({ q: `Harbour${nul}${loneHigh}` }).q
    expect(await listDeskQueue(db, newsroom.editor, 'all', { q })).toMatchObject({ total: expect.any(Number) })
    expect(await searchPublishedStories(db, { q: `Harbour${nul}${loneHigh}` })).toMatchObject({ query: 'Harbour \ufffd' })
  })
})
