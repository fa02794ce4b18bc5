import { beforeAll, describe, expect, it } from 'vitest'
import { media } from '@/db/schema'
import { part, openReaderSite, site } from '@/test/reader-site'

// What a story page tells search engines and link previews: the live revision's SEO and social
// fields (lib/story-sharing.ts), never a newer draft's.

const { db, newsroom, sectionIds, page, publishedStory, revise } = await openReaderSite()

/** The page's `<head>`, where every tag under test lives. */
const headOf = async (path: string) => part(await page(path), /<head>[\s\S]*?<\/head>/)

/** A library image 2400 × 1600 with renditions up to 1920 pixels wide, and this alt text. */
async function libraryImage(name: string, alt: string): Promise<number> {
  const [image] = await db
    .insert(media)
    .values({
      storageKey: `ab/${name}.jpg`,
      contentHash: name,
      mimeType: 'image/jpeg',
      byteSize: 1000,
      width: 2400,
      height: 1600,
      variants: [640, 1920].flatMap((width) => [
        { width, format: 'jpeg', key: `ab/${name}-${width}.jpg` },
        { width, format: 'webp', key: `ab/${name}-${width}.webp` },
      ]),
      alt,
    })
    .returning({ id: media.id })
  if (!image) throw new Error('no image')
  return image.id
}

describe('a story with SEO and social fields', () => {
  const path = '/regions/middle-east/harbour-reopens'
  let storyId: number

  beforeAll(async () => {
    const socialId = await libraryImage('social', 'Ferries "back" <at> the quay')
    storyId = await publishedStory(
      'Harbour reopens',
      {
        standfirst: 'Boats are back after fourteen months.',
        leadMediaId: newsroom.mediaId,
        tags: ['Shipping', 'Beirut'],
        seoTitle: 'Beirut harbour reopens to ferries',
        seoDescription: 'Ferries & fishing boats return to Beirut <today>.',
        socialHeadline: 'The boats are "back"',
        socialMediaId: socialId,
      },
      { sectionId: sectionIds.middleEast },
    )
  })

  it('titles and describes the page with the SEO fields, escaped', async () => {
    const head = await headOf(path)
    expect(head).toContain('<title>Beirut harbour reopens to ferries · The Ledger</title>')
    expect(head).toContain('<meta name="description" content="Ferries &amp; fishing boats return to Beirut &lt;today&gt;.">')
    expect(head).toContain('<meta property="og:description" content="Ferries &amp; fishing boats return to Beirut &lt;today&gt;.">')
    expect(head).toContain('<meta name="twitter:description" content="Ferries &amp; fishing boats return to Beirut &lt;today&gt;.">')
  })

  it('gives link previews the social headline and the social image, with its size and alt text', async () => {
    const head = await headOf(path)
    expect(head).toContain('<meta property="og:title" content="The boats are &quot;back&quot;">')
    expect(head).toContain('<meta name="twitter:title" content="The boats are &quot;back&quot;">')
    const image = `${site}/media/ab/social-1920.jpg`
    expect(head).toContain(`<meta property="og:image" content="${image}">`)
    expect(head).toContain('<meta property="og:image:width" content="1920">')
    expect(head).toContain('<meta property="og:image:height" content="1280">')
    expect(head).toContain('<meta property="og:image:alt" content="Ferries &quot;back&quot; &lt;at&gt; the quay">')
    expect(head).toContain('<meta name="twitter:card" content="summary_large_image">')
    expect(head).toContain(`<meta name="twitter:image" content="${image}">`)
    expect(head).toContain('<meta name="twitter:image:alt" content="Ferries &quot;back&quot; &lt;at&gt; the quay">')
  })

  it('says it is an article, where it lives, its section and tags', async () => {
    const head = await headOf(path)
    expect(head).toContain('<meta property="og:type" content="article">')
    expect(head).toContain(`<meta property="og:url" content="${site}${path}">`)
    expect(head).toContain('<meta property="article:section" content="Middle East">')
    expect(head).toContain('<meta property="article:tag" content="Shipping">')
    expect(head).toContain('<meta property="article:tag" content="Beirut">')
    expect(head).toMatch(/<meta property="article:published_time" content="\d{4}-\d\d-\d\dT[\d:.]+Z">/)
    expect(head).toMatch(/<meta property="article:modified_time" content="\d{4}-\d\d-\d\dT[\d:.]+Z">/)
  })

  it('keeps a newer draft’s SEO and social fields off the page until it is published', async () => {
    await revise(
      storyId,
      { seoTitle: 'Draft search title', seoDescription: 'Draft description', socialHeadline: 'Draft social', socialMediaId: '' },
      { publish: false },
    )
    const head = await headOf(path)
    expect(head).not.toContain('Draft')
    expect(head).toContain('<meta property="og:title" content="The boats are &quot;back&quot;">')
    expect(head).toContain(`<meta property="og:image" content="${site}/media/ab/social-1920.jpg">`)

    await revise(storyId, {}, { publish: true })
    const after = await headOf(path)
    expect(after).toContain('<title>Draft search title · The Ledger</title>')
    expect(after).toContain('<meta property="og:title" content="Draft social">')
    // Without a social image, the lead image is shown.
    expect(after).not.toContain('social-1920.jpg')
    expect(after).toContain('<meta property="og:image:alt" content="Boats moored in a small harbour">')
  })
})

describe('a story without SEO and social fields', () => {
  const standfirst = `${'A long standfirst that goes on '.repeat(8)}and on.`

  beforeAll(async () => {
    await publishedStory('Market day returns', { standfirst })
  })

  it('uses its headline, and its standfirst cut to about 160 characters', async () => {
    const head = await headOf('/world/market-day-returns')
    expect(head).toContain('<title>Market day returns · The Ledger</title>')
    expect(head).toContain('<meta property="og:title" content="Market day returns">')
    const description = /<meta name="description" content="([^"]*)">/.exec(head)?.[1] ?? ''
    expect(description).toMatch(/^A long standfirst that goes on .*…$/)
    expect([...description].length).toBeLessThanOrEqual(160)
  })

  it('has a small card and no image when it has no picture', async () => {
    const head = await headOf('/world/market-day-returns')
    expect(head).toContain('<meta name="twitter:card" content="summary">')
    expect(head).not.toContain('og:image')
    expect(head).not.toContain('twitter:image')
  })
})
