import { describe, expect, it } from 'vitest'
import type { RichTextNode } from '@/db/schema'
import {
  type CheckId,
  type ChecklistStory,
  checkIds,
  checkSeveritiesSchema,
  checklistVerdict,
  defaultSeverities,
  runChecklist,
} from './prepublish-checks'

const paragraph = (text: string, marks?: RichTextNode['marks']): RichTextNode => ({
  type: 'paragraph',
  content: [{ type: 'text', text, ...(marks ? { marks } : {}) }],
})
const subhead = (text: string): RichTextNode => ({ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text }] })
const figure = (attrs: Record<string, unknown>): RichTextNode => ({
  type: 'figure',
  attrs: { src: '/media/1.jpg', alt: 'Ferries at the quay', credit: 'A. Photographer/Wire', ...attrs },
})
const link = (href: string) => [{ type: 'link', attrs: { href } }]

const complete: ChecklistStory = {
  headline: 'Harbour reopens',
  standfirst: 'The first ferry in a year left at dawn.',
  slug: 'harbour-reopens',
  bylines: [{ userId: 1 }],
  seoTitle: '',
  socialHeadline: '',
  body: { type: 'doc', content: [subhead('At dawn'), paragraph('The ferry left.'), figure({})] },
  lead: { alt: 'The harbour at dawn', credit: 'Photo Desk' },
  openComments: 0,
}

/** What one check finds on the complete story with these changes, or null when it passes. */
function finding(id: CheckId, changes: Partial<ChecklistStory>): string | null {
  const result = runChecklist({ ...complete, ...changes }, defaultSeverities).find((one) => one.id === id)
  return result?.outcome === 'passed' ? null : (result?.message ?? null)
}

