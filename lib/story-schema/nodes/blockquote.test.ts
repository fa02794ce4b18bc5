import { renderToHTMLString } from '@tiptap/static-renderer/pm/html-string'
import { describe, expect, it } from 'vitest'
import { storyExtensions } from '../extensions'
import { attributionLine, toAttribution } from './blockquote'

const render = (attrs: Record<string, unknown>) =>
  renderToHTMLString({
    content: {
      type: 'doc',
      content: [{ type: 'blockquote', attrs, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Quoted.' }] }] }],
    },
    extensions: storyExtensions,
  })

describe('the block quote', () => {
  it('names its source in a figure caption outside the quoted words', () => {
    expect(render({ attribution: 'Tessera News Agency' })).toBe(
      '<figure class="quote"><blockquote><p>Quoted.</p></blockquote><figcaption class="attribution">— Tessera News Agency</figcaption></figure>',
    )
  })

  it('is a plain blockquote without an attribution', () => {
    expect(render({ attribution: '' })).toBe('<blockquote><p>Quoted.</p></blockquote>')
    expect(render({})).toBe('<blockquote><p>Quoted.</p></blockquote>')
  })

  it('renders hostile attributes as text, and unknown ones not at all', () => {
    const html = render({ attribution: '<img src=x onerror=alert(1)>', onclick: 'alert(1)', class: 'evil' })
    expect(html).toContain('— &lt;img src=x onerror=alert(1)&gt;</figcaption>')
    expect(html).not.toContain('onclick')
    expect(html).not.toContain('evil')
  })

  it('keeps an attribution to one line of plain text, without doubling a typed dash', () => {
    expect(toAttribution('  Ana Lima,\n  harbour master ')).toBe('Ana Lima, harbour master')
    expect(toAttribution(42)).toBe('')
    expect(toAttribution('x'.repeat(1000))).toHaveLength(300)
    expect(attributionLine('— Ana Lima')).toBe('— Ana Lima')
    expect(attributionLine('Ana Lima')).toBe('— Ana Lima')
  })
})
