import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { describe, expect, it } from 'vitest'
import { robotsTxt } from './feeds'
import { type FeedItem, escapeXml, renderNewsSitemap, renderRss, renderSitemap } from './feeds-xml'

const awkward = `Tom & Jerry <script>alert("it's")</script>`
const settings = { url: 'https://news.example.test' }

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  isArray: (name, _path, _isLeaf, isAttribute) => !isAttribute && (name === 'item' || name === 'url'),
})

/** The document as objects, after checking that it is well-formed XML. */
function parse<T>(xml: string): T {
  expect(XMLValidator.validate(xml)).toBe(true)
  return parser.parse(xml) as T
}

type Rss = {
  rss: {
    channel: {
      title: string
      link: string
      language: string
      lastBuildDate?: string
      'atom:link': { href: string; rel: string }
      item: {
        title: string
        guid: { '#text': string; isPermaLink: string }
        description: string
        pubDate: string
        'dc:creator'?: string
        category: string
        'media:content'?: { url: string }
      }[]
    }
  }
}
type Urlset = {
  urlset: { url: { loc: string; lastmod?: string; 'news:news'?: { 'news:title': string; 'news:publication': { 'news:name': string } } }[] }
}

const item: FeedItem = {
  title: awkward,
  link: 'https://news.example.test/world/tom-jerry?a=1&b=2',
  description: `Cats & "mice" <b>`,
  pubDate: new Date('2030-04-01T08:00:00Z'),
  creator: 'O’Brien & Sons / <Outlet>',
  category: 'Arts & Culture',
  imageUrl: 'https://cdn.example.test/a.webp?w=1&h=2',
}

describe('escapeXml', () => {
  it('escapes the five characters XML gives meaning to', () => {
    expect(escapeXml(`a & b < c > d "e" 'f'`)).toBe('a &amp; b &lt; c &gt; d &quot;e&quot; &apos;f&apos;')
  })

  it('drops characters XML cannot hold, keeps the rest of Unicode', () => {
    expect(escapeXml('bell\u0007 nul\u0000 lone\uD800 ok é 🌍\ttab')).toBe('bell nul lone ok é 🌍\ttab')
  })
})

describe('the RSS document', () => {
  it('reads back exactly the text it was given, however awkward', () => {
    const channel = {
      title: awkward,
      link: 'https://news.example.test/',
      description: '<none>',
      language: 'en',
      selfLink: 'https://news.example.test/feed.xml?x=1&y=2',
      lastBuildDate: item.pubDate,
    }
    const feed = parse<Rss>(renderRss(channel, [item])).rss.channel
    expect(feed.title).toBe(awkward)
    expect(feed.language).toBe('en')
    expect(feed.lastBuildDate).toBe('Mon, 01 Apr 2030 08:00:00 GMT')
    expect(feed['atom:link']).toMatchObject({ href: channel.selfLink, rel: 'self' })
    expect(feed.item).toEqual([
      {
        title: awkward,
        link: item.link,
        guid: { '#text': item.link, isPermaLink: 'true' },
        description: item.description,
        pubDate: 'Mon, 01 Apr 2030 08:00:00 GMT',
        'dc:creator': item.creator,
        category: item.category,
        'media:content': { url: item.imageUrl, medium: 'image' },
      },
    ])
  })

  it('leaves out an item’s credit and image when it has none', () => {
    const xml = renderRss(
      { title: 'T', link: 'https://x.test/', description: '', language: 'en', selfLink: 'https://x.test/feed.xml', lastBuildDate: null },
      [{ ...item, creator: '', imageUrl: null }],
    )
    const [only] = parse<Rss>(xml).rss.channel.item
    expect(only?.['dc:creator']).toBeUndefined()
    expect(only?.['media:content']).toBeUndefined()
    expect(xml).not.toContain('lastBuildDate')
  })
})

describe('the sitemaps', () => {
  it('writes addresses with ampersands and lastmod dates in W3C form', () => {
    const xml = renderSitemap([
      { loc: 'https://x.test/tags/a?b=1&c=2', lastmod: new Date('2030-04-01T08:00:00Z') },
      { loc: 'https://x.test/world', lastmod: null },
    ])
    expect(parse<Urlset>(xml).urlset.url).toEqual([
      { loc: 'https://x.test/tags/a?b=1&c=2', lastmod: '2030-04-01T08:00:00.000Z' },
      { loc: 'https://x.test/world' },
    ])
  })

  it('gives each news story the publication and its own title', () => {
    const xml = renderNewsSitemap({ name: 'Tom & Jerry’s "Daily"', language: 'en' }, [
      { loc: 'https://x.test/world/a', title: awkward, publicationDate: new Date('2030-04-01T08:00:00Z') },
    ])
    const [story] = parse<Urlset>(xml).urlset.url
    expect(story?.['news:news']).toEqual({
      'news:publication': { 'news:name': 'Tom & Jerry’s "Daily"', 'news:language': 'en' },
      'news:publication_date': '2030-04-01T08:00:00.000Z',
      'news:title': awkward,
    })
  })
})

describe('robots.txt', () => {
  it('keeps crawlers out of the newsroom, sign-in and API, and points them at both sitemaps', () => {
    const lines = robotsTxt(settings).split('\n')
    expect(lines).toEqual(expect.arrayContaining(['User-agent: *', 'Allow: /', 'Disallow: /desk', 'Disallow: /login', 'Disallow: /api']))
    expect(lines.filter((line) => line.startsWith('Sitemap:'))).toEqual([
      'Sitemap: https://news.example.test/sitemap.xml',
      'Sitemap: https://news.example.test/news-sitemap.xml',
    ])
  })
})
