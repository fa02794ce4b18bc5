import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { articles, auditEvents, sectionRedirects, sections, slugHistory, userSections } from '@/db/schema'
import { makeStory, openTestNewsroom } from '@/test/newsroom'
import { listSectionTree, sectionChangeSchema, sectionCreateSchema } from './section-admin'
import { changeSection, createSection, reorderSection } from './section-changes'
import { retireSection } from './section-retire'

// The section tree as admins change it at /desk/admin/sections: each change, and each refusal,
// which leaves everything as it was.

const { db, newsroom } = await openTestNewsroom()
const { admin } = newsroom
const blank: { slug: string; parentId: number | null; description: string } = { slug: '', parentId: null, description: '' }

/** Everything a refused change could have touched. */
async function snapshot() {
  return {
    sections: await db.select().from(sections).orderBy(sections.id),
    redirects: await db.select().from(sectionRedirects).orderBy(sectionRedirects.path),
    history: await db.select().from(slugHistory).orderBy(slugHistory.path),
    articles: await db.select({ id: articles.id, sectionId: articles.sectionId }).from(articles).orderBy(articles.id),
    audit: await db.select().from(auditEvents).orderBy(auditEvents.id),
  }
}

async function created(name: string, fields: Partial<typeof blank> = {}): Promise<number> {
  const result = await createSection(db, admin, { name, ...blank, ...fields })
  if (!result.ok) throw new Error(result.message)
  return result.id
}

async function treePaths(): Promise<string[]> {
  const listed = await listSectionTree(db, admin)
  return listed.ok ? listed.sections.map((section) => section.path) : []
}

