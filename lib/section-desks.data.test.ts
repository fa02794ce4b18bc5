import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { auditEvents, sections, userSections, users } from '@/db/schema'
import { act, editStory, openTestNewsroom, storyIn, tryAct } from '@/test/newsroom'
import { authorize } from './authorize'
import { addCorrection } from './corrections'
import { listDeskQueue } from './desk-queues-list'
import type { Actor } from './permissions'
import { assignedSections } from './section-desks'
import { setSectionDesk } from './users'

const { db, newsroom } = await openTestNewsroom()
const { admin, editor, writer } = newsroom
const world = newsroom.sectionId
const business = newsroom.otherSectionId
const [europe] = await db.insert(sections).values({ name: 'Europe', slug: 'europe', parentId: world, position: 0 }).returning()
const [person] = await db
  .insert(users)
  .values({ email: 'desk@example.test', name: 'Desk Editor', slug: 'desk-editor', role: 'editor', passwordHash: 'not a real hash' })
  .returning()
if (!europe || !person) throw new Error('The test desk was not created.')
const deskEditor: Actor = { id: person.id, role: 'editor' }

/** The desk editor as every door reads them: from the database, desk and all. */
async function asRead(actor: Actor): Promise<Actor> {
  const read = await authorize(db, actor, 'desk.enter')
  if (!read.ok) throw new Error(read.message)
  return read.actor
}

describe('section desks', () => {
  it('are given by admins only, to editors only, naming sections that exist; nothing changes otherwise', async () => {
    expect(await setSectionDesk(db, editor, { userId: person.id, sectionIds: [world] })).toMatchObject({ ok: false, reason: 'forbidden' })
    expect(await setSectionDesk(db, admin, { userId: person.id, sectionIds: [world, 999_999] })).toEqual({
      ok: false,
      reason: 'invalid',
      message: 'One of those sections no longer exists: reload the page and choose again.',
      field: 'sectionIds',
    })
    expect(await setSectionDesk(db, admin, { userId: writer.id, sectionIds: [world] })).toMatchObject({
      ok: false,
      message: 'Only an editor can have a section desk; Writer Person is not an editor.',
    })
    expect(await db.select().from(userSections)).toEqual([])
    expect((await asRead(deskEditor)).sections).toBeUndefined()
  })

  it('hold the section and everything under it, and the audit log names them', async () => {
    expect(await setSectionDesk(db, admin, { userId: person.id, sectionIds: [world] })).toEqual({
      ok: true,
      name: 'Desk Editor',
      sections: ['World'],
    })
    expect(await assignedSections(db, person.id)).toEqual([world])
    expect((await asRead(deskEditor)).sections).toEqual([world, europe.id].sort((a, b) => a - b))
    const [entry] = await db.select().from(auditEvents).where(eq(auditEvents.action, 'user.sections'))
    expect(entry).toMatchObject({ actorId: admin.id, subjectUserId: person.id, detail: { sections: 'World' } })
  })

  it('let a desk editor approve, publish and correct there, and nowhere else', async () => {
    const inEurope = await storyIn(db, newsroom, 'in_review', { headline: 'Trains strike', sectionId: europe.id })
    await act(db, deskEditor, inEurope, 'approve')
    await act(db, deskEditor, inEurope, 'publish')
    expect(await addCorrection(db, deskEditor, inEurope, { kind: 'update', body: 'Times changed.' })).toMatchObject({ ok: true })

    const inBusiness = await storyIn(db, newsroom, 'in_review', { headline: 'Bank merger', sectionId: business })
    const outside = { ok: false, reason: 'forbidden', message: expect.stringContaining('This story is filed outside your sections') }
    expect(await tryAct(db, deskEditor, inBusiness, 'approve')).toMatchObject(outside)
    expect(await tryAct(db, deskEditor, inBusiness, 'publish')).toMatchObject(outside)
    expect(await tryAct(db, deskEditor, inBusiness, 'requestChanges', { note: 'Shorter.' })).toMatchObject(outside)
    await act(db, editor, inBusiness, 'publish')
    expect(await tryAct(db, deskEditor, inBusiness, 'unpublish', { note: 'Legal.' })).toMatchObject(outside)
    expect(await addCorrection(db, deskEditor, inBusiness, { kind: 'update', body: 'Times changed.' })).toMatchObject(outside)
    // Editing is not a section power: the desk editor may still fix a typo anywhere.
    await editStory(db, deskEditor, inBusiness, { standfirst: 'Two banks become one.' })
  })

  it('refuse to publish a story of the desk whose newest revision moves it to another section', async () => {
    const moving = await storyIn(db, newsroom, 'approved', { headline: 'Ferry fares', sectionId: world })
    await editStory(db, editor, moving, { sectionId: business })
    expect(await tryAct(db, deskEditor, moving, 'publish')).toMatchObject({ ok: false, reason: 'forbidden' })
  })

  it('make the review queue the desk’s own; an editor without a desk sees every story in review', async () => {
    await storyIn(db, newsroom, 'in_review', { headline: 'Rail fares in Europe', sectionId: europe.id })
    await storyIn(db, newsroom, 'in_review', { headline: 'Bond yields', sectionId: business })
    const queue = async (actor: Actor) => (await listDeskQueue(db, await asRead(actor), 'review'))?.items.map((item) => item.headline)
    expect(await queue(deskEditor)).toEqual(['Rail fares in Europe'])
    expect(await queue(editor)).toEqual(expect.arrayContaining(['Rail fares in Europe', 'Bond yields']))
  })

  it('give the whole newsroom back when emptied', async () => {
    expect(await setSectionDesk(db, admin, { userId: person.id, sectionIds: [] })).toMatchObject({ ok: true, sections: [] })
    expect((await asRead(deskEditor)).sections).toBeUndefined()
  })
})
