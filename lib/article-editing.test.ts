import { describe, expect, it } from 'vitest'
import { articleStatus } from '@/db/schema'
import { checkBylines, checkEdit, keepYourselfInTheByline } from './article-editing'
import { trashedStoryMessage } from './workflow'

const writer = { id: 1, role: 'writer' as const }
const editor = { id: 2, role: 'editor' as const }
const admin = { id: 3, role: 'admin' as const }
const writerMayEdit: readonly string[] = ['draft', 'changes_requested', 'published']

describe('who may edit a story in which status', () => {
  it.each(articleStatus.enumValues)('in %s: editors and admins may edit any story', (status) => {
    expect(checkEdit(editor, { status, ownerIds: [1] })).toEqual({ ok: true })
    expect(checkEdit(admin, { status, ownerIds: [1] })).toEqual({ ok: true })
  })

  it.each(articleStatus.enumValues)('in %s: a writer may edit their own story only as a draft, sent back, or published', (status) => {
    const mayEdit = writerMayEdit.includes(status)
    expect(checkEdit(writer, { status, ownerIds: [1] }).ok).toBe(mayEdit)
  })

  it('lets a writer start an update of their own published story', () => {
    expect(checkEdit(writer, { status: 'published', ownerIds: [1] })).toEqual({ ok: true })
  })

  it('tells a writer why their own story is out of their hands in each other status', () => {
    expect(checkEdit(writer, { status: 'in_review', ownerIds: [1] })).toEqual({
      ok: false,
      message: 'This story is with the editors for review; withdraw it to make changes.',
    })
    expect(checkEdit(writer, { status: 'approved', ownerIds: [1] })).toEqual({
      ok: false,
      message: 'This story has been approved; only an editor can change it now.',
    })
    expect(checkEdit(writer, { status: 'scheduled', ownerIds: [1] })).toEqual({
      ok: false,
      message: 'This story is scheduled to be published; only an editor can change it now.',
    })
    expect(checkEdit(writer, { status: 'unpublished', ownerIds: [1] })).toEqual({
      ok: false,
      message: 'This story has been taken off the site; only an editor can change it now.',
    })
  })

  it('never lets a writer edit someone else’s story', () => {
    expect(checkEdit(writer, { status: 'published', ownerIds: [2] })).toEqual({
      ok: false,
      message: 'Only the story’s writers and the editors can change this story.',
    })
    expect(checkEdit(writer, { status: 'draft', ownerIds: [2] })).toEqual({
      ok: false,
      message: 'Only the story’s writers and the editors can change this story.',
    })
  })

  it('lets nobody change a story in the trash, and tells who could why', () => {
    const trashedAt = new Date('2031-01-10T09:00:00Z')
    for (const actor of [writer, editor, admin]) {
      expect(checkEdit(actor, { status: 'draft', ownerIds: [1], trashedAt })).toEqual({ ok: false, message: trashedStoryMessage })
    }
    expect(checkEdit(writer, { status: 'draft', ownerIds: [2], trashedAt }).ok).toBe(false)
    expect(checkEdit(writer, { status: 'draft', ownerIds: [1], trashedAt: null })).toEqual({ ok: true })
  })
})

describe('checkBylines', () => {
  const writer = { id: 7, role: 'writer' } as const
  const editor = { id: 9, role: 'editor' } as const

  it('refuses a writer starting a story credited to others alone, and lets an editor', () => {
    expect(checkBylines(writer, [{ userId: 7 }], [{ userId: 9 }])).toEqual({ ok: false, message: keepYourselfInTheByline })
    expect(checkBylines(writer, [{ userId: 7 }], [{ userId: 9 }, { userId: 7 }])).toEqual({ ok: true })
    expect(checkBylines(editor, [{ userId: 9 }], [{ name: 'Rania Salem', outlet: 'Delta Weekly' }])).toEqual({ ok: true })
  })

  it('leaves a writer who is not on the byline free to save it as it is', () => {
    expect(checkBylines(writer, [{ userId: 9 }], [{ userId: 9 }])).toEqual({ ok: true })
  })
})
