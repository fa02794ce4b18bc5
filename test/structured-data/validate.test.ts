import { describe, expect, it } from 'vitest'
import { structuredDataProblems } from './validate'

const article = {
  '@context': 'https://schema.org',
  '@type': 'NewsArticle',
  headline: 'Ferries run again',
  datePublished: '2026-12-01T08:00:00.000Z',
  dateModified: '2026-12-01T09:00:00.000Z',
  image: [{ '@type': 'ImageObject', url: 'https://news.example/media/a.webp', width: 1280, height: 720 }],
  author: [{ '@type': 'Person', name: 'Nadia Karam', url: 'https://news.example/authors/nadia-karam' }],
}

describe('the structured data check', () => {
  it('passes a complete news article', () => {
    expect(structuredDataProblems(article)).toEqual([])
  })

  it('fails an unknown type, an unknown property and a value of the wrong kind, saying where', () => {
    expect(
      structuredDataProblems({
        ...article,
        author: [{ '@type': 'Journalist', name: 'N' }],
        headlines: 'Two',
        datePublished: '1 December 2026',
        image: [{ '@type': 'ImageObject', url: '/media/a.webp', width: '1280px', height: 720 }],
      }),
    ).toEqual([
      'NewsArticle.datePublished: "1 December 2026" is not DateTime',
      'NewsArticle.image[0].url: "/media/a.webp" is not URL',
      'NewsArticle.image[0].width: "1280px" is not Integer',
      'NewsArticle.author[0]: unknown type "Journalist"',
      'NewsArticle: schema.org gives NewsArticle no property "headlines"',
    ])
  })

  it('fails a missing recommended property, and a node where another type is expected', () => {
    const withoutImage = Object.fromEntries(Object.entries(article).filter(([property]) => property !== 'image'))
    expect(structuredDataProblems({ ...withoutImage, author: [{ '@type': 'ImageObject', url: 'https://news.example/a.jpg' }] })).toEqual([
      'NewsArticle.author[0]: width is recommended (Google’s image guidelines: a crawlable address, and its size)',
      'NewsArticle.author[0]: height is recommended (Google’s image guidelines: a crawlable address, and its size)',
      'NewsArticle.author[0]: a node of type ImageObject where Person or Organization is expected',
      'NewsArticle: image is recommended (Google’s Article rich result)',
    ])
  })

  it('asks staff authors for their page, and lets an outside contributor be known by the outlet', () => {
    const contributor = { '@type': 'Person', name: 'Rania Salem', affiliation: { '@type': 'Organization', name: 'Delta Weekly' } }
    expect(structuredDataProblems({ ...article, author: [contributor] })).toEqual([])
    expect(structuredDataProblems({ ...article, author: [{ '@type': 'Person', name: 'Staff Person' }] })).toEqual([
      'NewsArticle.author[0]: url is recommended (Google’s Article rich result: author.url, for staff with a page on the site)',
    ])
  })
})
