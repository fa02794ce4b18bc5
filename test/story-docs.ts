import type { RichTextDoc, RichTextNode } from '@/db/schema'
import type { StoryDraft } from '@/lib/story-draft'

// Story bodies for the tests of the sanitizer and the renderer (lib/rich-text*.test.ts), and a
// whole story as the form sends it.

export const text = (value: string, marks?: RichTextNode['marks']): RichTextNode =>
  marks ? { type: 'text', text: value, marks } : { type: 'text', text: value }
export const p = (...content: RichTextNode[]): RichTextNode => ({ type: 'paragraph', content })
export const doc = (...content: unknown[]): RichTextDoc => ({ type: 'doc', content: content as RichTextNode[] })
export const linked = (href: string) => doc(p(text('here', [{ type: 'link', attrs: { href } }])))

export const figureAttrs = {
  kind: 'photo',
  mediaId: 7,
  src: '/media/7.jpg',
  alt: 'A harbour',
  caption: 'The harbour at dawn.',
  credit: 'ANA LIMA',
  width: 1200,
  height: 800,
}

/** What a story needs besides its headline and byline to pass the pre-publish checklist warning-free: a standfirst and a body. */
export const readyToPublish = {
  standfirst: 'What happened, in a sentence.',
  body: doc(p(text('The story, told in full.'))),
} satisfies Partial<StoryDraft>

/** A story as the form sends it: a headline, an empty body in section 1, the first person's byline. */
export function storyDraft(overrides: Partial<StoryDraft> = {}): StoryDraft {
  return {
    headline: 'A story',
    standfirst: '',
    dateline: '',
    body: { type: 'doc', content: [{ type: 'paragraph' }] },
    sectionId: 1,
    slug: '',
    tags: [],
    bylines: [{ userId: 1 }],
    leadMediaId: null,
    leadCaption: '',
    leadCredit: '',
    seoTitle: '',
    seoDescription: '',
    socialHeadline: '',
    socialMediaId: null,
    ...overrides,
  }
}
