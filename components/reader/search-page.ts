import 'server-only'
import { type SafeHtml, html, url } from '@/lib/html'
import type { ListImages } from '@/lib/public-lists'
import { safeUrl } from '@/lib/safe-url'
import { type SearchHit, type SearchResult, maxQueryLength } from '@/lib/search'
import { listPhoto, timeTag } from './parts'
import type { ReaderChrome } from '@/lib/reader-chrome'
import { readerDocument } from './shell'
import { countOf } from '@/lib/words'

/** Thumbnails of the first results load at once; the rest as the reader scrolls to them. */
const eagerThumbnails = 3

/**
 * The reader's search page (`/search?q=…&page=N`): the form, how many stories matched, "did you
 * mean" for a misspelt query, then the results as a list (headline, section, date, snippet and
 * the story's photo), and pages.
 */
export function searchPage(result: SearchResult, images: ListImages, chrome: ReaderChrome): string {
  const { query, total, hits, message, suggestion } = result
  const main = html`<div class="search-page">
<h1>Search</h1>
<form action="/search" method="get"><label for="search-q">Search stories</label> <input id="search-q" name="q" type="search" value="${query}" maxlength="${maxQueryLength}"> <button type="submit">Search</button></form>
${total > 0 ? html`<p class="result-count">${countOf(total, 'result')} for “${query}”</p>` : ''}
${suggestion ? html`<p class="did-you-mean">Did you mean <a href="${url(safeUrl(pageLink(suggestion, 1)))}">${suggestion}</a>?</p>` : ''}
${message ? html`<p class="empty">${message}</p>` : ''}
${hits.length > 0 ? html`<ol class="result-list">${hits.map((hit, index) => resultItem(hit, images, index < eagerThumbnails))}</ol>` : ''}
${pagination(result)}
</div>`
  return readerDocument({ head: { title: query ? `Search: ${query}` : 'Search', noindex: true }, main }, chrome)
}

function resultItem(hit: SearchHit, images: ListImages, eager: boolean): SafeHtml {
  return html`<li><div><h2><a href="${url(safeUrl(hit.path))}">${hit.headline}</a></h2><p class="meta"><span class="section">${hit.section}</span>${
    hit.publishedAt ? html` · ${timeTag(hit.publishedAt, false)}` : ''
  }</p><p class="snippet">${hit.snippet}</p></div>${listPhoto(hit.leadMediaId, images, eager ? 'eager' : 'lazy')}</li>`
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
