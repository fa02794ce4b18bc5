import { renderToHTMLString } from '@tiptap/static-renderer/pm/html-string'
import { describe, expect, it } from 'vitest'
import { storyExtensions } from '../extensions'

const render = (attrs: Record<string, unknown>) =>
  renderToHTMLString({
    content: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'here', marks: [{ type: 'link', attrs }] }] }] },
    extensions: storyExtensions,
  })

describe('the link', () => {
  it('sends readers off the site without a referrer or an opener, in the same tab', () => {
    expect(render({ href: 'https://example.org/' })).toBe(
      '<p><a href="https://example.org/" rel="noopener noreferrer nofollow">here</a></p>',
    )
    expect(render({ href: 'mailto:desk@example.org' })).toBe(
      '<p><a href="mailto:desk@example.org" rel="noopener noreferrer nofollow">here</a></p>',
    )
  })

  it('links within the site plainly', () => {
    expect(render({ href: '/world/a-story' })).toBe('<p><a href="/world/a-story">here</a></p>')
  })

  it('renders a link to a disallowed address as plain text', () => {
    for (const href of ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'data:text/html,x', '//evil.example', null]) {
      expect(render({ href })).toBe('<p><span>here</span></p>')
    }
  })

  it('ignores target, rel, class and event handlers given as attributes', () => {
    expect(render({ href: '/a', target: '_blank', rel: 'opener', class: 'x', onclick: 'alert(1)' })).toBe('<p><a href="/a">here</a></p>')
  })

  it('escapes quotes in the address', () => {
    expect(render({ href: 'https://example.org/?q="><script>' })).toBe(
      '<p><a href="https://example.org/?q=&quot;&gt;&lt;script&gt;" rel="noopener noreferrer nofollow">here</a></p>',
    )
  })
})
