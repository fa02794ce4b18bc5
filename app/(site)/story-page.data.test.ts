import { beforeAll, describe, expect, it } from 'vitest'
import { act, docOf, editStory, makeStory } from '@/test/newsroom'
import { getStoryPreview } from '@/lib/public-articles'
import { site, textOf, part, hrefs, jsonLd, openReaderSite } from '@/test/reader-site'

// A story's page: what it shows, what it tells search engines, and how it escapes what the newsroom typed.

const { db, newsroom, sectionIds, tick, get, page, publishedStory, revise } = await openReaderSite()

describe('a story page', () => {
  const path = '/regions/middle-east/ceasefire-talks-resume-in-doha'
  let firstPublishedAt: Date
  let updatedAt: Date

  beforeAll(async () => {
    firstPublishedAt = tick()
    const { writer, writer2, editor } = newsroom
    const id = await makeStory(db, newsroom, {
      headline: 'Ceasefire talks resume in Doha',
      sectionId: sectionIds.middleEast,
      now: firstPublishedAt,
    })
    await editStory(
      db,
      writer,
      id,
      {
        standfirst: 'Negotiators return after a week away.',
        body: docOf('Delegations arrived on Sunday.'),
        tags: ['Diplomacy', 'Qatar'],
        bylines: [{ userId: writer.id }, { userId: writer2.id }, { name: 'Rania Salem', outlet: 'Delta Weekly' }],
      },
      { now: firstPublishedAt },
    )
    await act(db, writer, id, 'submit', { now: firstPublishedAt })
    await act(db, editor, id, 'publish', { now: firstPublishedAt })
    updatedAt = tick()
    await editStory(db, editor, id, { body: docOf('Delegations arrived on Sunday.', 'A second round starts today.') }, { now: updatedAt })
    await act(db, editor, id, 'publish', { now: updatedAt })
  })

  it('answers 200 with the headline, the standfirst and the body', async () => {
    const answer = await get(path)
    expect(answer.status).toBe(200)
    expect(answer.contentType).toBe('text/html; charset=utf-8')
    expect(answer.body).toContain('<h1>Ceasefire talks resume in Doha</h1>')
    expect(answer.body).toContain('<p class="standfirst">Negotiators return after a week away.</p>')
    expect(answer.body).toContain('A second round starts today.')
    expect(answer.body).toContain('<title>Ceasefire talks resume in Doha · The Ledger</title>')
  })

  it('shows the breadcrumb from Home through the parent section to the section', async () => {
    const crumbs = part(await page(path), /<nav class="breadcrumb"[\s\S]*?<\/nav>/)
    expect(hrefs(crumbs)).toEqual(['/', '/regions', '/regions/middle-east'])
    expect(textOf(crumbs)).toBe('HomeRegionsMiddle East')
    expect(crumbs).toContain('<a href="/regions/middle-east" aria-current="page">Middle East</a>')
  })

  it('credits several authors as a sentence, staff linked to their page and an outside contributor with their outlet', async () => {
    const byline = part(await page(path), /<p class="byline">[\s\S]*?<\/p>/)
    expect(textOf(byline)).toBe('By Writer Person, Writer2 Person and Rania Salem / Delta Weekly')
    expect(hrefs(byline)).toEqual(['/authors/writer', '/authors/writer2'])
  })

  it('dates the story with machine-readable times, first publication and update', async () => {
    const dateline = part(await page(path), /<p class="dateline">[\s\S]*?<\/p>/)
    expect(dateline).toContain(`<time datetime="${firstPublishedAt.toISOString()}">`)
    expect(dateline).toContain(`Updated <time datetime="${updatedAt.toISOString()}">`)
  })

  it('links each tag to its page', async () => {
    const tagList = part(await page(path), /<section class="tags"[\s\S]*?<\/section>/)
    expect(tagList).toContain('<a href="/tags/diplomacy">Diplomacy</a>')
    expect(tagList).toContain('<a href="/tags/qatar">Qatar</a>')
  })

  it('describes the story to search engines in JSON-LD', async () => {
    const { data } = jsonLd(await page(path))
    expect(data).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'Ceasefire talks resume in Doha',
      description: 'Negotiators return after a week away.',
      url: `${site}${path}`,
      datePublished: firstPublishedAt.toISOString(),
      dateModified: updatedAt.toISOString(),
      author: [
        { '@type': 'Person', name: 'Writer Person', url: `${site}/authors/writer` },
        { '@type': 'Person', name: 'Writer2 Person', url: `${site}/authors/writer2` },
        { '@type': 'Person', name: 'Rania Salem', affiliation: { '@type': 'Organization', name: 'Delta Weekly' } },
      ],
      publisher: { '@type': 'NewsMediaOrganization', name: 'Ledger Media', url: site },
      articleSection: 'Regions › Middle East',
      keywords: 'Diplomacy, Qatar',
    })
  })

  it('names its canonical address and link preview, and loads no script file', async () => {
    const body = await page(path)
    expect(body).toContain(`<link rel="canonical" href="${site}${path}">`)
    expect(body).toContain('<meta property="og:title" content="Ceasefire talks resume in Doha">')
    expect(body).toContain(`<meta property="og:url" content="${site}${path}">`)
    expect(body).not.toMatch(/<script[^>]*\ssrc=/)
    expect(body).not.toContain('noindex')
  })
})