describe('the pre-publish checklist', () => {
  it('passes a complete story on every check, in the table’s order', () => {
    const results = runChecklist(complete, defaultSeverities)
    expect(results.map((result) => result.id)).toEqual([...checkIds])
    expect(results.every((result) => result.outcome === 'passed')).toBe(true)
  })

  it('wants the lead image’s alt text and credit, and is content with no lead image', () => {
    expect(finding('leadImage', { lead: { alt: '', credit: '' } })).toBe(
      'The lead image has no alt text (set in the media library) and no credit.',
    )
    expect(finding('leadImage', { lead: { alt: 'Harbour', credit: ' ' } })).toBe('The lead image has no credit.')
    expect(finding('leadImage', { lead: { alt: '', credit: 'Desk' } })).toContain('alt text')
    expect(finding('leadImage', { lead: null })).toBeNull()
  })

  it('wants alt text and a credit on every figure of the body, never taking the caption for either', () => {
    const body = { type: 'doc' as const, content: [paragraph('Text.'), figure({ alt: '', caption: 'The quay' }), figure({ credit: '' })] }
    expect(finding('figures', { body })).toBe('In the body, 1 figure has no alt text; 1 figure has no credit.')
    expect(finding('figures', { body: { type: 'doc', content: [paragraph('No figure.')] } })).toBeNull()
  })

  it('wants a standfirst, a headline within its limit, and a slug', () => {
    expect(finding('standfirst', { standfirst: '  ' })).toBe('The story has no standfirst.')
    expect(finding('headline', { headline: '' })).toBe('The story has no headline.')
    expect(finding('headline', { headline: 'x'.repeat(301) })).toContain('longer than 300')
    expect(finding('slug', { slug: '' })).toBe('The story has no slug, so it has no address.')
  })

  it('wants an SEO title search engines show whole, when there is one', () => {
    expect(finding('seoTitle', { seoTitle: 'x'.repeat(70) })).toBeNull()
    expect(finding('seoTitle', { seoTitle: 'x'.repeat(71) })).toContain('71 characters; search engines show about 70')
  })

  it('wants a social headline link previews show whole, when there is one, in the same check as the SEO title', () => {
    expect(finding('seoTitle', { socialHeadline: 'x'.repeat(70) })).toBeNull()
    expect(finding('seoTitle', { socialHeadline: 'x'.repeat(72) })).toBe(
      'The social headline has 72 characters; link previews show about 70 and cut the rest.',
    )
    expect(finding('seoTitle', { seoTitle: 'x'.repeat(71), socialHeadline: 'x'.repeat(71) })).toBe(
      'The SEO title has 71 characters; search engines show about 70 and cut the rest. The social headline has 71 characters; link previews show about 70 and cut the rest.',
    )
  })

  it('wants a byline with a name', () => {
    expect(finding('byline', { bylines: [] })).toBe('The story has no byline.')
    expect(finding('byline', { bylines: [{ name: '', outlet: 'Wire' }] })).toBe('The story has no byline.')
    expect(finding('byline', { bylines: [{ name: 'A Contributor', outlet: '' }] })).toBeNull()
  })

  it('finds an empty body and a subheading with nothing under it', () => {
    expect(finding('sections', { body: { type: 'doc', content: [{ type: 'paragraph' }] } })).toBe('The body is empty.')
    const body = {
      type: 'doc' as const,
      content: [subhead('First'), subhead('Second'), paragraph('Text.'), subhead('Last'), { type: 'paragraph' }],
    }
    expect(finding('sections', { body })).toBe('Nothing follows the subheadings “First”, “Last”.')
    expect(finding('sections', { body: { type: 'doc', content: [subhead('Only'), figure({})] } })).toBeNull()
  })

  it('finds links with an address we do not link to, or with no words', () => {
    const body = {
      type: 'doc' as const,
      content: [
        paragraph('fine', link('https://example.org/page')),
        paragraph('scripted', link('javascript:alert(1)')),
        { type: 'paragraph', content: [{ type: 'text', text: ' ', marks: link('/about') }] },
      ],
    }
    expect(finding('links', { body })).toBe('2 links are not well formed: “scripted”, “/about”.')
    expect(finding('links', { body: { type: 'doc', content: [paragraph('fine', link('mailto:desk@example.org'))] } })).toBeNull()
  })

  it('warns while comments on the words are open', () => {
    expect(finding('comments', { openComments: 2 })).toBe('2 comments on the words are still open.')
    expect(finding('comments', { openComments: 1 })).toBe('1 comment on the words is still open.')
    expect(defaultSeverities.comments).toBe('warn')
  })

  it('warns while suggested changes are pending, counting each suggestion once', () => {
    const by = (id: string) => ({ id, authorId: 3, authorName: 'Ana Ruiz', at: '2026-12-06T14:05:00.000Z' })
    const suggested = (text: string, type: string, id: string) => ({ type: 'text', text, marks: [{ type, attrs: by(id) }] })
    const body = {
      type: 'doc' as const,
      content: [
        {
          type: 'paragraph',
          content: [
            suggested('new ', 'insertion', 'a'),
            { type: 'text', text: 'x' },
            suggested('more', 'insertion', 'a'),
            suggested('old', 'deletion', 'b'),
          ],
        },
      ],
    }
    expect(finding('suggestions', { body })).toBe('2 suggested changes are still pending.')
    expect(defaultSeverities.suggestions).toBe('warn')
    // A suggested paragraph break counts as one more.
    const pilcrow = { type: 'suggestedBreak', attrs: { kind: 'split', ...by('c') } }
    const withBreak = { type: 'doc' as const, content: [{ type: 'paragraph', content: [suggested('new ', 'insertion', 'a'), pilcrow] }] }
    expect(finding('suggestions', { body: withBreak })).toBe('2 suggested changes are still pending.')
  })
})

describe('the checklist’s verdict', () => {
  const results = runChecklist({ ...complete, standfirst: '', lead: { alt: '', credit: 'Desk' } }, defaultSeverities)

  it('blocks on a blocking finding, whatever is confirmed', () => {
    const verdict = checklistVerdict(results, [...checkIds])
    expect(verdict).toMatchObject({ ok: false, kind: 'blocked', message: expect.stringContaining('Fix this first') })
  })

  it('asks for each warning to be confirmed, and names the ones confirmed', () => {
    const warned = runChecklist({ ...complete, standfirst: '' }, defaultSeverities)
    expect(checklistVerdict(warned, [])).toMatchObject({
      ok: false,
      kind: 'unconfirmed',
      message: expect.stringContaining('no standfirst'),
    })
    expect(checklistVerdict(warned, ['standfirst'])).toEqual({ ok: true, confirmed: ['standfirst'] })
  })

  it('follows the newsroom’s choice of block or warn', () => {
    const severities = checkSeveritiesSchema.parse({ leadImage: 'warn', standfirst: 'block' })
    expect(severities).toMatchObject({ leadImage: 'warn', standfirst: 'block', figures: 'block' })
    const verdict = checklistVerdict(runChecklist({ ...complete, lead: { alt: '', credit: 'Desk' } }, severities), ['leadImage'])
    expect(verdict).toEqual({ ok: true, confirmed: ['leadImage'] })
    expect(checkSeveritiesSchema.safeParse({ slug: 'sometimes' }).success).toBe(false)
  })
})
