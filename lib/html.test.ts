import { describe, expect, it } from 'vitest'
import { escapeHtml, html, jsonForScript, trustedHtml, url } from './html'
import { safeUrl } from './safe-url'

const attack = `<script>alert("x") & 'y'</script>`

describe('html in element content', () => {
  it('escapes text, so typed markup shows as text', () => {
    expect(String(html`<p>${attack}</p>`)).toBe('<p>&lt;script&gt;alert(&quot;x&quot;) &amp; &#39;y&#39;&lt;/script&gt;</p>')
  })

  it('prints numbers, joins arrays, and prints nothing for null, undefined and false', () => {
    expect(String(html`<p>${1}${['a', html`<b>b</b>`, '<c>']}${null}${undefined}${false}</p>`)).toBe('<p>1a<b>b</b>&lt;c&gt;</p>')
  })

  it('keeps markup made by html itself and by trustedHtml, and nothing else', () => {
    const inner = html`<em>${'<i>'}</em>`
    expect(String(html`<p>${inner}${trustedHtml('<br>')}</p>`)).toBe('<p><em>&lt;i&gt;</em><br></p>')
  })
})

describe('html in an attribute value', () => {
  it('escapes both kinds of quote, so a value cannot leave its attribute', () => {
    expect(String(html`<p title="${'" onclick="alert(1)'}" data-x='${"' onmouseover='x"}'>`)).toBe(
      `<p title="&quot; onclick=&quot;alert(1)" data-x='&#39; onmouseover=&#39;x'>`,
    )
  })

  it('escapes & and < the same way as in text', () => {
    expect(escapeHtml('a&b<c>d')).toBe('a&amp;b&lt;c&gt;d')
  })
})

describe('html in an href or src', () => {
  it('takes a safe address through url(), escaped', () => {
    expect(String(html`<a href="${url(safeUrl('/search?q=a&page=2'))}">`)).toBe('<a href="/search?q=a&amp;page=2">')
    expect(String(html`<img src="${url(safeUrl('https://cdn.example.org/a.jpg'))}">`)).toBe('<img src="https://cdn.example.org/a.jpg">')
  })

  it('leaves the attribute empty for an address safeUrl refused', () => {
    expect(String(html`<a href="${url(safeUrl('javascript:alert(1)'))}">`)).toBe('<a href="">')
  })

  it('refuses a plain string, even after a literal start of the address', () => {
    expect(() => html`<a href="${'javascript:alert(1)'}">`).toThrow(/href or src takes url/)
    expect(() => html`<a class="x" href="/tags/${'a'}">`).toThrow(/href or src takes url/)
    expect(() => html`<img alt="" SRC="${'/a.jpg'}">`).toThrow(/href or src takes url/)
    expect(() => html`<a href="${html`/a`}">`).toThrow(/href or src takes url/)
  })

  it('does not mistake other attributes for an address', () => {
    expect(String(html`<img srcset="${'/a.jpg 1x'}" data-href="${'x'}"><a href="/">${'/x'}</a>`)).toBe(
      '<img srcset="/a.jpg 1x" data-href="x"><a href="/">/x</a>',
    )
  })
})

describe('JSON-LD inside <script>', () => {
  const block = (value: unknown) => String(html`<script type="application/ld+json">${jsonForScript(value)}</script>`)

  it('cannot be closed early or turned into a comment by a headline', () => {
    const headline = 'Ends </script><script>alert(1)</script> and <!-- opens a comment'
    const out = block({ headline })
    expect(out.match(/<\/script>/g)).toHaveLength(1)
    expect(out).not.toContain('<!--')
    const inner = out.slice('<script type="application/ld+json">'.length, -'</script>'.length)
    expect(JSON.parse(inner)).toEqual({ headline })
  })

  it('parses back to the same text with line and paragraph separators, quotes and ampersands', () => {
    const headline = 'Line\u2028para\u2029 "quoted" & \'single\' \\ back'
    const inner = String(jsonForScript({ headline }))
    expect(JSON.parse(inner)).toEqual({ headline })
    expect(inner).not.toContain('<')
  })
})
