import { describe, expect, it } from 'vitest'
import { cleanPastedHtml, cleanPastedText } from './paste'
import { googleDocsHtml, webPageHtml, wordCommentListHtml, wordHtml } from './paste-samples'

describe('cleaning pasted HTML', () => {
  it('makes a pasted h1 an h2, and h5 and h6 an h4', () => {
    expect(cleanPastedHtml('<h1 class="title">Big</h1><h5>Small</h5><H6>Tiny</H6>')).toBe(
      '<h2 class="title">Big</h2><h4>Small</h4><h4>Tiny</h4>',
    )
  })

  it('leaves other headings and paragraphs alone', () => {
    expect(cleanPastedHtml('<h2>A</h2><h3>B</h3><p>C <a href="https://example.org">link</a></p>')).toBe(
      '<h2>A</h2><h3>B</h3><p>C <a href="https://example.org">link</a></p>',
    )
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

/** The markup with the attributes and empty paragraphs the schema ignores left out, to compare structure. */
const structure = (html: string) =>
  html
    .replace(/<(\w+)\b[^>]*?(\sstart="\d+")?[^>]*>/g, '<$1$2>')
    .replace(/&nbsp;|\s+/g, ' ')
    .replace(/<\/?(span|b|i|html|head|body)>/g, '')
    .replace(/<p> ?<\/p>/g, '')
    .replace(/>\s+</g, '><')
    .trim()

describe('pasting from Word', () => {
  it('turns its bulleted and numbered paragraphs into lists, a nested point inside its parent', () => {
    const cleaned = cleanPastedHtml(wordHtml)
    expect(structure(cleaned)).toBe(
      '<h2>Ferry timetable</h2><p>The service runs twice a day from Kessel.</p>' +
        '<ul><li><p>Morning crossing</p><ul><li><p>Cars on the lower deck</p></li></ul></li><li><p>Evening crossing</p></li></ul>' +
        '<ol><li><p>Buy a ticket</p></li><li><p>Board at the quay</p></li></ol>',
    )
    expect(cleaned).toContain('<b>twice</b>')
    expect(cleaned).toContain('<i>Kessel</i>')
  })

  it('drops the typed-out bullets and numbers, in either way Word marks them', () => {
    expect(cleanPastedHtml(wordHtml)).not.toMatch(/·|>o<|1\.|2\.|mso-list:Ignore|supportLists/)
    const cleaned = cleanPastedHtml(wordCommentListHtml)
    expect(structure(cleaned)).toBe('<ol><li><p>First option</p></li><li><p>Second option</p></li></ol>')
    expect(cleaned).not.toContain('a)')
  })

  it('keeps the number a list starts from', () => {
    const third =
      "<p class=MsoListParagraph style='mso-list:l4 level1 lfo5'><![if !supportLists]><span>3.<span>&nbsp;</span></span><![endif]>Third</p>"
    expect(cleanPastedHtml(third)).toBe('<ol start="3"><li><p>Third</p></li></ol>')
  })

  it('starts a new list where Word starts one, even right after another', () => {
    const item = (list: string, lfo: string, marker: string, words: string) =>
      `<p class=MsoListParagraph style='mso-list:${list} level1 ${lfo}'><![if !supportLists]>${marker}<![endif]>${words}</p>`
    const cleaned = cleanPastedHtml(
      item('l0', 'lfo1', '·', 'a') + item('l0', 'lfo1', '·', 'b') + item('l1', 'lfo2', '1.', 'c') + item('l0', 'lfo3', '·', 'd'),
    )
    expect(cleaned).toBe('<ul><li><p>a</p></li><li><p>b</p></li></ul><ol><li><p>c</p></li></ol><ul><li><p>d</p></li></ul>')
  })

  it('leaves paragraphs that are not in a list as they are', () => {
    expect(cleanPastedHtml("<p class=MsoNormal style='mso-list:none'>Plain</p>")).toBe("<p class=MsoNormal style='mso-list:none'>Plain</p>")
  })
})

describe('pasting from Google Docs', () => {
  it('keeps its lists, nested list, headings, formatting and link, and drops its meta tag', () => {
    const cleaned = cleanPastedHtml(googleDocsHtml)
    expect(cleaned).not.toContain('<meta')
    expect(structure(cleaned)).toBe(
      '<h2>Harbour plan</h2><p>Bold words and slanted words with <a>a link</a></p>' +
        '<ul><li><p>New quay</p></li><ul><li><p>Two berths</p></li></ul><li><p>Wider road</p></li></ul><ol><li><p>Consult</p></li><li><p>Build</p></li></ol>',
    )
    expect(cleaned).toContain('font-weight:700')
    expect(cleaned).toContain('<a href="https://example.org/plan"')
  })
})

describe('pasting from a web page', () => {
  it('removes scripts, style sheets and the fallback text of frames before the schema reads the rest', () => {
    const cleaned = cleanPastedHtml(webPageHtml)
    expect(cleaned).not.toMatch(/<script|document\.cookie|<style|\.promo|<iframe|Frame fallback text/)
    expect(cleaned).toContain('<h2 class="headline"')
    expect(cleaned).toContain('<h3>What closes</h3>')
  })
})

describe('typographic punctuation in pasted text', () => {
  it('curls quotes and apostrophes and makes dashes in pasted HTML, across inline tags, but not in code or addresses', () => {
    expect(
      cleanPastedHtml(
        '<p>&quot;<b>Boats</b> are back,&quot; she said -- it\'s <a href="https://example.org/a--b">"official"</a> https://example.org/it\'s</p><pre>x = "a" -- \'b\'</pre><p><code>"raw"</code> \'then\'</p>',
      ),
    ).toBe(
      '<p>“<b>Boats</b> are back,” she said — it’s <a href="https://example.org/a--b">“official”</a> https://example.org/it\'s</p><pre>x = "a" -- \'b\'</pre><p><code>"raw"</code> ‘then’</p>',
    )
  })

  it('starts each paragraph afresh: a quote opening a paragraph opens', () => {
    expect(cleanPastedHtml('<p>He said</p><p>"Yes."</p>')).toBe('<p>He said</p><p>“Yes.”</p>')
  })

  it('does the same for plain text', () => {
    expect(cleanPastedText('"Ferries run again" -- the port\'s notice')).toBe('“Ferries run again” — the port’s notice')
  })
})
