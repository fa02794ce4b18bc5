import { eq, inArray } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { auditEvents, revisions, tagRedirects, tags } from '@/db/schema'
import { act, editStory, makeStory, openTestNewsroom, storyIn } from '@/test/newsroom'
import { mergeTags, renameTag, tagMergeSchema, tagRenameSchema } from './tag-changes'
import { describeTag, getTag, listTags, tagDescriptionSchema, tagPageSize } from './tags'

const { db, newsroom } = await openTestNewsroom()
const everything = { q: '', page: 1 }

async function tagId(slug: string): Promise<number> {
  const [tag] = await db.select({ id: tags.id }).from(tags).where(eq(tags.slug, slug))
  if (!tag) throw new Error(`no tag ${slug}`)
  return tag.id
}

/** Everything a refused change could have touched. */
async function snapshot() {
  return {
    tags: await db.select().from(tags).orderBy(tags.id),
    redirects: await db.select().from(tagRedirects).orderBy(tagRedirects.slug),
    revisions: await db.select({ id: revisions.id, tags: revisions.tags }).from(revisions).orderBy(revisions.id),
    audit: await db.select().from(auditEvents).where(eq(auditEvents.action, 'tag.rename')),
  }
}

beforeAll(async () => {
  const live = await storyIn(db, newsroom, 'published', { headline: 'Ferries resume' })
  await editStory(db, newsroom.editor, live, { tags: ['Ferries', 'Ports'] })
  await act(db, newsroom.editor, live, 'publish')
  const draft = await makeStory(db, newsroom, { headline: 'Port fees rise' })
  await editStory(db, newsroom.writer, draft, { tags: ['Ports'] })
  const takenDown = await storyIn(db, newsroom, 'published', { headline: 'Ferry sinks' })
  await editStory(db, newsroom.editor, takenDown, { tags: ['Ferries'] })
  await act(db, newsroom.editor, takenDown, 'publish')
  await act(db, newsroom.editor, takenDown, 'unpublish')
})

describe('the desk’s list of tags', () => {
  it('counts the stories carrying each tag, and those readers can see', async () => {
    const listed = await listTags(db, newsroom.editor, everything)
    expect(listed).toMatchObject({ ok: true, total: 2, pageCount: 1 })
    if (!listed.ok) return
    expect(listed.tags.map(({ name, slug, published, stories }) => ({ name, slug, published, stories }))).toEqual([
      { name: 'Ferries', slug: 'ferries', published: 1, stories: 2 },
      { name: 'Ports', slug: 'ports', published: 1, stories: 2 },
    ])
  })

  it('finds tags by a piece of their name, a page at a time', async () => {
    await db
      .insert(tags)
      .values(Array.from({ length: tagPageSize + 5 }, (_, index) => ({ name: `Topic ${index}`, slug: `topic-${index}` })))
    const first = await listTags(db, newsroom.admin, { q: 'topic', page: 1 })
    expect(first).toMatchObject({ ok: true, total: tagPageSize + 5, pageCount: 2 })
    const second = await listTags(db, newsroom.admin, { q: 'topic', page: 2 })
    expect(second.ok && second.tags).toHaveLength(5)
    const ports = await listTags(db, newsroom.admin, { q: 'ORT', page: 1 })
    expect(ports.ok && ports.tags.map((tag) => tag.name)).toEqual(['Ports'])
    const wildcard = await listTags(db, newsroom.admin, { q: '%', page: 1 })
    expect(wildcard.ok && wildcard.tags).toEqual([])
  })

  it('refuses writers everything, changing nothing', async () => {
    const before = await snapshot()
    const id = await tagId('ports')
    const { writer } = newsroom
    for (const answer of [
      await listTags(db, writer, everything),
      await getTag(db, writer, id),
      await renameTag(db, writer, { tagId: id, name: 'Harbours' }),
      await mergeTags(db, writer, { tagId: id, into: 'ferries' }),
      await describeTag(db, writer, { tagId: id, description: 'Ports.' }),
    ]) {
      expect(answer).toMatchObject({ ok: false, reason: 'forbidden', message: 'Only editors can rename, merge and describe tags.' })
    }
    expect(await snapshot()).toEqual(before)
  })
})

