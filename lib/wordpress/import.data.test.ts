import fs from 'node:fs/promises'
import path from 'node:path'
import { asc, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { type RichTextNode, media, sections, tags, users } from '@/db/schema'
import { saveArticle } from '@/lib/article-drafts'
import { articleInputSchema } from '@/lib/article-input'
import { updateMediaDetails } from '@/lib/media/library'
import { findStoryAt } from '@/lib/public-articles'
import { sectionTrails, storyPath } from '@/lib/sections'
import { transition } from '@/lib/transitions'
import { openImportTest, wordpressFixtures } from '@/test/wordpress-import'

const exportFile = path.join(wordpressFixtures, 'export.xml')
const { db, newsroom, root, run, tableCounts, storyOf } = await openImportTest()

function nodesOf(content: readonly RichTextNode[] | undefined, type: string): RichTextNode[] {
  return (content ?? []).flatMap((node) => [...(node.type === type ? [node] : []), ...nodesOf(node.content, type)])
}

describe('importing a WordPress export', () => {
  it('a dry run prints the report and changes nothing', async () => {
    const before = await tableCounts()
    const report = await run({ dryRun: true })

    expect(report.total('stories', 'created')).toBe(7)
    expect(report.lines({ dryRun: true })[0]).toMatch(/^Dry run: nothing was changed/)
    expect(await tableCounts()).toEqual(before)
    expect(await fs.readdir(root)).toEqual([])
  })

  it('makes the section tree, tags, people, images, stories and redirects, and reports what it could not convert', async () => {
    const report = await run()

    expect(report.lines({ dryRun: false }).slice(0, 6)).toEqual([
      'sections: 3 created, 0 updated, 1 unchanged, 0 skipped',
      'tags: 3 created, 0 updated, 0 unchanged, 0 skipped',
      'people: 3 created, 0 updated, 0 unchanged, 0 skipped',
      'images: 4 created, 0 updated, 0 unchanged, 0 skipped',
      'stories: 7 created, 0 updated, 0 unchanged, 0 skipped',
      'redirects: 2 created, 0 updated, 0 unchanged, 0 skipped',
    ])
    expect(report.problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^post 202 .*an embed from social\.example\.com .* it became a link$/),
        expect.stringMatching(/^post 205 .*private in WordPress: it is a draft here/),
        expect.stringMatching(/^post 206 .*pending review in WordPress: it is in review here/),
        expect.stringMatching(/^page 301 .*pages are not imported/),
        expect.stringMatching(/^1 item of type “nav_menu_item”/),
        expect.stringMatching(/^author 4 .*archive@wordpress-import\.invalid/),
        expect.stringMatching(/^post 202 .*its 1 comment was not imported/),
        expect.stringMatching(/^post 207 .*password-protected in WordPress: it is a draft here/),
      ]),
    )

    const tree = await sectionTrails(db)
    const paths = [...tree.values()].map((trail) => trail.at(-1)?.path).sort()
    expect(paths).toEqual(['/business', '/river-towns', '/world', '/world/europe', '/world/europe/baltic'])
    const [world] = await db.select().from(sections).where(eq(sections.slug, 'world'))
    expect(world?.id).toBe(newsroom.sectionId)

    const tagNames = (await db.select({ name: tags.name }).from(tags).orderBy(asc(tags.name))).map((tag) => tag.name)
    expect(tagNames).toEqual(['Council', 'Flood defences', 'Shipping'])

    const people = await db.select().from(users).where(eq(users.role, 'writer')).orderBy(asc(users.name))
    const imported = people.filter((person) => !person.email.endsWith('@example.test'))
    expect(imported.map(({ name, email, isDisabled, passwordHash }) => ({ name, email, isDisabled, passwordHash }))).toEqual([
      { name: 'Archive Desk', email: 'archive@wordpress-import.invalid', isDisabled: true, passwordHash: '' },
      { name: 'Jonas Brandt', email: 'jonas.brandt@gazette.example.org', isDisabled: true, passwordHash: '' },
      { name: 'Mira Okafor', email: 'mira.okafor@gazette.example.org', isDisabled: true, passwordHash: '' },
    ])
  })

  it('keeps each post’s status and time, its words, figures, embeds, quotes and lead image', async () => {
    const published = await storyOf('201')
    expect(published.article.status).toBe('published')
    expect(published.article.firstPublishedAt?.toISOString()).toBe('2024-05-12T08:30:00.000Z')
    expect(published.article.publishedRevisionId).toBe(published.revision.id)
    expect(published.revision.headline).toBe('Grain terminal reopens after the spring storms')
    expect(published.revision.standfirst).toBe('Ships are back at the north quay after six weeks of dredging.')
    expect(published.revision.tags).toEqual(['Shipping', 'Flood defences'])
    const [mira] = await db.select().from(users).where(eq(users.name, 'Mira Okafor'))
    expect(published.revision.bylines).toEqual([{ userId: mira?.id }])

    const body = published.revision.body.content ?? []
    expect(body.map((node) => node.type)).toEqual([
      'paragraph',
      'heading',
      'blockquote',
      'pullQuote',
      'figure',
      'horizontalRule',
      'bulletList',
      'embed',
      'figure',
      'figure',
      'paragraph',
    ])
    expect(body[2]?.attrs).toEqual({ attribution: 'Ilse Varga, harbour master' })
    expect(body[3]?.content?.[0]?.text).toBe('Six weeks without a ship is a long time for a port town. — A quayside café owner')
    expect(body[7]?.attrs).toMatchObject({
      url: 'https://www.youtube.com/watch?v=aBcDeFgHiJk',
      provider: 'youtube',
      caption: 'The first ship comes in.',
    })

    const [lead] = await db
      .select()
      .from(media)
      .where(eq(media.id, published.revision.leadMediaId ?? 0))
    expect(lead).toMatchObject({ alt: 'Two red tugboats pushing a cargo ship at dawn', credit: 'Mira Okafor / Estuary Gazette' })
    expect(lead?.caption).toBe('Two tugs ease a grain ship off the north quay.')
    expect(published.revision.leadCredit).toBe('Mira Okafor / Estuary Gazette')
    const crowd = nodesOf(body, 'figure')[2]
    expect(crowd?.attrs).toMatchObject({
      alt: 'People lining a concrete embankment',
      caption: 'The embankment on Sunday.',
      credit: 'Jonas Brandt',
    })
    expect(crowd?.attrs?.src).toMatch(/^\/media\//)

    const classic = await storyOf('202')
    const classicBody = classic.revision.body.content ?? []
    expect(classicBody.map((node) => node.type)).toEqual([
      'paragraph',
      'figure',
      'embed',
      'heading',
      'paragraph',
      'paragraph',
      'figure',
      'figure',
    ])
    expect(classicBody[1]?.attrs).toMatchObject({
      caption: 'Residents followed the vote from the embankment.',
      alt: 'Residents on the embankment',
    })
    expect(nodesOf(classicBody, 'hardBreak')).toHaveLength(1)

    expect((await storyOf('203')).article.status).toBe('draft')
    const scheduled = await storyOf('204')
    expect(scheduled.article.status).toBe('scheduled')
    expect(scheduled.article.scheduledAt?.toISOString()).toBe('2030-03-01T07:00:00.000Z')
    expect(scheduled.revision.bylines).toEqual([{ name: 'Hanna Lind', outlet: 'The Estuary Gazette' }])
    expect((await storyOf('205')).article.status).toBe('draft')
    expect((await storyOf('206')).article.status).toBe('in_review')
    expect((await storyOf('207')).article.status).toBe('draft')
  })

  it('makes the old permalinks of published posts answer with a move to the new address', async () => {
    const story = await storyOf('201')
    const trails = await sectionTrails(db)
    const found = await findStoryAt(db, ['2024', '05', '12', 'grain-terminal-reopens'])

    expect(found).toEqual({ kind: 'moved', to: storyPath(trails, story.article.sectionId, story.article.slug) })
    expect(storyPath(trails, story.article.sectionId, story.article.slug)).toBe('/world/europe/baltic/grain-terminal-reopens')
    expect(await findStoryAt(db, ['2024', '04', '20', 'election-rota'])).toBeNull()
  })

  it('a second run creates nothing new, and a post changed in WordPress since is updated', async () => {
    const before = await tableCounts()
    const again = await run()

    expect(again.lines({ dryRun: false }).slice(0, 6)).toEqual([
      'sections: 0 created, 0 updated, 4 unchanged, 0 skipped',
      'tags: 0 created, 0 updated, 3 unchanged, 0 skipped',
      'people: 0 created, 0 updated, 3 unchanged, 0 skipped',
      'images: 0 created, 0 updated, 4 unchanged, 0 skipped',
      'stories: 0 created, 0 updated, 7 unchanged, 0 skipped',
      'redirects: 0 created, 0 updated, 0 unchanged, 0 skipped',
    ])
    expect(await tableCounts()).toEqual(before)

    const changed = path.join(root, 'changed.xml')
    const text = await fs.readFile(exportFile, 'utf8')
    await fs.writeFile(changed, text.replace('Council votes to raise the flood wall', 'Council votes to raise the flood wall by 40 cm'))
    const updated = await run({ file: changed })

    expect(updated.total('stories', 'updated')).toBe(1)
    expect(updated.total('stories', 'created')).toBe(0)
    const story = await storyOf('202')
    expect(story.revision.headline).toBe('Council votes to raise the flood wall by 40 cm')
    expect(story.article.publishedRevisionId).toBe(story.revision.id)
    expect(story.article.firstPublishedAt?.toISOString()).toBe('2024-06-03T17:45:00.000Z')
  })
})

