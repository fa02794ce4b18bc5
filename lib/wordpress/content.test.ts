import { describe, expect, it } from 'vitest'
import type { RichTextNode } from '@/db/schema'
import { sanitizeDoc } from '@/lib/rich-text'
import { autop } from './classic'
import { type ConvertedContent, convertContent as convertOrRefuse, maxContentDepth } from './content'

/** A content the conversion takes (it refuses only what is nested too deeply). */
function convertContent(content: string): Extract<ConvertedContent, { ok: true }> {
  const converted = convertOrRefuse(content)
  if (!converted.ok) throw new Error(converted.problem)
  return converted
}

/** The body's blocks, after checking that the story schema takes it as it is. */
function blocksOf(content: string): RichTextNode[] {
  const { doc } = convertContent(content)
  const checked = sanitizeDoc(doc)
  if (!checked.ok) throw new Error(checked.message)
  return checked.doc.content ?? []
}

const text = (value: string, marks?: RichTextNode['marks']): RichTextNode =>
  marks ? { type: 'text', text: value, marks } : { type: 'text', text: value }
const paragraph = (...content: RichTextNode[]): RichTextNode => ({ type: 'paragraph', content })

describe('block editor markup becomes a story body', () => {
  it('a paragraph keeps its bold, italic, struck and linked words, and the block comments go', () => {
    const blocks = blocksOf(
      '<!-- wp:paragraph -->\n<p>A <strong>bold</strong>, <em>quiet</em>, <s>old</s> <a href="https://example.net/x">link</a>.</p>\n<!-- /wp:paragraph -->',
    )

    expect(blocks).toEqual([
      paragraph(
        text('A '),
        text('bold', [{ type: 'bold' }]),
        text(', '),
        text('quiet', [{ type: 'italic' }]),
        text(', '),
        text('old', [{ type: 'strike' }]),
        text(' '),
        text('link', [{ type: 'link', attrs: { href: 'https://example.net/x' } }]),
        text('.'),
      ),
    ])
  })

  it('headings are kept at levels 2 to 4', () => {
    const blocks = blocksOf('<!-- wp:heading {"level":1} --><h1>One</h1><!-- /wp:heading --><h3>Three</h3><h6>Six</h6>')

    expect(blocks.map((block) => block.attrs?.level)).toEqual([2, 3, 4])
  })

  it('lists keep their items, nesting and numbering', () => {
    const blocks = blocksOf(
      '<!-- wp:list {"ordered":true,"start":3} --><ol start="3"><li>Three</li><li>Four<ul><li>Inside</li></ul></li></ol><!-- /wp:list -->',
    )

    expect(blocks).toEqual([
      {
        type: 'orderedList',
        attrs: { start: 3 },
        content: [
          { type: 'listItem', content: [paragraph(text('Three'))] },
          {
            type: 'listItem',
            content: [
              paragraph(text('Four')),
              { type: 'bulletList', content: [{ type: 'listItem', content: [paragraph(text('Inside'))] }] },
            ],
          },
        ],
      },
    ])
  })

  it('a quote keeps its citation as the attribution, and a pull quote its words', () => {
    const blocks = blocksOf(
      '<blockquote class="wp-block-quote"><p>Words.</p><cite>Ana Ruiz, mayor</cite></blockquote>' +
        '<figure class="wp-block-pullquote"><blockquote><p>Loud words.</p><cite>Ana</cite></blockquote></figure>',
    )

    expect(blocks).toEqual([
      { type: 'blockquote', attrs: { attribution: 'Ana Ruiz, mayor' }, content: [paragraph(text('Words.'))] },
      { type: 'pullQuote', content: [text('Loud words. — Ana')] },
    ])
  })

  it('an image block is a figure with its caption and alt text, waiting for its library image', () => {
    const { doc, images } = convertContent(
      '<figure class="wp-block-image"><img src="https://old.example/wp-content/uploads/2024/05/a-1024x768.jpg" alt="A quay" class="wp-image-7"/><figcaption>Dawn.</figcaption></figure>',
    )

    expect(doc.content).toEqual([
      {
        type: 'figure',
        attrs: {
          kind: 'photo',
          mediaId: null,
          src: 'https://old.example/wp-content/uploads/2024/05/a-1024x768.jpg',
          alt: 'A quay',
          caption: 'Dawn.',
          credit: '',
          width: 0,
          height: 0,
        },
      },
    ])
    expect(images).toEqual([
      { figure: doc.content?.[0], url: 'https://old.example/wp-content/uploads/2024/05/a-1024x768.jpg', attachmentId: '7' },
    ])
  })

  it('a gallery becomes a figure per image, its own caption a paragraph after them', () => {
    const { doc, images } = convertContent(
      '<figure class="wp-block-gallery"><figure class="wp-block-image"><img src="https://o.example/a.jpg" class="wp-image-1"/><figcaption>First</figcaption></figure>' +
        '<figure class="wp-block-image"><img src="https://o.example/b.jpg" class="wp-image-2"/></figure><figcaption>Both.</figcaption></figure>',
    )

    expect(doc.content?.map((node) => [node.type, node.attrs?.caption])).toEqual([
      ['figure', 'First'],
      ['figure', ''],
      ['paragraph', undefined],
    ])
    expect(images.map((image) => image.attachmentId)).toEqual(['1', '2'])
  })

  it('an embed of a known service is an embed; any other becomes a link, and is reported', () => {
    const known = convertContent(
      '<figure class="wp-block-embed is-provider-youtube"><div class="wp-block-embed__wrapper">\nhttps://youtu.be/aBcDeFgHiJk\n</div><figcaption>Clip</figcaption></figure>',
    )
    const other = convertContent(
      '<figure class="wp-block-embed"><div class="wp-block-embed__wrapper">https://social.example.com/p/1</div></figure>',
    )

    expect(known.doc.content).toEqual([{ type: 'embed', attrs: { url: 'https://youtu.be/aBcDeFgHiJk', provider: null, caption: 'Clip' } }])
    expect(other.doc.content).toEqual([
      paragraph(text('https://social.example.com/p/1', [{ type: 'link', attrs: { href: 'https://social.example.com/p/1' } }])),
    ])
    expect(other.problems).toEqual(['an embed from social.example.com is not a service stories embed: it became a link'])
  })

  it('a separator is a rule, and a table becomes paragraphs, reported', () => {
    const { doc, problems } = convertContent(
      '<hr class="wp-block-separator"/><figure class="wp-block-table"><table><tr><td>a</td><td>b</td></tr></table></figure>',
    )

    expect(doc.content).toEqual([{ type: 'horizontalRule' }, paragraph(text('a | b'))])
    expect(problems).toEqual(['a table became paragraphs, one per row: stories have no tables'])
  })
})

