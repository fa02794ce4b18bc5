import { beforeAll, describe, expect, it } from 'vitest'
import { act, editStory, makeStory, storyIn } from '@/test/newsroom'
import { openReaderSite } from '@/test/reader-site'

// What readers see of a story as it is edited, taken down, put back and moved.

const { db, newsroom, tick, get, page, publishedStory, revise } = await openReaderSite()

describe('what readers never see', () => {
  const hidden = ['Zephyr', 'zephyr', 'Quasar', 'quasar', 'Nebula', 'nebula', 'Wombat', 'wombat', 'Okapi', 'okapi', '/authors/admin']
  const harbourPath = '/world/harbour-reopens'

  beforeAll(async () => {
    const { writer, editor, admin } = newsroom
    const draft = await makeStory(db, newsroom, { headline: 'Zephyr draft story', now: tick() })
    await editStory(db, writer, draft, { standfirst: 'Zephyr standfirst', tags: ['Zephyrtag'] }, { now: tick() })
    await storyIn(db, newsroom, 'in_review', { headline: 'Quasar review story', now: tick() })
    await storyIn(db, newsroom, 'scheduled', { headline: 'Nebula scheduled story', now: tick() })

    const harbour = await publishedStory('Harbour reopens', { standfirst: 'Ferries are back.', tags: ['Shipping'] })
    // Saved after publication and never published: readers still see the story as it went live.
    await revise(
      harbour,
      { headline: 'Harbour Wombat headline', standfirst: 'Wombat standfirst', tags: ['Wombattag'], bylines: [{ userId: admin.id }] },
      { publish: false },
    )
    const bridge = await publishedStory('Bridge opens')
    await editStory(db, editor, bridge, { headline: 'Bridge Okapi update' }, { now: tick() })
    await act(db, editor, bridge, 'submit', { now: tick() })
  })

  it('leaves drafts, stories in review, scheduled stories and unpublished edits off every list, feed and sitemap', async () => {
    const paths = [
      '/',
      '/world',
      '/authors/writer',
      '/tags/shipping',
      '/feed.xml',
      '/world/feed.xml',
      '/sitemap.xml',
      '/news-sitemap.xml',
      '/corrections',
    ]
    for (const path of paths) {
      const body = await page(path)
      for (const word of hidden) expect(body, `${word} on ${path}`).not.toContain(word)
    }
    expect(await page('/world')).toContain('Harbour reopens')
    expect(await page('/news-sitemap.xml')).toContain('Harbour reopens')
    expect(await page('/tags/shipping')).toContain('Harbour reopens')
  })

  it('shows a story with unpublished edits as it was published', async () => {
    const body = await page(harbourPath)
    expect(body).toContain('<h1>Harbour reopens</h1>')
    expect(body).toContain('Ferries are back.')
    for (const word of hidden) expect(body, word).not.toContain(word)
    expect(await page('/world/bridge-opens')).toContain('<h1>Bridge opens</h1>')
  })

  it('answers 404, not 410, at the address a story would have if it were published', async () => {
    for (const path of ['/world/zephyr-draft-story', '/world/quasar-review-story', '/world/nebula-scheduled-story']) {
      const answer = await get(path)
      expect(answer.status, path).toBe(404)
      expect(answer.body).toContain('Page not found')
      expect(answer.body).not.toContain('Zephyr')
    }
  })

  it('has no page for a tag or an author known only from unpublished work', async () => {
    for (const path of ['/tags/zephyrtag', '/tags/wombattag', '/authors/admin']) expect((await get(path)).status, path).toBe(404)
  })
})

describe('taking a story down and putting it back', () => {
  it('answers 410 while a story is unpublished and takes it off every list; republishing brings it back', async () => {
    const id = await publishedStory('Lighthouse closes for winter')
    const path = '/world/lighthouse-closes-for-winter'
    for (const listPath of ['/', '/world', '/feed.xml', '/world/feed.xml', '/sitemap.xml'])
      expect(await page(listPath), listPath).toContain(path)

    await act(db, newsroom.editor, id, 'unpublish', { now: tick() })
    const gone = await get(path)
    expect(gone.status).toBe(410)
    expect(gone.body).toContain('This story has been removed')
    expect(gone.body).toContain('<meta name="robots" content="noindex, nofollow">')
    expect(gone.body).not.toContain('Lighthouse closes')
    for (const listPath of ['/', '/world', '/feed.xml', '/world/feed.xml', '/sitemap.xml', '/news-sitemap.xml', '/authors/writer']) {
      expect(await page(listPath), listPath).not.toContain(path)
    }

    await act(db, newsroom.editor, id, 'republish', { now: tick() })
    expect(await page(path)).toContain('<h1>Lighthouse closes for winter</h1>')
    expect(await page('/')).toContain(path)
  })

  it('answers 410 at the old address of a story that moved and was then taken down', async () => {
    const id = await publishedStory('Dam inspection delayed')
    await revise(id, { slug: 'dam-inspection-postponed' }, { publish: true })
    expect((await get('/world/dam-inspection-delayed')).status).toBe(301)
    await act(db, newsroom.editor, id, 'unpublish', { now: tick() })
    expect((await get('/world/dam-inspection-delayed')).status).toBe(410)
    expect((await get('/world/dam-inspection-postponed')).status).toBe(410)
  })
})

describe('stories that move', () => {
  it('sends the old address to the new one once a slug change is published, and not before', async () => {
    const id = await publishedStory('Ferry timetable')
    await revise(id, { slug: 'ferry-timetable-changes' }, { publish: false })
    expect(await page('/world/ferry-timetable')).toContain('<h1>Ferry timetable</h1>')
    expect((await get('/world/ferry-timetable-changes')).status).toBe(404)

    await act(db, newsroom.editor, id, 'publish', { now: tick() })
    expect(await get('/world/ferry-timetable')).toMatchObject({ status: 301, location: '/world/ferry-timetable-changes', body: '' })
    expect(await page('/world/ferry-timetable-changes')).toContain('<h1>Ferry timetable</h1>')

    // A second move: every old address goes straight to the newest, with no chain of redirects.
    await revise(id, { slug: 'ferry-timetable-final' }, { publish: true })
    expect(await get('/world/ferry-timetable')).toMatchObject({ status: 301, location: '/world/ferry-timetable-final' })
    expect(await get('/world/ferry-timetable-changes')).toMatchObject({ status: 301, location: '/world/ferry-timetable-final' })
    expect((await get('/world/ferry-timetable-final')).status).toBe(200)
  })

  it('sends the old address to the new section once a section change is published', async () => {
    const id = await publishedStory('Port strike called off')
    await revise(id, { sectionId: newsroom.otherSectionId }, { publish: true })
    expect(await get('/world/port-strike-called-off')).toMatchObject({ status: 301, location: '/business/port-strike-called-off' })
    expect(await page('/business/port-strike-called-off')).toContain('<h1>Port strike called off</h1>')
    expect(await page('/business')).toContain('/business/port-strike-called-off')
    expect(await page('/world')).not.toContain('port-strike-called-off')
  })
})
