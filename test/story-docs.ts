import type { RichTextDoc, RichTextNode } from '@/db/schema'

// Story bodies for the tests of the sanitizer and the renderer (lib/rich-text*.test.ts).

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
