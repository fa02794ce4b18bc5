import { renderToHTMLString } from '@tiptap/static-renderer/pm/html-string'
import { describe, expect, it } from 'vitest'
import { storyExtensions } from '../extensions'

const render = (node: Record<string, unknown>) =>
  renderToHTMLString({ content: { type: 'doc', content: [node] }, extensions: storyExtensions })

describe('the pull quote', () => {
  it('is an aside with one paragraph', () => {
    expect(render({ type: 'pullQuote', content: [{ type: 'text', text: 'The water rose in an hour.' }] })).toBe(
      '<aside class="pull-quote" aria-label="Pull quote"><p>The water rose in an hour.</p></aside>',
    )
  })

  it('escapes its text and ignores attributes', () => {
    expect(
      render({
        type: 'pullQuote',
        attrs: { onmouseover: 'alert(1)', style: 'x' },
        content: [{ type: 'text', text: '<script>alert(1)</script>' }],
      }),
    ).toBe('<aside class="pull-quote" aria-label="Pull quote"><p>&lt;script&gt;alert(1)&lt;/script&gt;</p></aside>')
  })

  it('may be empty', () => {
    expect(render({ type: 'pullQuote' })).toBe('<aside class="pull-quote" aria-label="Pull quote"><p></p></aside>')
  })
})
