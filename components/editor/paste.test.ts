import { describe, expect, it } from 'vitest'
import { cleanPastedHtml } from './paste'

describe('cleaning pasted HTML', () => {
  it('makes a pasted h1 an h2, and h5 and h6 an h4', () => {
    expect(cleanPastedHtml('<h1 class="title">Big</h1><h5>Small</h5><H6>Tiny</H6>')).toBe('<h2 class="title">Big</h2><h4>Small</h4><h4>Tiny</h4>')
  })

  it('leaves other headings and paragraphs alone', () => {
    expect(cleanPastedHtml('<h2>A</h2><h3>B</h3><p>C <a href="https://example.org">link</a></p>')).toBe('<h2>A</h2><h3>B</h3><p>C <a href="https://example.org">link</a></p>')
  })

  it('removes what Word adds around the words', () => {
    const word =
      '<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta charset="utf-8"><style>p.MsoNormal{margin:0}</style><!--[if gte mso 9]><xml><o:OfficeDocumentSettings/></xml><![endif]--></head>' +
      '<body><p class=MsoListParagraph><![if !supportLists]><span>·<span>  </span></span><![endif]>First point<o:p></o:p></p></body></html>'
    const cleaned = cleanPastedHtml(word)
    expect(cleaned).not.toMatch(/MsoNormal\{|o:p|OfficeDocumentSettings|supportLists|·/)
    expect(cleaned).toContain('First point')
  })

  it('removes scripts and style sheets with their contents', () => {
    expect(cleanPastedHtml('<p>a</p><script>alert(1)</script><style>p{}</style><p>b</p>')).toBe('<p>a</p><p>b</p>')
  })
})
