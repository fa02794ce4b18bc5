/**
 * HTML pasted from a word processor or a web page, tidied before the schema reads it. The schema
 * already keeps only what it knows (paragraphs, headings, lists, links, bold, italic…); this
 * removes what would otherwise leak through as text (Word's conditional blocks and list bullets,
 * style sheets, scripts) and maps headings onto the levels a story uses: the headline is the only
 * h1, so a pasted h1 becomes an h2, and h5/h6 become h4.
 */
export function cleanPastedHtml(html: string): string {
  return (
    html
      // Word: <!--[if gte mso 9]>…<![endif]--> and ordinary comments.
      .replace(/<!--[\s\S]*?-->/g, '')
      // Word: <![if !supportLists]>1.<![endif]>, the typed-out bullets and numbers of its lists.
      .replace(/<!\[if[^\]]*\]>[\s\S]*?<!\[endif\]>/gi, '')
      .replace(/<(style|script|template|xml|title)\b[\s\S]*?<\/\1\s*>/gi, '')
      .replace(/<(meta|link|base)\b[^>]*>/gi, '')
      // Office namespaces: <o:p>, <w:sdt>, <v:shape>…
      .replace(/<\/?[a-z]+:[a-z][^>]*>/gi, '')
      .replace(/<(\/?)h1(?=[\s>/])/gi, '<$1h2')
      .replace(/<(\/?)h[56](?=[\s>/])/gi, '<$1h4')
  )
}