describe('changing a tag', () => {
  it('refuses a merge into itself or into no tag, and a name another tag’s address has, changing nothing', async () => {
    const before = await snapshot()
    const ports = await tagId('ports')
    expect(await mergeTags(db, newsroom.editor, { tagId: ports, into: 'ports' })).toMatchObject({
      ok: false,
      reason: 'invalid',
      field: 'into',
      message: 'A tag cannot be merged into itself: name another tag.',
    })
    expect(await mergeTags(db, newsroom.editor, { tagId: ports, into: 'harbours' })).toMatchObject({
      ok: false,
      field: 'into',
      message: 'There is no tag at /tags/harbours to merge into: pick one from the list of tags.',
    })
    expect(await renameTag(db, newsroom.editor, { tagId: ports, name: 'FERRIES!' })).toMatchObject({
      ok: false,
      field: 'name',
      message: 'Another tag, “Ferries”, already has the address /tags/ferries: merge this tag into it instead.',
    })
    expect(await renameTag(db, newsroom.editor, { tagId: ports, name: 'Ports' })).toMatchObject({ ok: false, field: 'name' })
    expect(await renameTag(db, newsroom.editor, { tagId: 999_999, name: 'Harbours' })).toMatchObject({ ok: false, reason: 'missing' })
    expect(await describeTag(db, newsroom.editor, { tagId: 999_999, description: '' })).toMatchObject({ ok: false, reason: 'missing' })
    expect(await snapshot()).toEqual(before)
  })

  it('refuses names, targets and descriptions that are not text a tag can have', () => {
    const problems = (schema: { safeParse: (raw: unknown) => { error?: { issues: { path: PropertyKey[] }[] } } }, raw: unknown) =>
      schema.safeParse(raw).error?.issues.map((issue) => issue.path[0])
    expect(problems(tagRenameSchema, { tagId: '1', name: '   ' })).toEqual(['name'])
    expect(problems(tagRenameSchema, { tagId: '1', name: '***' })).toEqual(['name'])
    expect(problems(tagRenameSchema, { tagId: '1', name: 'x'.repeat(61) })).toEqual(['name'])
    expect(problems(tagRenameSchema, { tagId: 'ports', name: 'Harbours' })).toEqual(['tagId'])
    expect(problems(tagMergeSchema, { tagId: '1', into: ' / ' })).toEqual(['into'])
    expect(problems(tagDescriptionSchema, { tagId: '1', description: 'x'.repeat(1001) })).toEqual(['description'])
    expect(tagMergeSchema.parse({ tagId: '3', into: ' /tags/Middle-East ' })).toEqual({ tagId: 3, into: 'middle-east' })
    expect(tagDescriptionSchema.parse({ tagId: '3', description: '  Ports.\r\n\r\nAnd harbours. ' })).toEqual({
      tagId: 3,
      description: 'Ports.\n\nAnd harbours.',
    })
  })

  it('records a description in the audit log, and shows it on the tag’s desk page with its old addresses', async () => {
    const ports = await tagId('ports')
    expect(await describeTag(db, newsroom.admin, { tagId: ports, description: 'Harbours and shipping.' })).toMatchObject({ ok: true })
    expect(await renameTag(db, newsroom.editor, { tagId: ports, name: 'Harbours' })).toMatchObject({ ok: true, stories: 2 })
    expect(await getTag(db, newsroom.editor, ports)).toMatchObject({
      ok: true,
      tag: { name: 'Harbours', slug: 'harbours', description: 'Harbours and shipping.', published: 1, stories: 2 },
      formerSlugs: ['ports'],
    })
    const [entry] = await db.select().from(auditEvents).where(eq(auditEvents.action, 'tag.describe'))
    expect(entry).toMatchObject({ actorId: newsroom.admin.id, detail: { tag: 'Ports', slug: 'ports' } })
  })
})

describe('tags typed by an old name', () => {
  it('files a story under the tag an old name was renamed or merged into, instead of making the old tag again', async () => {
    await db.insert(tags).values([
      { name: 'Quays', slug: 'quays' },
      { name: 'Docks', slug: 'docks' },
    ])
    expect(await mergeTags(db, newsroom.editor, { tagId: await tagId('quays'), into: 'docks' })).toMatchObject({ ok: true })
    expect(await renameTag(db, newsroom.editor, { tagId: await tagId('docks'), name: 'Wharves' })).toMatchObject({ ok: true })
    const draft = await makeStory(db, newsroom, { headline: 'New quay opens' })
    await editStory(db, newsroom.writer, draft, { tags: ['quays', 'Docks', 'Wharves', 'Cranes'] })
    const saved = await db.select({ tags: revisions.tags }).from(revisions).where(eq(revisions.articleId, draft)).orderBy(revisions.id)
    expect(saved.at(-1)?.tags).toEqual(['Wharves', 'Cranes'])
    const made = await db
      .select({ slug: tags.slug })
      .from(tags)
      .where(inArray(tags.slug, ['quays', 'docks', 'wharves', 'cranes']))
    expect(made.map((tag) => tag.slug).sort()).toEqual(['cranes', 'wharves'])
  })
})
