import 'server-only'
import { html } from '@/lib/html'
import type { ReaderChrome } from '@/lib/reader-chrome'
import type { StandingPage } from '@/lib/site-pages'
import { paragraphsOf, plainParagraphs } from './parts'
import { readerDocument } from './shell'

/** One of the newsroom's standing pages (`/about`, `/ethics`, …): its title, then its text, a paragraph per blank-line-separated block. */
export function sitePageDocument(page: StandingPage, chrome: ReaderChrome): string {
  const paragraphs = paragraphsOf(page.body)
  const main = html`<article class="standing-page"><header class="page-head"><h1>${page.title}</h1></header>
${plainParagraphs(paragraphs)}
</article>`
  const description = paragraphs[0] ?? page.title
  return readerDocument({ head: { title: page.title, description: description.slice(0, 160), canonicalPath: page.path }, main }, chrome)
}