describe('classic content becomes a story body', () => {
  it('text with blank lines between paragraphs gets its paragraphs, and a single line break stays one', () => {
    expect(autop('First line\nsame paragraph.\n\nSecond.\n\n<h2>Head</h2>')).toBe(
      '<p>First line<br>\nsame paragraph.</p>\n<p>Second.</p>\n<h2>Head</h2>',
    )
    expect(blocksOf('First line\nsame paragraph.\n\nSecond.')).toEqual([
      paragraph(text('First line'), { type: 'hardBreak' }, text('same paragraph.')),
      paragraph(text('Second.')),
    ])
  })

  it('[caption] becomes a figure with its caption, whichever way the caption is written', () => {
    const inside = convertContent(
      '[caption id="attachment_4" width="300"]<a href="https://o.example/x.jpg"><img src="https://o.example/x.jpg" alt="Boat" class="wp-image-4" /></a> The boat.[/caption]',
    )
    const attribute = convertContent('[caption caption="Older style"]<img src="https://o.example/y.jpg" />[/caption]')

    expect(inside.doc.content).toEqual([{ type: 'figure', attrs: expect.objectContaining({ alt: 'Boat', caption: 'The boat.' }) }])
    expect(inside.images[0]?.attachmentId).toBe('4')
    expect(attribute.doc.content?.[0]?.attrs?.caption).toBe('Older style')
  })

  it('a web address alone on its line, and [embed], become embeds; [gallery] becomes figures by attachment', () => {
    const { doc, images } = convertContent(
      'Watch:\n\nhttps://vimeo.com/76979871\n\n[embed]https://www.youtube.com/watch?v=aBcDeFgHiJk[/embed]\n\n[gallery ids="5,6"]',
    )

    expect(doc.content?.map((node) => node.type)).toEqual(['paragraph', 'embed', 'embed', 'figure', 'figure'])
    expect(images.map((image) => image.attachmentId)).toEqual(['5', '6'])
  })

  it('other shortcodes lose their tags and keep their words, reported; words in brackets stay', () => {
    const { doc, problems } = convertContent('He said [sic] it. [note type="aside"]Kept words[/note] [button url="x"]')

    expect(doc.content).toEqual([paragraph(text('He said [sic] it. Kept words'))])
    expect(problems).toEqual([
      'the shortcode [note] is not something a story can hold: its tags were removed, its words kept',
      'the shortcode [button] is not something a story can hold: its tags were removed, its words kept',
    ])
  })
})

describe('hostile content', () => {
  const hostile =
    '<p onclick="steal()">Read <a href="javascript:alert(1)">this</a>, <a href="data:text/html,x">that</a> and <a href="JaVaScRiPt:alert(2)">more</a>.</p>' +
    '<script>alert(1)</script><style>p{}</style><img src="data:image/png;base64,AAAA" onerror="alert(1)">' +
    '<iframe src="https://evil.example/"></iframe><iframe src="https://www.youtube.com/embed/aBcDeFgHiJk"></iframe><object data="x.swf"></object>'

  it('keeps the words and drops scripts, styles, handlers, script and data links, data images and unknown frames', () => {
    const blocks = blocksOf(hostile)

    expect(blocks).toEqual([
      paragraph(text('Read this, that and more.')),
      { type: 'embed', attrs: { url: 'https://www.youtube.com/embed/aBcDeFgHiJk', provider: 'youtube', caption: '' } },
    ])
  })

  it('names each thing it dropped', () => {
    const { problems } = convertContent(hostile)

    expect(problems).toEqual([
      'an onclick attribute on <p> was removed: a story runs no scripts',
      'an onerror attribute on <img> was removed: a story runs no scripts',
      'a link to “javascript:alert(1)” was removed (its words kept): only web, mail and site addresses are links',
      'a link to “data:text/html,x” was removed (its words kept): only web, mail and site addresses are links',
      'a link to “JaVaScRiPt:alert(2)” was removed (its words kept): only web, mail and site addresses are links',
      'a <script> element was removed: a story cannot hold it',
      'a <style> element was removed: a story cannot hold it',
      'an image whose address is “data:image/png;base64,AAAA” was removed: only web addresses can be imported',
      'a frame from “https://evil.example/” was removed: only known embeds (YouTube, Vimeo, maps, charts) are kept',
      'a <object> element was removed: a story cannot hold it',
    ])
  })

  it('refuses content nested deeper than any post is, without following it down', () => {
    const deep = `${'<div>'.repeat(100_000)}words${'</div>'.repeat(100_000)}`

    expect(convertOrRefuse(deep)).toEqual({ ok: false, problem: `its content is nested more than ${maxContentDepth} levels deep` })
  })
})
