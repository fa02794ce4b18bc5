import { getSchema } from '@tiptap/core'
import { describe, expect, it } from 'vitest'
import { storyExtensions } from './extensions'

describe('the story extension list', () => {
  it('loads without a DOM, as the server needs', () => {
    expect(typeof document).toBe('undefined')
    expect(storyExtensions.length).toBeGreaterThan(0)
  })

  it('defines exactly the newsroom’s nodes and marks', () => {
    const schema = getSchema(storyExtensions)
    expect(Object.keys(schema.nodes).sort()).toEqual(
      [
        'blockquote',
        'bulletList',
        'doc',
        'embed',
        'figure',
        'hardBreak',
        'heading',
        'horizontalRule',
        'listItem',
        'orderedList',
        'paragraph',
        'pullQuote',
        'suggestedBlock',
        'suggestedBreak',
        'text',
      ].sort(),
    )
    expect(Object.keys(schema.marks).sort()).toEqual([
      'bold',
      'comment',
      'deletion',
      'formatting',
      'insertion',
      'italic',
      'link',
      'strike',
      'underline',
    ])
  })

  it('keeps only the attributes the stories use', () => {
    const schema = getSchema(storyExtensions)
    const attributes = (name: string) => Object.keys(schema.nodes[name]?.spec.attrs ?? {})
    // A quote, rule, figure or embed suggested in or out carries who and when (whole-blocks.ts),
    // and which blocks it was split from if it split one (split-blocks.ts).
    const suggested = ['id', 'authorId', 'authorName', 'at', 'joins', 'suggested']
    expect(attributes('blockquote').sort()).toEqual(['attribution', ...suggested].sort())
    expect(attributes('horizontalRule').sort()).toEqual([...suggested].sort())
    // A figure's or embed's caption or image changed as a suggestion keeps who, when and what it had (attr-changes.ts).
    const change = ['changeId', 'changeAuthorId', 'changeAuthorName', 'changeAt']
    const figureWas = ['wasCaption', 'wasCredit', 'wasAlt', 'wasSrc', 'wasMediaId', 'wasWidth', 'wasHeight', 'wasKind']
    expect(attributes('figure').sort()).toEqual(
      [...suggested, ...change, ...figureWas, 'kind', 'mediaId', 'src', 'alt', 'caption', 'credit', 'width', 'height'].sort(),
    )
    expect(attributes('embed').sort()).toEqual(
      [...suggested, ...change, 'wasCaption', 'wasUrl', 'wasProvider', 'url', 'provider', 'caption'].sort(),
    )
    expect(attributes('paragraph')).toEqual([])
    expect(Object.keys(schema.marks.link?.spec.attrs ?? {})).toEqual(['href'])
    expect(Object.keys(schema.marks.comment?.spec.attrs ?? {})).toEqual(['noteId'])
  })
})