describe('escaping what the newsroom typed', () => {
  const attack = '<script>alert(1)</script>'
  const escapedAttack = '&lt;script&gt;alert(1)&lt;/script&gt;'
  const headline = `Ports ${attack} say "no" & leave`
  const standfirst = `Standfirst ${attack} "quoted" & more`
  const contributor = `${attack} "Sam" & Co`
  const outlet = 'The "Post" & Wire'
  const tag = `${attack} & "Tag"`
  const path = '/world/ports-script-alert-1-script-say-no-leave'

  beforeAll(async () => {
    // Credited to a contributor alone, which only an editor may do (a writer stays on their bylines).
    await publishedStory(headline, { standfirst, bylines: [{ name: contributor, outlet }], tags: [tag] }, { by: newsroom.editor })
  })

  it('escapes the headline, standfirst, byline and tag on the story page', async () => {
    const body = await page(path)
    expect(body).not.toContain(attack)
    expect(body).not.toContain('alert(1)</script>')
    expect(body).toContain(`<h1>Ports ${escapedAttack} say &quot;no&quot; &amp; leave</h1>`)
    expect(body).toContain(`<title>Ports ${escapedAttack} say &quot;no&quot; &amp; leave · The Ledger</title>`)
    expect(body).toContain(`<meta property="og:title" content="Ports ${escapedAttack} say &quot;no&quot; &amp; leave">`)
    expect(body).toContain(`<p class="standfirst">Standfirst ${escapedAttack} &quot;quoted&quot; &amp; more</p>`)
    expect(textOf(part(body, /<p class="byline">[\s\S]*?<\/p>/))).toBe(`By ${contributor} / ${outlet}`)
    expect(body).toContain(`<a href="/tags/script-alert-1-script-tag">${escapedAttack} &amp; &quot;Tag&quot;</a>`)
  })

  it('keeps the JSON-LD block closed: its text has no "<", and it parses back to what was typed', async () => {
    const body = await page(path)
    const { raw, data } = jsonLd(body)
    expect(raw).not.toContain('<')
    expect(data).toMatchObject({
      headline,
      description: standfirst,
      author: [{ '@type': 'Person', name: contributor, affiliation: { '@type': 'Organization', name: outlet } }],
      keywords: tag,
    })
    // The JSON-LD blocks (the story and its breadcrumb) and the share script: every script that opens is one the page meant.
    expect(body.match(/<script/g)).toHaveLength(3)
    expect(body.match(/<\/script>/g)).toHaveLength(3)
  })

  it('escapes the headline in lists, feeds and sitemaps too', async () => {
    for (const listPath of ['/', '/world', '/tags/script-alert-1-script-tag', '/feed.xml', '/world/feed.xml', '/news-sitemap.xml']) {
      const body = await page(listPath)
      expect(body, listPath).not.toContain(attack)
      expect(body, listPath).toContain(`Ports ${escapedAttack} say &quot;no&quot; &amp; leave`)
    }
  })
})

describe('the desk’s preview', () => {
  it('shows the working copy, at the address it would be published at', async () => {
    const id = await publishedStory('Museum reopens')
    await revise(id, { headline: 'Museum Capybara exhibit opens', slug: 'museum-capybara-exhibit' }, { publish: false })

    expect(await getStoryPreview(db, id)).toMatchObject({
      id,
      headline: 'Museum Capybara exhibit opens',
      path: '/world/museum-capybara-exhibit',
    })
    expect(await page('/world/museum-reopens')).not.toContain('Capybara')
    expect((await get('/world/museum-capybara-exhibit')).status).toBe(404)
  })

  it('shows a draft that has never been published, and nothing for an unknown story', async () => {
    const draft = await makeStory(db, newsroom, { headline: 'Draft about otters', sectionId: sectionIds.regions, now: tick() })
    expect(await getStoryPreview(db, draft)).toMatchObject({
      headline: 'Draft about otters',
      path: '/regions/draft-about-otters',
      firstPublishedAt: null,
    })
    expect(await getStoryPreview(db, 999_999)).toBeNull()
  })
})
