import 'server-only'
import { html } from '@/lib/html'
import type { ReaderChrome } from '@/lib/reader-chrome'
import type { StandingPage } from '@/lib/site-pages'
import { readerDocument } from './shell'

/** One of the newsroom's standing pages (`/about`, `/ethics`, …): its title, then its text, a paragraph per blank-line-separated block. */
export function sitePageDocument(page: StandingPage, chrome: ReaderChrome): string {
  const paragraphs = page.body
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '')
  const main = html`<article class="standing-page"><header class="page-head"><h1>${page.title}</h1></header>
${paragraphs.map((paragraph) => html`<p>${paragraph.split('\n').map((line, index) => (index === 0 ? line : html`<br>${line}`))}</p>`)}
</article>`
  const description = paragraphs[0] ?? page.title
  return readerDocument({ head: { title: page.title, description: description.slice(0, 160), canonicalPath: page.path }, main }, chrome)
}