describe('changing the section tree', () => {
  it('creates a section under another, its address made from its name, last among its siblings', async () => {
    const regions = await created('Regions')
    const result = await createSection(db, admin, {
      name: 'Middle East',
      ...blank,
      parentId: regions,
      description: 'From Cairo to Tehran.',
    })
    expect(result).toMatchObject({ ok: true, path: '/regions/middle-east', keys: ['sections'] })
    expect(await treePaths()).toEqual(['/world', '/business', '/regions', '/regions/middle-east'])
    const [entry] = await db.select().from(auditEvents).where(eq(auditEvents.action, 'section.create')).orderBy(auditEvents.id).limit(1)
    expect(entry).toMatchObject({ actorId: admin.id, detail: { section: 'Regions', path: '/regions' } })
  })

  it('renames, describes and reorders a section', async () => {
    const europe = await created('Europe')
    const renamed = await changeSection(db, admin, {
      sectionId: europe,
      name: 'Europe & Russia',
      slug: 'europe',
      parentId: null,
      description: 'Our bureau in Vienna.',
    })
    expect(renamed).toMatchObject({ ok: true, path: '/europe', formerPath: '/europe' })
    expect(renamed.ok && renamed.keys.sort()).toEqual([`section-${europe}`, 'sections'])
    expect(await reorderSection(db, admin, { sectionId: europe, direction: 'up' })).toMatchObject({ ok: true })
    expect(await treePaths()).toEqual(['/world', '/business', '/europe', '/regions', '/regions/middle-east'])
    expect(await reorderSection(db, admin, { sectionId: newsroom.sectionId, direction: 'up' })).toEqual({
      ok: false,
      reason: 'invalid',
      message: '“World” is already first among its sections.',
    })
  })

  it('moves a section and everything in it, leaving its old addresses and its stories’ behind', async () => {
    const asia = await created('Asia')
    const china = await created('China', { parentId: asia })
    const story = await makeStory(db, newsroom, { headline: 'Rains flood the delta', sectionId: china })
    const moved = await changeSection(db, admin, {
      sectionId: asia,
      name: 'Asia',
      slug: 'asia-pacific',
      parentId: newsroom.sectionId,
      description: '',
    })
    expect(moved).toMatchObject({ ok: true, path: '/world/asia-pacific', formerPath: '/asia' })
    expect(moved.ok && moved.keys).toEqual(
      expect.arrayContaining(['sections', 'every-story', `story-${story}`, `section-${newsroom.sectionId}`]),
    )
    const redirects = await db.select().from(sectionRedirects).orderBy(sectionRedirects.path)
    expect(redirects.map(({ path, sectionId }) => ({ path, sectionId }))).toEqual([
      { path: '/asia', sectionId: asia },
      { path: '/asia/china', sectionId: china },
    ])
    const history = await db.select().from(slugHistory).where(eq(slugHistory.articleId, story))
    expect(history.map((row) => row.path)).toEqual(['/asia/china/rains-flood-the-delta'])
    const [entry] = await db.select().from(auditEvents).where(eq(auditEvents.action, 'section.change')).orderBy(auditEvents.id).offset(1)
    expect(entry).toMatchObject({ detail: { fromPath: '/asia', toPath: '/world/asia-pacific' } })
  })

  it('refuses a parent inside the section, a taken or reserved address, and bad input, changing nothing', async () => {
    const [asia] = await db.select().from(sections).where(eq(sections.slug, 'asia-pacific'))
    const [china] = await db.select().from(sections).where(eq(sections.slug, 'china'))
    if (!asia || !china) throw new Error('no asia')
    await makeStory(db, newsroom, { headline: 'Ferries', sectionId: newsroom.otherSectionId })
    const changes = [
      [
        { sectionId: asia.id, name: 'Asia', slug: 'asia-pacific', parentId: china.id, description: '' },
        '“Asia” cannot move under itself or under a section inside it: pick another parent.',
      ],
      [
        { sectionId: asia.id, name: 'Asia', slug: 'asia-pacific', parentId: asia.id, description: '' },
        '“Asia” cannot move under itself or under a section inside it: pick another parent.',
      ],
      [
        { sectionId: asia.id, name: 'Asia', slug: 'business', parentId: null, description: '' },
        'Another section, “Business”, already has the address /business: choose another.',
      ],
      [
        { sectionId: asia.id, name: 'Asia', slug: 'desk', parentId: null, description: '' },
        'The address /desk belongs to the site itself: choose another.',
      ],
      [
        { sectionId: asia.id, name: 'Asia', slug: 'ferries', parentId: newsroom.otherSectionId, description: '' },
        'A story already has the address /business/ferries: choose another.',
      ],
    ] as const
    const withStory = await snapshot()
    for (const [input, message] of changes)
      expect(await changeSection(db, admin, input)).toMatchObject({ ok: false, reason: 'invalid', message })
    for (const slug of ['search', 'media', 'tags', 'about', 'page']) {
      const answer = await createSection(db, admin, { name: 'Taken', ...blank, slug })
      expect(answer).toMatchObject({ ok: false, message: `The address /${slug} belongs to the site itself: choose another.` })
    }
    expect(sectionCreateSchema.safeParse({ name: ' ', ...blank }).error?.issues[0]?.message).toBe('Give the section a name.')
    expect(sectionChangeSchema.safeParse({ sectionId: asia.id, name: 'Asia', ...blank, slug: 'Feed.XML' }).error?.issues[0]?.message).toBe(
      'An address is lower-case letters, digits and single dashes, such as middle-east.',
    )
    expect(await snapshot()).toEqual(withStory)
  })

  it('retires an empty section, and one whose stories move to another; refuses one with sections under it or stories and nowhere to put them', async () => {
    const arts = await created('Arts')
    const film = await created('Film', { parentId: arts })
    const review = await makeStory(db, newsroom, { headline: 'A quiet triumph', sectionId: film })
    const before = await snapshot()
    expect(await retireSection(db, admin, { sectionId: arts, moveTo: null })).toMatchObject({
      ok: false,
      message: '“Arts” still has sections under it (“Film”): move or retire them first.',
    })
    expect(await retireSection(db, admin, { sectionId: film, moveTo: null })).toMatchObject({
      ok: false,
      message: '“Film” holds 1 story: choose a section to move them to.',
    })
    await db.insert(userSections).values({ userId: newsroom.editor.id, sectionId: film })
    expect(await retireSection(db, admin, { sectionId: film, moveTo: arts })).toMatchObject({
      ok: false,
      message: '1 person has “Film” as their section desk: change their desks at People first.',
    })
    await db.delete(userSections).where(eq(userSections.sectionId, film))
    expect(await snapshot()).toEqual(before)

    const retired = await retireSection(db, admin, { sectionId: film, moveTo: arts })
    expect(retired).toMatchObject({ ok: true, moved: 1, movedTo: '/arts' })
    expect(retired.ok && retired.keys).toEqual(expect.arrayContaining(['sections', `story-${review}`, `section-${arts}`]))
    const [story] = await db.select().from(articles).where(eq(articles.id, review))
    expect(story?.sectionId).toBe(arts)
    expect((await db.select().from(slugHistory).where(eq(slugHistory.articleId, review))).map((row) => row.path)).toEqual([
      '/arts/film/a-quiet-triumph',
    ])
    expect(await db.select({ path: sectionRedirects.path }).from(sectionRedirects).where(eq(sectionRedirects.sectionId, arts))).toEqual([
      { path: '/arts/film' },
    ])
    const empty = await created('Obituaries')
    expect(await retireSection(db, admin, { sectionId: empty, moveTo: null })).toMatchObject({ ok: true, moved: 0, movedTo: null })
    expect(await treePaths()).not.toContain('/obituaries')
    const [entry] = await db.select().from(auditEvents).where(eq(auditEvents.action, 'section.retire')).orderBy(auditEvents.id).limit(1)
    expect(entry).toMatchObject({ detail: { section: 'Film', path: '/arts/film', movedTo: 'Arts', stories: 1 } })
  })

  it('refuses anyone but an admin, changing nothing', async () => {
    const before = await snapshot()
    for (const actor of [newsroom.editor, newsroom.writer]) {
      for (const answer of [
        await listSectionTree(db, actor),
        await createSection(db, actor, { name: 'Sport', ...blank }),
        await changeSection(db, actor, { sectionId: newsroom.sectionId, name: 'Globe', ...blank }),
        await reorderSection(db, actor, { sectionId: newsroom.otherSectionId, direction: 'up' }),
        await retireSection(db, actor, { sectionId: newsroom.otherSectionId, moveTo: newsroom.sectionId }),
      ]) {
        expect(answer).toMatchObject({
          ok: false,
          reason: 'forbidden',
          message: 'Only administrators can create, change, reorder and retire sections.',
        })
      }
    }
    expect(await snapshot()).toEqual(before)
  })
})