describe('old addresses of one part', () => {
  it('lead to the story too, unless the site keeps the address for itself', async () => {
    const moved = path.join(root, 'postname.xml')
    const text = await fs.readFile(exportFile, 'utf8')
    await fs.writeFile(
      moved,
      text
        .replace('https://gazette.example.org/2024/06/03/council-flood-wall/', 'https://gazette.example.org/council-flood-wall/')
        .replace('https://gazette.example.org/2024/05/12/grain-terminal-reopens/', 'https://gazette.example.org/search/'),
    )
    const report = await run({ file: moved })

    expect(report.total('redirects', 'created')).toBe(1)
    expect(report.problems).toContainEqual(
      expect.stringMatching(/^post 201 .*its old address \/search\/ belongs to the site itself here: no redirect$/),
    )
    const story = await storyOf('202')
    const to = storyPath(await sectionTrails(db), story.article.sectionId, story.article.slug)
    expect(await findStoryAt(db, ['council-flood-wall'])).toEqual({ kind: 'moved', to })
    expect(await findStoryAt(db, ['no-such-story'])).toBeNull()
  })
})

describe('what the newsroom changed since the last import', () => {
  it('stands while the item is unchanged in WordPress, and gives way to a change made there', async () => {
    const draft = await storyOf('203')
    const edited = await saveArticle(
      db,
      newsroom.admin,
      draft.article.id,
      { ...articleInputSchema.parse({ ...draft.revision, headline: 'Winter ferry timetable' }), body: draft.revision.body },
      { baseVersion: draft.article.version, kind: 'save' },
    )
    expect(edited.ok).toBe(true)
    const lead = (await storyOf('201')).revision.leadMediaId ?? 0
    expect((await updateMediaDetails(db, newsroom.admin, lead, { alt: 'Tugboats at the north quay' })).ok).toBe(true)

    const again = await run()

    expect(again.total('stories', 'updated')).toBe(0)
    expect((await storyOf('203')).revision.headline).toBe('Winter ferry timetable')
    const [kept] = await db.select({ alt: media.alt }).from(media).where(eq(media.id, lead))
    expect(kept?.alt).toBe('Tugboats at the north quay')

    const changed = path.join(root, 'alt-changed.xml')
    const text = await fs.readFile(exportFile, 'utf8')
    await fs.writeFile(changed, text.replace('Two red tugboats pushing a cargo ship at dawn', 'Two tugboats and a grain ship at dawn'))
    const updated = await run({ file: changed })

    expect(updated.total('images', 'updated')).toBe(1)
    const [now] = await db.select({ alt: media.alt }).from(media).where(eq(media.id, lead))
    expect(now?.alt).toBe('Two tugboats and a grain ship at dawn')
  })
})

describe('a story the newsroom moved on since the last import', () => {
  it('stays where the newsroom put it, and the report says so', async () => {
    const story = await storyOf('201')
    const unpublished = await transition(db, newsroom.admin, story.article.id, 'unpublish', {
      baseVersion: story.article.version,
      note: 'Legal review.',
    })
    expect(unpublished.ok).toBe(true)
    const changed = path.join(root, 'unpublished.xml')
    const text = await fs.readFile(exportFile, 'utf8')
    await fs.writeFile(changed, text.replace('Grain terminal reopens after the spring storms', 'Grain terminal reopens'))

    const report = await run({ file: changed })

    expect(report.total('stories', 'updated')).toBe(1)
    expect(report.problems).toContainEqual(
      expect.stringMatching(/^post 201 .*it stays “Unpublished” here, where the newsroom moved it since the last import$/),
    )
    const after = await storyOf('201')
    expect(after.article.status).toBe('unpublished')
    expect(after.revision.headline).toBe('Grain terminal reopens')
  })
})
