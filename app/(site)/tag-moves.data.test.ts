import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { articleTags, auditEvents, revisions, tags } from '@/db/schema'
import { mergeTags, renameTag } from '@/lib/tag-changes'
import { describeTag } from '@/lib/tags'
import { editStory, makeStory } from '@/test/newsroom'
import { openReaderSite } from '@/test/reader-site'

// Tags renamed and merged in the desk (lib/tag-changes.ts), as readers then find them: stories
// name the live tag, and every old address answers 301 to its page.

const { db, newsroom, get, page, publishedStory } = await openReaderSite()
const ids = { coast: 0, river: 0, storm: 0, dam: 0 }

async function tagId(slug: string): Promise<number> {
  const [tag] = await db.select({ id: tags.id }).from(tags).where(eq(tags.slug, slug))
  if (!tag) throw new Error(`no tag ${slug}`)
  return tag.id
}

async function newestTags(articleId: number): Promise<string[]> {
  const rows = await db.select({ id: revisions.id, tags: revisions.tags }).from(revisions).where(eq(revisions.articleId, articleId))
  return rows.sort((a, b) => b.id - a.id)[0]?.tags ?? []
}

async function expectMoved(from: string, to: string): Promise<void> {
  const answer = await get(from)
  expect(answer.status, from).toBe(301)
  expect(answer.location, from).toBe(to)
}

beforeAll(async () => {
  ids.coast = await publishedStory('Floods hit the coast', { tags: ['Flooding', 'Weather'] })
  ids.river = await publishedStory('River bursts its banks', { tags: ['flooding'] })
  ids.storm = await publishedStory('Storm warning issued', { tags: ['Floods', 'Weather'] })
  ids.dam = await makeStory(db, newsroom, { headline: 'Dam plans drawn up' })
  await editStory(db, newsroom.writer, ids.dam, { tags: ['Flooding'] })
})

describe('a renamed tag', () => {
  it('is the name every story carries, and its old address leads to its new page', async () => {
    const renamed = await renameTag(db, newsroom.editor, { tagId: await tagId('flooding'), name: 'Flood defences' })
    expect(renamed).toMatchObject({ ok: true, slug: 'flood-defences', formerSlug: 'flooding', stories: 3 })

    await expectMoved('/tags/flooding', '/tags/flood-defences')
    const tagPage = await page('/tags/flood-defences')
    expect(tagPage).toContain('<h1>Flood defences</h1>')
    expect(tagPage).toContain('/world/floods-hit-the-coast')
    expect(tagPage).toContain('/world/river-bursts-its-banks')
    const story = await page('/world/floods-hit-the-coast')
    expect(story).toContain('href="/tags/flood-defences">Flood defences</a>')
    expect(story).not.toContain('Flooding')
    // Every spelling became the new name, and a draft saved later keeps it.
    expect(await newestTags(ids.river)).toEqual(['Flood defences'])
    expect(await newestTags(ids.dam)).toEqual(['Flood defences'])

    const [entry] = await db.select().from(auditEvents).where(eq(auditEvents.action, 'tag.rename'))
    expect(entry).toMatchObject({ actorId: newsroom.editor.id, detail: { from: 'Flooding', to: 'Flood defences', stories: 3 } })
  })

  it('renamed again, leads from every old address to the live one in one hop, later pages included', async () => {
    expect(await renameTag(db, newsroom.admin, { tagId: await tagId('flood-defences'), name: 'Coastal flooding' })).toMatchObject({
      ok: true,
    })
    await expectMoved('/tags/flooding', '/tags/coastal-flooding')
    await expectMoved('/tags/flood-defences', '/tags/coastal-flooding')
    await expectMoved('/tags/flooding/page/2', '/tags/coastal-flooding/page/2')
    expect(await page('/tags/coastal-flooding')).toContain('/world/river-bursts-its-banks')
  })

  it('takes back an old address when it takes back its old name', async () => {
    const id = await tagId('coastal-flooding')
    expect(await renameTag(db, newsroom.editor, { tagId: id, name: 'Flooding' })).toMatchObject({ ok: true, slug: 'flooding' })
    expect(await page('/tags/flooding')).toContain('<h1>Flooding</h1>')
    await expectMoved('/tags/coastal-flooding', '/tags/flooding')
    await expectMoved('/tags/flood-defences', '/tags/flooding')
  })
})

describe('a merged tag', () => {
  it('leaves each of its stories carrying the other tag once, and every address it had leads to the other’s page', async () => {
    const merged = await mergeTags(db, newsroom.editor, { tagId: await tagId('flooding'), into: 'floods' })
    expect(merged).toMatchObject({ ok: true, from: 'Flooding', into: { name: 'Floods', slug: 'floods' }, stories: 3 })

    for (const old of ['/tags/flooding', '/tags/flood-defences', '/tags/coastal-flooding']) await expectMoved(old, '/tags/floods')
    const floods = await page('/tags/floods')
    for (const path of ['/world/floods-hit-the-coast', '/world/river-bursts-its-banks', '/world/storm-warning-issued']) {
      expect(floods).toContain(path)
    }
    expect(await newestTags(ids.coast)).toEqual(['Floods', 'Weather'])
    expect(await newestTags(ids.dam)).toEqual(['Floods'])
    expect(await db.select().from(tags).where(eq(tags.slug, 'flooding'))).toEqual([])
    const floodsId = await tagId('floods')
    expect(await db.select({ tagId: articleTags.tagId }).from(articleTags).where(eq(articleTags.articleId, ids.coast))).toContainEqual({
      tagId: floodsId,
    })
    const [entry] = await db.select().from(auditEvents).where(eq(auditEvents.action, 'tag.merge'))
    expect(entry).toMatchObject({ actorId: newsroom.editor.id, detail: { from: 'Flooding', into: 'Floods', stories: 3 } })
  })

  it('is not carried twice by a story that had both tags', async () => {
    const both = await publishedStory('Gales and rain', { tags: ['Gales', 'Weather', 'gales'] })
    expect(await mergeTags(db, newsroom.admin, { tagId: await tagId('weather'), into: 'gales' })).toMatchObject({ ok: true })
    expect(await newestTags(both)).toEqual(['Gales'])
    expect(await newestTags(ids.storm)).toEqual(['Floods', 'Gales'])
    await expectMoved('/tags/weather', '/tags/gales')
  })
})

describe('a tag’s description', () => {
  it('is shown on its page, reached from an old address too', async () => {
    const described = await describeTag(db, newsroom.editor, {
      tagId: await tagId('floods'),
      description: 'Rising water on the coast and inland.\n\nOur reporting since 2020.',
    })
    expect(described).toMatchObject({ ok: true, name: 'Floods' })
    const { location } = await get('/tags/flooding')
    const floods = await page(location ?? '')
    expect(floods).toContain('<p>Rising water on the coast and inland.</p><p>Our reporting since 2020.</p>')
    expect(floods).toContain('<meta name="description" content="Rising water on the coast and inland.">')
  })
})
