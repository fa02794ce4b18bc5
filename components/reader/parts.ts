import 'server-only'
import { type SafeHtml, html, url } from '@/lib/html'
import { safeUrl } from '@/lib/safe-url'
import type { ResponsiveImage } from '@/lib/media/srcset'
import type { PublicByline } from '@/lib/public-articles'
import type { ListImages, StorySummary } from '@/lib/public-lists'
import type { SectionCrumb } from '@/lib/sections'

const dateTimeFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' })
const dateFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' })

/** A `<time>` readers can read and machines can parse. */
export function timeTag(date: Date, withTime = true): SafeHtml {
  return html`<time datetime="${date.toISOString()}">${withTime ? `${dateTimeFormat.format(date)} UTC` : dateFormat.format(date)}</time>`
}

/** Home / Regions / Middle East. */
export function breadcrumb(trail: readonly SectionCrumb[]): SafeHtml {
  return html`<nav class="breadcrumb" aria-label="Breadcrumb"><ol><li><a href="/">Home</a></li>${trail.map(
    (crumb, index) =>
      html`<li><a href="${url(safeUrl(crumb.path))}"${index === trail.length - 1 ? html` aria-current="page"` : ''}>${crumb.name}</a></li>`,
  )}</ol></nav>`
}

/** "By Ana Lima / Tessera News Agency and Sam Reed": names joined as a sentence, staff linked to their page. */
export function bylineLine(bylines: readonly PublicByline[]): SafeHtml | '' {
  if (bylines.length === 0) return ''
  const names = bylines.map(
    (byline) =>
      html`<span class="author">${byline.authorSlug ? html`<a href="${url(safeUrl(`/authors/${byline.authorSlug}`))}">${byline.name}</a>` : byline.name}</span>${
        byline.outlet ? html` <span class="outlet">/ ${byline.outlet}</span>` : ''
      }`,
  )
  const joined = names.flatMap((name, index) => (index === 0 ? [name] : [index === names.length - 1 ? html` and ` : html`, `, name]))
  return html`<p class="byline">By ${joined}</p>`
}

/**
 * `<picture>` with AVIF and WebP sources, width and height (no layout shift), and the image's
 * focal point as its `object-position`, so that wherever the stylesheet crops it
 * (`object-fit: cover`) the part that matters stays in view. `load`: `priority` for the page's
 * main photo, `eager` for others in the first screen, `lazy` (the default) below it.
 */
export function picture(image: ResponsiveImage & { alt: string }, options: { load?: 'priority' | 'eager' | 'lazy' } = {}): SafeHtml {
  const load = options.load ?? 'lazy'
  return html`<picture>${image.sources.map((source) => html`<source type="${source.type}" srcset="${source.srcSet}" sizes="${image.sizes}">`)}<img src="${url(safeUrl(image.src))}"${
    image.fallbackSrcSet ? html` srcset="${image.fallbackSrcSet}" sizes="${image.sizes}"` : ''
  } alt="${image.alt}" width="${image.width}" height="${image.height}" style="object-position: ${image.objectPosition}"${
    load === 'priority' ? html` fetchpriority="high"` : load === 'lazy' ? html` loading="lazy"` : ''
  } decoding="async"></picture>`
}

/** A list item's photo: the story's lead image, if it has one, from the list's images. */
export function listPhoto(leadMediaId: number | null, images: ListImages | undefined, load: 'eager' | 'lazy'): SafeHtml | '' {
  const image = leadMediaId === null ? undefined : images?.get(leadMediaId)
  return image ? picture(image, { load }) : ''
}

/** How a list of stories is shown. */
export type StoryListOptions = {
  /** The headlines' heading level. */
  level?: 2 | 3
  showSection?: boolean
  /** The stories' photos (`listImages` in lib/public-lists.ts); a story without one is shown without. */
  images?: ListImages
  /** How many of the first items' photos load at once (in the first screen); the others load lazily. */
  eager?: number
}

/** A list of stories: photo, section, headline link, date and standfirst. */
export function storyList(stories: readonly StorySummary[], options: StoryListOptions = {}): SafeHtml {
  const heading = (story: StorySummary) =>
    options.level === 3
      ? html`<h3><a href="${url(safeUrl(story.path))}">${story.headline}</a></h3>`
      : html`<h2><a href="${url(safeUrl(story.path))}">${story.headline}</a></h2>`
  return html`<ol class="story-list">${stories.map(
    (story, index) =>
      html`<li>${listPhoto(story.leadMediaId, options.images, index < (options.eager ?? 0) ? 'eager' : 'lazy')}${
        options.showSection === false ? '' : html`<p class="kicker">${story.section.name}</p>`
      }${heading(story)}<p class="meta">${timeTag(story.publishedAt, false)}</p>${story.standfirst ? html`<p>${story.standfirst}</p>` : ''}</li>`,
  )}</ol>`
}

/** Previous / next links between the pages of a list (`/regions`, `/regions/page/2`, …). */
export function pagination(basePath: string, page: number, pageCount: number): SafeHtml | '' {
  if (pageCount <= 1) return ''
  const pagePath = (number: number) => (number === 1 ? basePath || '/' : `${basePath}/page/${number}`)
  return html`<nav class="pagination" aria-label="Pages">${page > 1 ? html`<a rel="prev" href="${url(safeUrl(pagePath(page - 1)))}">← Newer stories</a>` : html`<span></span>`}<span>Page ${page} of ${pageCount}</span>${
    page < pageCount ? html`<a rel="next" href="${url(safeUrl(pagePath(page + 1)))}">Older stories →</a>` : html`<span></span>`
  }</nav>`
}

/** Plain text typed in the desk (a standing page, a tag's description) cut into its blank-line-separated paragraphs. */
export function paragraphsOf(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '')
}

/** Paragraphs as HTML, each line break within one kept. */
export function plainParagraphs(paragraphs: readonly string[]): SafeHtml {
  return html`${paragraphs.map((paragraph) => html`<p>${paragraph.split('\n').map((line, index) => (index === 0 ? line : html`<br>${line}`))}</p>`)}`
}
