import { typographic } from '@/lib/typography'

/**
 * HTML pasted from a word processor or a web page, tidied before the schema reads it. The schema
 * already keeps only what it knows (paragraphs, headings, lists, links, bold, italic…); this
 * rebuilds Word's lists (which it pastes as paragraphs with typed-out bullets and numbers), removes
 * what would otherwise leak through as text (Word's conditional blocks, style sheets, scripts, the
 * fallback text of frames) and maps headings onto the levels a story uses: the headline is the only
 * h1, so a pasted h1 becomes an h2, and h5/h6 become h4. Its text gets typographic quotes,
 * apostrophes and dashes, as typed text does, except inside code and web addresses. Works on the
 * markup as text, so that it runs (and is tested) without a DOM.
 */
export function cleanPastedHtml(html: string): string {
  return typographicHtml(
    wordListsToLists(html)
      // Word: <!--[if gte mso 9]>…<![endif]--> and ordinary comments.
      .replace(/<!--[\s\S]*?-->/g, '')
      // Word: <![if !supportLists]>1.<![endif]>, the typed-out bullets and numbers of its lists.
      .replace(/<!\[if[^\]]*\]>[\s\S]*?<!\[endif\]>/gi, '')
      .replace(/<(style|script|template|xml|title|iframe|noscript|object|noembed|noframes)\b[\s\S]*?<\/\1\s*>/gi, '')
      .replace(/<(meta|link|base|embed)\b[^>]*>/gi, '')
      // Office namespaces: <o:p>, <w:sdt>, <v:shape>…
      .replace(/<\/?[a-z]+:[a-z][^>]*>/gi, '')
      .replace(/<(\/?)h1(?=[\s>/])/gi, '<$1h2')
      .replace(/<(\/?)h[56](?=[\s>/])/gi, '<$1h4'),
  )
}

/** Plain text pasted into the body, with typographic punctuation (web addresses left alone). */
export function cleanPastedText(text: string): string {
  return typographic(text)
}

/** Where the text before no longer counts for a quote's direction: a new block or line. */
const blockBoundary = /^<\/?(p|h[1-6]|li|ul|ol|div|blockquote|figure|figcaption|td|th|tr|br|hr|pre|section|article)\b/i
/** Markup whose text is code, kept exactly as written. */
const codeTag = /^<(\/?)(code|pre|kbd|samp|tt)\b/i

/** The text of `html` with typographic punctuation; tags, attributes, and code untouched. */
function typographicHtml(html: string): string {
  let before = ''
  let codeDepth = 0
  return html.replace(/(<[^>]*>)|([^<]+)/g, (_match, tag: string | undefined, text: string | undefined) => {
    if (tag) {
      const code = codeTag.exec(tag)
      if (code) codeDepth = Math.max(0, codeDepth + (code[1] ? -1 : 1))
      if (blockBoundary.test(tag)) before = ''
      return tag
    }
    const plain = (text ?? '').replace(/&quot;|&#34;|&#x22;/gi, '"').replace(/&#39;|&apos;|&#x27;/gi, "'")
    if (codeDepth > 0) return text ?? ''
    const result = typographic(plain, before)
    before = (before + plain).slice(-200)
    return result
  })
}

/** A paragraph of a Word list: `<p class=MsoListParagraph style='mso-list:l0 level1 lfo1'>…</p>`. */
const listParagraph = String.raw`<p\b[^>]*?mso-list:\s*l\d+\s+level\d+[^>]*>[\s\S]*?<\/p>`
const listParagraphs = new RegExp(`${listParagraph}(?:\\s*${listParagraph})*`, 'gi')

// The typed-out bullet or number, in either of the ways Word marks it, or in a span it tells
// other Office programs to ignore.
const markers = [
  /<!\[if !supportLists\]>([\s\S]*?)<!\[endif\]>/i,
  /<!--\[if !supportLists\]-->([\s\S]*?)<!--\[endif\]-->/i,
  /<span\b[^>]*mso-list:\s*Ignore[^>]*>([\s\S]*?)<\/span>/i,
]

type WordListItem = { list: string; level: number; isOrdered: boolean; start: number; content: string }

function readListParagraph(paragraph: string): WordListItem {
  const open = /^<p\b[^>]*>/i.exec(paragraph)?.[0] ?? ''
  // l0 names the list's style, lfo1 this use of it: two lists may share a style.
  const [, list = '', level = '1', lfo = ''] = /mso-list:\s*(l\d+)\s+level(\d+)(?:\s+(lfo\d+))?/i.exec(open) ?? []
  let content = paragraph.slice(open.length, -'</p>'.length)
  let marker = ''
  for (const pattern of markers) {
    const found = pattern.exec(content)
    if (!found) continue
    marker = (found[1] ?? '')
      .replace(/<[^>]*>/g, '')
      .replace(/&nbsp;|\u00a0/g, ' ')
      .trim()
    content = content.replace(pattern, '')
    break
  }
  // 1.  a)  (iv)  10.  are numbers; ·  o  §  and Symbol-font bullets are not.
  const number = /^\(?(\d{1,6}|[a-z]{1,5})[.)]$/i.exec(marker)
  const start = number && /^\d+$/.test(number[1] ?? '') ? Number(number[1]) : 1
  return { list: `${list}/${lfo}`, level: Number(level), isOrdered: number !== null, start, content }
}

/** Word's list paragraphs, run by run, as nested `<ul>` and `<ol>` lists. */
function wordListsToLists(html: string): string {
  return html.replace(listParagraphs, (run) => {
    const items = (run.match(new RegExp(listParagraph, 'gi')) ?? []).map(readListParagraph)
    const open: { level: number; tag: 'ul' | 'ol'; list: string }[] = []
    let out = ''
    for (const item of items) {
      const tag = item.isOrdered ? 'ol' : 'ul'
      while (open.length > 0 && (open.at(-1)?.level ?? 0) > item.level) out += `</li></${open.pop()?.tag}>`
      const top = open.at(-1)
      if (top && top.level === item.level && (top.tag !== tag || top.list !== item.list)) out += `</li></${open.pop()?.tag}>`
      const current = open.at(-1)
      if (current && current.level === item.level) {
        out += '</li>'
      } else {
        out += tag === 'ol' && item.start !== 1 ? `<ol start="${item.start}">` : `<${tag}>`
        open.push({ level: item.level, tag, list: item.list })
      }
      out += `<li><p>${item.content}</p>`
    }
    while (open.length > 0) out += `</li></${open.pop()?.tag}>`
    return out
  })
}
