import 'server-only'
import fs from 'node:fs'
import path from 'node:path'
import { type HtmlValue, type SafeHtml, html, trustedHtml, url } from '@/lib/html'
import { safeUrl } from '@/lib/safe-url'
import type { ReaderChrome } from '@/lib/reader-chrome'
import { type PageHead, headTags } from './head'

/** One reader's page: what its `<head>` says of it, and its own content. */
export type ReaderPage = {
  head: PageHead
  main: SafeHtml
  /** A bar above the masthead (the desk preview's marker). */
  banner?: HtmlValue
}

// The reader's stylesheet goes inline: one request for the whole page, and no render-blocking link.
// Its parts, in cascade order; styles/story-body.css is the desk's too (app/globals.css imports it).
const stylesheets = ['site.css', 'lists.css', 'story-body.css', 'story.css']
let stylesheet: string | undefined
/** The reader's whole stylesheet, exactly as pages print it (its hash is in their CSP: components/reader/security-policy.ts). */
export function readerStylesheet(): string {
  stylesheet ??= stylesheets.map((name) => fs.readFileSync(path.join(process.cwd(), 'components/reader/styles', name), 'utf8')).join('')
  return stylesheet
}

/** A whole reader's document. It loads no script but the few lines behind "Copy link". */
export function readerDocument(page: ReaderPage, { site, sections, pages }: ReaderChrome): string {
  return `<!doctype html>${html`<html lang="${site.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${headTags(page.head, site)}
<style>${trustedHtml(readerStylesheet())}</style>
</head>
<body>
<a class="skip-link" href="#main">Skip to content</a>
${page.banner}
<header class="masthead">
<p class="brand"><a href="/">${
    site.logo
      ? html`<img src="${url(safeUrl(site.logo.src))}" alt="${site.name}" width="${site.logo.width}" height="${site.logo.height}">`
      : site.name
  }</a></p>
<nav aria-label="Sections"><ul class="sections">${sections.map((section) => html`<li><a href="${url(safeUrl(section.path))}">${section.name}</a></li>`)}</ul></nav>
<form class="site-search" role="search" action="/search" method="get"><label for="site-search-q">Search</label> <input id="site-search-q" name="q" type="search" maxlength="200"> <button type="submit">Go</button></form>
</header>
<main id="main" tabindex="-1">${page.main}</main>
<footer class="site-footer">
${pages.length > 0 ? html`<nav aria-label="About ${site.name}"><ul>${pages.map((page) => html`<li><a href="${url(safeUrl(page.path))}">${page.title}</a></li>`)}</ul></nav>` : ''}
<ul><li><a href="/corrections">Corrections</a></li><li><a href="/feed.xml">RSS feed</a></li><li><a href="/search">Search</a></li></ul>
<p>${site.name} · published by ${site.publisher}</p>
</footer>
</body>
</html>`}`
}
