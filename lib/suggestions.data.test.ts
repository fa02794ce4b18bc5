import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import type { RichTextDoc } from '@/db/schema'
import { auditEvents } from '@/db/schema'
import { act, docOf, editStory, makeStory, openTestNewsroom, tryAct } from '@/test/newsroom'
import { storyChecklist } from './prepublish'
import { getStoryPreview } from './public-articles'
import { renderRichText } from './rich-text'

// Suggested changes in a story's body: the checklist counts them, and approving or publishing
// is refused while any is pending, until they are accepted or rejected or the editor confirms.

const { db, newsroom } = await openTestNewsroom()
const { writer, editor } = newsroom

const suggested: RichTextDoc = {
  type: 'doc',
  content: [
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Fares rise by ' },
        {
          type: 'text',
          text: 'a third',
          marks: [
            { type: 'insertion', attrs: { id: 's1', authorId: editor.id, authorName: 'Desk Editor', at: '2026-12-06T09:00:00.000Z' } },
          ],
        },
        {
          type: 'text',
          text: 'half',
          marks: [
            { type: 'deletion', attrs: { id: 's2', authorId: editor.id, authorName: 'Desk Editor', at: '2026-12-06T09:00:00.000Z' } },
          ],
        },
        { type: 'text', text: '.' },
      ],
    },
  ],
}

async function storyWithSuggestions(headline: string): Promise<number> {
  const id = await makeStory(db, newsroom, { headline })
  await editStory(db, writer, id, { standfirst: 'By a half.', body: docOf('Fares rise by half.') })
  await act(db, writer, id, 'submit')
  await editStory(db, editor, id, { body: suggested })
  return id
}

describe('pending suggestions', () => {
  it('are a warning of the checklist, and approval is refused with a clear message until they are settled', async () => {
    const id = await storyWithSuggestions('Ferry fares rise')
    expect((await storyChecklist(db, id))?.find((check) => check.id === 'suggestions')).toMatchObject({
      outcome: 'warning',
      message: '2 suggested changes are still pending.',
    })
    expect(await tryAct(db, editor, id, 'approve', { confirmWarnings: [] })).toMatchObject({
      ok: false,
      message: expect.stringContaining('2 suggested changes are still pending.'),
    })
    expect(await tryAct(db, editor, id, 'publish', { confirmWarnings: [] })).toMatchObject({ ok: false })
    // Accepting both: the body holds the new words alone.
    await editStory(db, editor, id, { body: docOf('Fares rise by a third.') })
    expect((await storyChecklist(db, id))?.find((check) => check.id === 'suggestions')).toMatchObject({ outcome: 'passed' })
    expect(await tryAct(db, editor, id, 'approve', { confirmWarnings: [] })).toMatchObject({ ok: true })
  })

  it('count a suggested link and a suggested heading', async () => {
    const id = await makeStory(db, newsroom, { headline: 'Harbour works' })
    await editStory(db, writer, id, { standfirst: 'Soon.', body: docOf('Works begin.') })
    const attrs = { authorId: editor.id, authorName: 'Desk Editor', at: '2026-12-06T09:00:00.000Z' }
    const link = { type: 'formatting', attrs: { ...attrs, id: 'l1', format: 'link', add: true, href: 'https://example.org/' } }
    const content = [
      { type: 'suggestedBlock', attrs: { ...attrs, id: 'h1', formerly: 'paragraph' } },
      { type: 'text', text: 'Works begin.', marks: [link] },
    ]
    await editStory(db, editor, id, { body: { type: 'doc', content: [{ type: 'heading', attrs: { level: 2 }, content }] } })
    expect((await storyChecklist(db, id))?.find((check) => check.id === 'suggestions')).toMatchObject({
      outcome: 'warning',
      message: '2 suggested changes are still pending.',
    })
  })

  it('count a suggested figure and embed, and readers get the body as it was once the editor publishes over them', async () => {
    const id = await makeStory(db, newsroom, { headline: 'Ferry map' })
    const map = {
      type: 'embed',
      attrs: { url: 'https://www.openstreetmap.org/?mlat=51.5&mlon=-0.1#map=15/51.5/-0.1', caption: 'The pier' },
    }
    const words = { type: 'paragraph', content: [{ type: 'text', text: 'The ferry lands here.' }] }
    await editStory(db, writer, id, { standfirst: 'Soon.', body: { type: 'doc', content: [words, map] } })
    await act(db, writer, id, 'submit')
    const attrs = { authorId: editor.id, authorName: 'Desk Editor', at: '2026-12-06T09:00:00.000Z' }
    const photo = { src: '/media/1/ferry.jpg', alt: 'The ferry', caption: 'The new ferry', credit: 'Desk Editor' }
    const content = [
      words,
      { type: 'figure', attrs: { ...photo, ...attrs, id: 'f1', suggested: 'insertion' } },
      { ...map, attrs: { ...map.attrs, ...attrs, id: 'm1', suggested: 'deletion' } },
    ]
    await editStory(db, editor, id, { body: { type: 'doc', content } })
    expect((await storyChecklist(db, id))?.find((check) => check.id === 'suggestions')).toMatchObject({
      outcome: 'warning',
      message: '2 suggested changes are still pending.',
    })
    expect(await tryAct(db, editor, id, 'publish', { confirmWarnings: [] })).toMatchObject({
      ok: false,
      message: expect.stringContaining('2 suggested changes are still pending.'),
    })
    await act(db, editor, id, 'publish')
    const story = await getStoryPreview(db, id)
    const html = story ? renderRichText(story.body, story.figureImages) : ''
    expect(html).toContain('<p>The ferry lands here.</p><figure class="embed embed-openstreetmap embed-framed"><iframe')
    expect(html).not.toMatch(/The new ferry|<img|suggest/)
  })

  it('may be overridden by an editor who confirms, and the confirmation is recorded in the audit trail', async () => {
    const id = await storyWithSuggestions('Bus fares fall')
    expect(await tryAct(db, editor, id, 'publish', { confirmWarnings: ['suggestions'] })).toMatchObject({ ok: true })
    const confirmed = await db.select().from(auditEvents).where(eq(auditEvents.action, 'story.warnings-confirmed'))
    expect(confirmed.filter((row) => row.detail.story === id).map((row) => row.detail.checks)).toEqual(['suggestions'])
  })
})
