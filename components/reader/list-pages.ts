import 'server-only'
import type { RecentCorrection } from '@/lib/corrections'
import { type HtmlValue, html, url } from '@/lib/html'
import { safeUrl } from '@/lib/safe-url'
import type { FrontPageTop } from '@/lib/front-page'
import type { ListImages, StoryPage, StorySummary } from '@/lib/public-lists'
import type { SectionCrumb } from '@/lib/sections'
import { breadcrumb, pagination, paragraphsOf, picture, plainParagraphs, storyList, timeTag } from './parts'
import type { ReaderChrome } from '@/lib/reader-chrome'
import { readerDocument } from './shell'
import { type AuthorProfile, breadcrumbList, profilePage, webSite } from './structured-data'

export type HomeContent = FrontPageTop & {
  /** The lead story's photo, sized for the top of the page. */
  leadImages: ListImages
  /** The other stories' photos, sized for a list. */
  images: ListImages
  rails: { section: SectionCrumb; stories: StorySummary[] }[]
}

/** The front page (its rules: lib/front-page.ts): the lead story, the stories under it, and a rail for each top-level section. */
export function homePage({ lead, secondaries, leadImages, images, rails }: HomeContent, chrome: ReaderChrome): string {
  const main = html`<h1 class="visually-hidden">${chrome.site.name}: latest news</h1>
${lead ? leadStory(lead, leadImages) : html`<p class="empty">Nothing has been published yet.</p>`}
${secondaries.length > 0 ? html`<section class="top-stories" aria-label="Top stories">${storyList(secondaries, { level: 2, images, eager: secondaries.length })}</section>` : ''}
${rails.map(
  ({ section, stories }) =>
    html`<section class="rail" aria-labelledby="rail-${section.slug}"><h2 id="rail-${section.slug}"><a href="${url(safeUrl(section.path))}">${section.name}</a></h2>${storyList(stories, { level: 3, showSection: false, images })}</section>`,
)}`
  return readerDocument(
    { head: { title: chrome.site.name, description: chrome.site.description, canonicalPath: '/', jsonLd: [webSite(chrome.site)] }, main },
    chrome,
  )
}

function leadStory(lead: StorySummary, images: ListImages) {
  const photo = lead.leadMediaId === null ? undefined : images.get(lead.leadMediaId)
  return html`<article class="lead-story"><div><p class="kicker">${lead.section.name}</p><h2><a href="${url(safeUrl(lead.path))}">${lead.headline}</a></h2>${
    lead.standfirst ? html`<p>${lead.standfirst}</p>` : ''
  }<p class="meta">${timeTag(lead.publishedAt, false)}</p></div>${photo ? picture(photo, { load: 'priority' }) : ''}</article>`
}

export type SectionContent = {
  trail: SectionCrumb[]
  description: string
  subsections: SectionCrumb[]
  stories: StoryPage
  images: ListImages
}

/** A section of the tree (`/regions`, `/regions/middle-east`), with its sub-sections and a page of its stories. */
export function sectionPage({ trail, description, subsections, stories, images }: SectionContent, chrome: ReaderChrome): string {
  const section = trail.at(-1)
  if (!section) throw new Error('A section page needs a section.')
  const title = stories.page > 1 ? `${section.name}, page ${stories.page}` : section.name
  const main = html`<header class="page-head">${breadcrumb(trail.slice(0, -1))}<h1>${title}</h1>${description ? html`<p>${description}</p>` : ''}
${subsections.length > 0 ? html`<nav aria-label="In ${section.name}"><ul class="subsections">${subsections.map((sub) => html`<li><a href="${url(safeUrl(sub.path))}">${sub.name}</a></li>`)}</ul></nav>` : ''}</header>
${listing(stories, images, section.path, 'No stories in this section yet.')}`
  return readerDocument(
    {
      head: {
        title,
        description: description || `The latest stories in ${section.name}.`,
        canonicalPath: pagePath(section.path, stories.page),
        feeds: [{ title: section.name, path: section.path }],
        jsonLd: [breadcrumbList(trail, chrome.site)],
      },
      main,
    },
    chrome,
  )
}

export type AuthorContent = AuthorProfile & { stories: StoryPage; images: ListImages }

