import { describe, expect, it } from 'vitest'
import { act, editStory, makeStory, openTestNewsroom, storyIn } from '@/test/newsroom'
import { formInput, saveForm } from '@/test/story-form-input'
import { mayReadStory } from './article-access'
import { saveArticle } from './article-drafts'
import { createArticle } from './article-create'
import { keepYourselfInTheByline } from './article-editing'
import { getArticleForEditing } from './editable-article'
import { getWorkflowState } from './transitions'

// Who may open a story in the desk (`article.read`): writers their own (created or bylined) and
// published ones; editors and admins all. A story someone may not read answers as missing.

const { db, newsroom } = await openTestNewsroom()
const { writer, writer2, editor, admin } = newsroom

/** Whether each of these people can open the story, by every door that reads it. */
async function whoReads(articleId: number) {
  const doors = async (person: typeof writer) => {
    const answers = [
      await mayReadStory(db, person, articleId),
      (await getArticleForEditing(db, person, articleId)) !== null,
      (await getWorkflowState(db, person, articleId)) !== null,
    ]
    expect(new Set(answers).size, `every door answers alike for ${person.role} ${person.id}`).toBe(1)
    return answers[0]
  }
  return { writer: await doors(writer), writer2: await doors(writer2), editor: await doors(editor), admin: await doors(admin) }
}

describe('who may read a story', () => {
  it('a draft: its creator, the editors and admins, not another writer', async () => {
    const id = await makeStory(db, newsroom, { headline: 'A private draft' })
    expect(await whoReads(id)).toEqual({ writer: true, writer2: false, editor: true, admin: true })
  })

  it('a story another writer is bylined on: that writer too', async () => {
    const id = await makeStory(db, newsroom, { by: editor, headline: 'Shared byline' })
    expect(await whoReads(id)).toMatchObject({ writer: false, writer2: false })
    await editStory(db, editor, id, { bylines: [{ userId: editor.id }, { userId: writer2.id }] })
    expect(await whoReads(id)).toEqual({ writer: false, writer2: true, editor: true, admin: true })
  })

  it('in review, approved and scheduled: still only its own writers among the writers', async () => {
    for (const status of ['in_review', 'approved', 'scheduled'] as const) {
      const id = await storyIn(db, newsroom, status, { headline: `Embargoed ${status}` })
      expect(await whoReads(id), status).toEqual({ writer: true, writer2: false, editor: true, admin: true })
    }
  })

  it('a published story: every writer; once unpublished, its own writers again', async () => {
    const id = await storyIn(db, newsroom, 'published', { headline: 'Out now' })
    expect(await whoReads(id)).toEqual({ writer: true, writer2: true, editor: true, admin: true })
    await act(db, editor, id, 'unpublish')
    expect(await whoReads(id)).toEqual({ writer: true, writer2: false, editor: true, admin: true })
    await act(db, editor, id, 'republish')
    expect(await whoReads(id)).toMatchObject({ writer2: true })
  })

  it('a story that does not exist reads like one the person may not read', async () => {
    expect(await whoReads(999_999)).toEqual({ writer: false, writer2: false, editor: false, admin: false })
  })
})

describe('the byline rule on the server', () => {
  it('keeps a writer on the byline of a story they are bylined on, saying why, and changes nothing', async () => {
    const id = await makeStory(db, newsroom, { headline: 'My byline stays' })
    const result = await saveForm(db, newsroom, id, writer, { bylines: [{ userId: editor.id }] }, 'save', new Date())
    expect(result).toEqual({ ok: false, reason: 'forbidden', message: keepYourselfInTheByline, field: 'bylines' })
    expect((await getArticleForEditing(db, writer, id))?.bylines).toEqual([{ userId: writer.id, name: 'Writer Person' }])
  })

  it('lets a writer add others beside themselves, and an editor take the writer off', async () => {
    const id = await makeStory(db, newsroom, { headline: 'Two bylines' })
    const both = [{ userId: writer.id }, { name: 'Rania Salem', outlet: 'Delta Weekly' }]
    expect(await saveForm(db, newsroom, id, writer, { bylines: both }, 'save', new Date())).toMatchObject({ ok: true })
    expect(await saveForm(db, newsroom, id, editor, { bylines: [{ userId: editor.id }] }, 'save', new Date())).toMatchObject({
      ok: true,
    })
    // Taken off by an editor, the writer who created the story may still save it without a byline.
    expect(
      await saveForm(db, newsroom, id, writer, { bylines: [{ userId: editor.id }], standfirst: 'Later.' }, 'save', new Date()),
    ).toMatchObject({
      ok: true,
    })
  })

  it('refuses a writer’s autosave that drops them too, so the form shows it like any refused save', async () => {
    const created = await createArticle(db, writer2, { headline: 'Autosaved', sectionId: newsroom.sectionId })
    if (!created.ok) throw new Error(created.message)
    const opened = await getArticleForEditing(db, writer2, created.articleId)
    const result = await saveArticle(db, writer2, created.articleId, formInput(newsroom, { bylines: [{ userId: writer.id }] }), {
      baseVersion: opened?.version ?? 0,
      kind: 'autosave',
    })
    expect(result).toMatchObject({ ok: false, reason: 'forbidden', field: 'bylines' })
  })
})
