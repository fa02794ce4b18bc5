import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import sharp from 'sharp'
import { and, asc, eq, getTableName, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { verifyPassword } from '@/lib/passwords'
import { countWords, plainText } from '@/lib/rich-text-plain'
import {
  type RichTextNode,
  articleAuthors,
  articleStatus,
  articleTags,
  articles,
  media,
  notes,
  revisions,
  searchWords,
  sections,
  tags,
  users,
  workflowEvents,
} from '@/db/schema'
import { openTestDatabase } from '@/test/newsroom'
import { walk } from './builders'
import { listSitePages } from '@/lib/site-pages'
import { seedDemo } from './demo'
import { renditionWidths } from '@/lib/media/process'
import { LocalMediaStorage } from '@/lib/media/storage'
import { demoImages } from './images'

// The demo is seeded once: these tests only read it (and check that a second seed adds nothing).
const db = await openTestDatabase()
const storage = new LocalMediaStorage(fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-demo-media-')))
beforeAll(async () => {
  expect(await seedDemo(db, storage)).toEqual({ created: true })
})
afterAll(() => fs.rmSync(storage.root, { recursive: true, force: true }))

async function storyInSection(slug: string) {
  const [row] = await db
    .select({ article: articles })
    .from(articles)
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .where(eq(sections.slug, slug))
    .limit(1)
  if (!row) throw new Error(`no story in ${slug}`)
  return row.article
}

async function revision(id: number | null) {
  if (id === null) throw new Error('no revision id')
  const [row] = await db.select().from(revisions).where(eq(revisions.id, id))
  if (!row) throw new Error(`no revision ${id}`)
  return row
}

describe('the demo newsroom', () => {
  it('has the five demo accounts with their roles, all signing in with the demo password', async () => {
    const accounts = await db
      .select({
        email: users.email,
        role: users.role,
        slug: users.slug,
        hash: users.passwordHash,
        jobTitle: users.jobTitle,
        bio: users.bio,
      })
      .from(users)
    expect(Object.fromEntries(accounts.map((account) => [account.email, account.role]))).toEqual({
      'admin@copydesk.test': 'admin',
      'editor@copydesk.test': 'editor',
      'editor2@copydesk.test': 'editor',
      'writer@copydesk.test': 'writer',
      'writer2@copydesk.test': 'writer',
    })
    expect(accounts.every((account) => /^[a-z0-9-]+$/.test(account.slug))).toBe(true)
    // Their author pages have something to say about them.
    expect(accounts.every((account) => account.jobTitle !== '' && account.bio !== '')).toBe(true)
    expect(await verifyPassword(accounts[0]?.hash ?? null, 'copydesk-demo')).toBe(true)
  })

  it('files the regions under Regions, in order, beside the other top sections', async () => {
    const all = await db.select().from(sections).orderBy(asc(sections.position))
    const regions = all.find((section) => section.slug === 'regions')
    const top = all.filter((section) => section.parentId === null).map((section) => section.slug)
    const children = all.filter((section) => section.parentId === regions?.id).map((section) => section.slug)
    expect(top).toEqual(['regions', 'world', 'politics', 'business', 'opinion'])
    expect(children).toEqual(['middle-east', 'europe', 'americas', 'asia'])
  })

  it('has stories in every workflow status', async () => {
    const rows = await db.selectDistinct({ status: articles.status }).from(articles)
    expect(rows.map((row) => row.status).sort()).toEqual([...articleStatus.enumValues].sort())
  })

  it('gives the Middle East story an outside byline with an outlet and a staff byline', async () => {
    const story = await storyInSection('middle-east')
    const bylines = await db
      .select()
      .from(articleAuthors)
      .where(eq(articleAuthors.articleId, story.id))
      .orderBy(asc(articleAuthors.position))
    expect(bylines[0]).toMatchObject({ position: 0, userId: null, name: expect.any(String), outlet: expect.any(String) })
    expect(bylines[1]?.userId).toEqual(expect.any(Number))
  })

  it('gives a few published stories a dateline, the Middle East story among them', async () => {
    const story = await storyInSection('middle-east')
    expect((await revision(story.publishedRevisionId)).dateline).toBe('MARSA HALIM')
    const withDateline = await db
      .select({ id: revisions.id })
      .from(revisions)
      .where(sql`${revisions.dateline} <> ''`)
    expect(withDateline.length).toBeGreaterThanOrEqual(3)
  })

  it('gives the Middle East story a lead photo with an agency credit and about a thousand words', async () => {
    const story = await storyInSection('middle-east')
    const live = await revision(story.publishedRevisionId)
    const [lead] = await db
      .select()
      .from(media)
      .where(eq(media.id, live.leadMediaId ?? -1))
    expect(lead?.credit).toMatch(/^[A-Z]+ [A-Z]+\/[A-Z ]+$/)
    expect(lead?.caption.length).toBeGreaterThan(120)
    expect(live.wordCount).toBeGreaterThanOrEqual(900)
    expect(live.wordCount).toBeLessThanOrEqual(1200)
  })

  it('puts an attributed agency quote and a captioned map, linked to its media row, in the Middle East story', async () => {
    const story = await storyInSection('middle-east')
    const nodes = [...walk((await revision(story.publishedRevisionId)).body)]
    const quote = nodes.find((node) => node.type === 'blockquote')
    expect(String(quote?.attrs?.attribution)).toMatch(/Agency/)
    const map = nodes.find((node: RichTextNode) => node.type === 'figure' && node.attrs?.kind === 'map')
    expect(map?.attrs?.caption).toEqual(expect.stringMatching(/\w+/))
    const [mapMedia] = await db
      .select()
      .from(media)
      .where(eq(media.id, Number(map?.attrs?.mediaId)))
    expect(map?.attrs?.src).toMatch(/^\/media\/[0-9a-f]{2}\/[0-9a-f]{64}-\d+\.webp$/)
    expect(mapMedia?.variants.map((variant) => storage.url(variant.key))).toContain(map?.attrs?.src)
  })

  it('points every published story at a published revision of its own', async () => {
    const live = await db
      .select({ article: articles.id, owner: revisions.articleId, kind: revisions.kind, publishedAt: articles.publishedAt })
      .from(articles)
      .innerJoin(revisions, eq(revisions.id, articles.publishedRevisionId))
      .where(eq(articles.status, 'published'))
    const published = await db.$count(articles, eq(articles.status, 'published'))
    expect(live).toHaveLength(published)
    for (const row of live) {
      expect(row.owner).toBe(row.article)
      expect(row.kind).toBe('published')
      expect(row.publishedAt?.getTime()).toBeLessThan(Date.now())
    }
  })

  it('has a published story whose current revision is a newer, unpublished draft', async () => {
    const rows = await db
      .select({ current: articles.currentRevisionId, published: articles.publishedRevisionId })
      .from(articles)
      .where(and(eq(articles.status, 'published'), sql`${articles.currentRevisionId} > ${articles.publishedRevisionId}`))
    expect(rows).toHaveLength(1)
  })

  it('schedules the scheduled story for the future', async () => {
    const [scheduled] = await db.select().from(articles).where(eq(articles.status, 'scheduled'))
    expect(scheduled?.scheduledAt?.getTime()).toBeGreaterThan(Date.now())
  })

  it('stores each revision’s plain text and word count, numbered from 1, the last one current', async () => {
    const all = await db.select().from(revisions).orderBy(asc(revisions.articleId), asc(revisions.number))
    for (const row of all) {
      expect(row.bodyText).toBe(plainText(row.body))
      expect(row.wordCount).toBe(countWords(row.bodyText))
    }
    const stories = await db.select().from(articles)
    for (const story of stories) {
      const own = all.filter((row) => row.articleId === story.id)
      expect(own.map((row) => row.number)).toEqual(own.map((_, index) => index + 1))
      expect(story.currentRevisionId).toBe(own.at(-1)?.id)
    }
  })

  it('gives every revision its story’s section, slug, bylines and tags, and its lead image’s caption and credit', async () => {
    const rows = await db
      .select({ revision: revisions, article: articles, caption: media.caption, credit: media.credit })
      .from(revisions)
      .innerJoin(articles, eq(articles.id, revisions.articleId))
      .leftJoin(media, eq(media.id, revisions.leadMediaId))
    const authors = await db.select().from(articleAuthors).orderBy(asc(articleAuthors.position))
    const tagged = await db
      .select({ articleId: articleTags.articleId, name: tags.name })
      .from(articleTags)
      .innerJoin(tags, eq(tags.id, articleTags.tagId))
    for (const { revision, article, caption, credit } of rows) {
      expect(revision).toMatchObject({
        sectionId: article.sectionId,
        slug: article.slug,
        leadCaption: caption ?? '',
        leadCredit: credit ?? '',
      })
      expect(revision.updatedAt).toEqual(revision.createdAt)
      const bylines = authors
        .filter((author) => author.articleId === article.id)
        .map((author) => (author.userId === null ? { name: author.name, outlet: author.outlet } : { userId: author.userId }))
      expect(revision.bylines).toEqual(bylines)
      expect([...revision.tags].sort()).toEqual(
        tagged
          .filter((tag) => tag.articleId === article.id)
          .map((tag) => tag.name)
          .sort(),
      )
    }
  })

  it('records a workflow history that starts from nothing and ends at each story’s status', async () => {
    const stories = await db.select().from(articles)
    const events = await db.select().from(workflowEvents).orderBy(asc(workflowEvents.createdAt), asc(workflowEvents.id))
    for (const story of stories) {
      const own = events.filter((event) => event.articleId === story.id)
      expect(own[0]?.fromStatus).toBeNull()
      own.slice(1).forEach((event, index) => expect(event.fromStatus).toBe(own[index]?.toStatus))
      expect(own.at(-1)?.toStatus).toBe(story.status)
    }
  })

  it('leaves an editor’s note with a reply on the story sent back for changes', async () => {
    const [story] = await db.select().from(articles).where(eq(articles.status, 'changes_requested'))
    const thread = await db
      .select()
      .from(notes)
      .where(eq(notes.articleId, story?.id ?? -1))
      .orderBy(asc(notes.createdAt))
    const [note, reply] = thread
    expect(note?.parentId).toBeNull()
    expect(note?.body.length).toBeGreaterThan(50)
    expect(reply?.parentId).toBe(note?.id)
  })

  it('stores each drawn image as an upload would be: a raster with WebP and AVIF renditions, its size, and files that exist', async () => {
    const rows = await db.select().from(media)
    expect(rows).toHaveLength(Object.keys(demoImages).length)
    for (const row of rows) {
      const drawing = Object.values(demoImages).find((image) => image.alt === row.alt)
      expect(row).toMatchObject({ mimeType: 'image/jpeg', width: drawing?.width, height: drawing?.height, uploadedBy: expect.any(Number) })
      expect(row.contentHash).toMatch(/^[0-9a-f]{64}$/)
      expect(new Set(row.variants.map((variant) => variant.format))).toEqual(new Set(['avif', 'webp', 'jpeg']))
      expect(row.variants.filter((variant) => variant.format === 'webp').map((variant) => variant.width)).toEqual(
        renditionWidths(row.width),
      )
      for (const key of [row.storageKey, ...row.variants.map((variant) => variant.key)]) expect(await storage.get(key)).not.toBeNull()
    }
  })

  it('stores the demo images without metadata', async () => {
    const [row] = await db.select().from(media).limit(1)
    const file = await storage.get(row?.storageKey ?? '')
    const metadata = await sharp(file ?? Buffer.alloc(0)).metadata()
    expect(metadata.format).toBe('jpeg')
    expect([metadata.exif, metadata.xmp, metadata.iptc, metadata.icc]).toEqual([undefined, undefined, undefined, undefined])
  })

  it('tags the stories', async () => {
    const untagged = await db
      .select({ id: articles.id })
      .from(articles)
      .leftJoin(articleTags, eq(articleTags.articleId, articles.id))
      .where(sql`${articleTags.tagId} is null`)
    expect(untagged).toEqual([])
    expect(await db.$count(tags)).toBeGreaterThan(5)
  })

  it('has its own standing pages, and the words "did you mean" suggests from its published stories', async () => {
    const pages = await listSitePages(db)
    expect(pages.map((page) => page.slug)).toEqual(['about', 'contact', 'corrections-policy', 'ethics', 'terms', 'privacy'])
    for (const page of pages) expect(page.body.split('\n\n').length, page.slug).toBeGreaterThan(2)
    const words = (await db.select().from(searchWords)).map((row) => row.word)
    expect(words).toEqual(expect.arrayContaining(['harbour', 'fishermen', 'sleeper', 'calloway', 'library']))
    // Not from stories readers cannot see (the draft about the boundary review).
    expect(words).not.toContain('boundary')
  })

  it('adds nothing when seeded again', async () => {
    const tables = [users, sections, tags, media, articles, revisions, articleAuthors, articleTags, workflowEvents, notes]
    const count = async () =>
      Object.fromEntries(await Promise.all(tables.map(async (table) => [getTableName(table), await db.$count(table)])))
    const before = await count()
    expect(await seedDemo(db)).toEqual({ created: false })
    expect(await count()).toEqual(before)
  })
})
