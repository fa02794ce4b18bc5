import 'server-only'
import { type SafeHtml, html, url } from '@/lib/html'
import { safeUrl } from '@/lib/safe-url'
import { type SearchResult, maxQueryLength } from '@/lib/search'
import { timeTag } from './parts'
import type { ReaderChrome } from '@/lib/reader-chrome'
import { readerDocument } from './shell'

const numberFormat = new Intl.NumberFormat('en-GB')

/** The reader's search page (`/search?q=…&page=N`): the form, the hits with their snippets, and pages. */
export function searchPage(result: SearchResult, chrome: ReaderChrome): string {
  const { query, total, hits, message } = result
  const main = html`<div class="search-page">
<h1>Search</h1>
<form action="/search" method="get"><label for="search-q">Search stories</label> <input id="search-q" name="q" type="search" value="${query}" maxlength="${maxQueryLength}"> <button type="submit">Search</button></form>
${total > 0 ? html`<p class="meta">${numberFormat.format(total)} ${total === 1 ? 'result' : 'results'} for “${query}”</p>` : ''}
${message ? html`<p class="empty">${message}</p>` : ''}
${
  hits.length > 0
    ? html`<ol class="story-list">${hits.map(
        (hit) =>
          html`<li><p class="kicker">${hit.section}</p><h2><a href="${url(safeUrl(hit.path))}">${hit.headline}</a></h2>${
            hit.publishedAt ? html`<p class="meta">${timeTag(hit.publishedAt, false)}</p>` : ''
          }<p>${hit.snippet}</p></li>`,
      )}</ol>`
    : ''
}
${pagination(result)}
</div>`
  return readerDocument({ head: { title: query ? `Search: ${query}` : 'Search', noindex: true }, main }, chrome)
}

function pageLink(query: string, page: number): string {
  const params = new URLSearchParams({ q: query })
  if (page > 1) params.set('page', String(page))
  return `/search?${params}`
}

function pagination({ query, page, pageCount }: SearchResult): SafeHtml | '' {
  if (pageCount === 0 || (pageCount === 1 && page === 1)) return ''
  // From past the end, "previous" leads back to the last page there is.
  const previous = Math.min(page - 1, pageCount)
  return html`<nav class="pagination" aria-label="Pages">${
    previous >= 1 ? html`<a rel="prev" href="${url(safeUrl(pageLink(query, previous)))}">← Previous</a>` : html`<span></span>`
  }${page <= pageCount ? html`<span>Page ${page} of ${pageCount}</span>` : html`<span></span>`}${page < pageCount ? html`<a rel="next" href="${url(safeUrl(pageLink(query, page + 1)))}">Next →</a>` : html`<span></span>`}</nav>`
}