/** A staff member's page: who they are (photo, job, bio, pages elsewhere) and what they have written. */
export function authorPage({ stories, images, ...author }: AuthorContent, chrome: ReaderChrome): string {
  const { name, slug, bio, jobTitle, links, photo } = author
  const basePath = `/authors/${slug}`
  const portrait = photo
    ? html`<img src="${url(safeUrl(photo.src))}" width="160" height="${Math.round((160 * photo.height) / photo.width)}" alt="" />`
    : ''
  const elsewhere = links.length
    ? html`<ul class="author-links">${links.map((link) => html`<li><a href="${url(safeUrl(link))}" rel="me noopener">${new URL(link).hostname}</a></li>`)}</ul>`
    : ''
  const main = html`<header class="page-head author-head">${portrait}<div><p class="kicker">Author</p><h1>${name}</h1>${jobTitle ? html`<p class="job-title">${jobTitle}</p>` : ''}${plainParagraphs(paragraphsOf(bio))}${elsewhere}</div></header>
${listing(stories, images, basePath, `${name} has no published stories yet.`)}`
  return readerDocument(
    {
      head: {
        title: stories.page > 1 ? `${name}, page ${stories.page}` : name,
        description: paragraphsOf(bio)[0]?.slice(0, 160) || `Stories by ${name}.`,
        canonicalPath: pagePath(basePath, stories.page),
        jsonLd: [profilePage(author, chrome.site)],
      },
      main,
    },
    chrome,
  )
}

/** `description`: the newsroom's plain text about the tag (lib/tags.ts), '' for none. */
export type TagContent = { name: string; description: string; slug: string; stories: StoryPage; images: ListImages }

/** Every public story carrying a tag, under the tag's description. */
export function tagPage({ name, description, slug, stories, images }: TagContent, chrome: ReaderChrome): string {
  const basePath = `/tags/${slug}`
  const paragraphs = paragraphsOf(description)
  const main = html`<header class="page-head"><p class="kicker">Tag</p><h1>${name}</h1>${plainParagraphs(paragraphs)}</header>
${listing(stories, images, basePath, `No published stories are tagged ${name}.`)}`
  return readerDocument(
    {
      head: {
        title: stories.page > 1 ? `${name}, page ${stories.page}` : name,
        description: paragraphs[0]?.slice(0, 160) ?? `Stories tagged ${name}.`,
        canonicalPath: pagePath(basePath, stories.page),
      },
      main,
    },
    chrome,
  )
}

/** The public record of corrections and updates, newest first. */
export function correctionsPage(
  { items: corrections, page, pageCount }: { items: readonly RecentCorrection[]; page: number; pageCount: number },
  chrome: ReaderChrome,
): string {
  const main = html`<header class="page-head"><h1>Corrections and updates</h1><p>When we get something wrong, we correct it here and on the story.</p></header>
${
  corrections.length === 0
    ? html`<p class="empty">No corrections yet.</p>`
    : html`<ol class="story-list">${corrections.map(
        (correction) =>
          html`<li><p class="kicker">${correction.kind === 'correction' ? 'Correction' : 'Update'}</p><h2><a href="${url(safeUrl(correction.article.path))}">${correction.article.headline}</a></h2><p class="meta">${timeTag(correction.createdAt)}</p><p>${
            correction.retractedAt
              ? html`<s>${correction.body}</s> <em>Withdrawn${correction.retractionNote ? `: ${correction.retractionNote}` : ''}.</em>`
              : correction.body
          }</p></li>`,
      )}</ol>${pagination('/corrections', page, pageCount)}`
}`
  return readerDocument(
    {
      head: {
        title: 'Corrections and updates',
        description: 'Corrections and updates to our stories.',
        canonicalPath: pagePath('/corrections', page),
      },
      main,
    },
    chrome,
  )
}

/** 404 and 410 pages: what happened, and where to go from here. */
export function errorPage(status: 404 | 410, chrome: ReaderChrome): string {
  const [title, text]: [string, HtmlValue] =
    status === 410
      ? ['This story has been removed', 'It was published here and has since been taken down.']
      : ['Page not found', 'There is nothing at this address. It may have been mistyped, or the page may have moved.']
  const main = html`<header class="page-head"><h1>${title}</h1><p>${text}</p></header><p><a href="/">Go to the front page</a> or <a href="/search">search the site</a>.</p>`
  return readerDocument({ head: { title, noindex: true }, main }, chrome)
}

/** Photos in the first row of a list load at once; the rest as the reader scrolls to them. */
const eagerListPhotos = 3

function listing(stories: StoryPage, images: ListImages, basePath: string, emptyText: string) {
  if (stories.stories.length === 0)
    return html`<p class="empty">${stories.page > 1 ? 'There are no more stories.' : emptyText}</p>${pagination(basePath, stories.page, stories.pageCount)}`
  return html`${storyList(stories.stories, { images, eager: eagerListPhotos })}${pagination(basePath, stories.page, stories.pageCount)}`
}

function pagePath(basePath: string, page: number): string {
  return page > 1 ? `${basePath}/page/${page}` : basePath
}
