import 'server-only'
import type { PublicCorrection } from '@/lib/corrections'
import { type HtmlValue, type SafeHtml, html, trustedHtml, url } from '@/lib/html'
import { safeUrl } from '@/lib/safe-url'
import type { PublicStory } from '@/lib/public-articles'
import type { StorySummary } from '@/lib/public-lists'
import { renderRichText } from '@/lib/rich-text'
import { absoluteUrl } from '@/lib/site'
import { slugify } from '@/lib/slug'
import { breadcrumb, bylineLine, picture, storyList, timeTag } from './parts'
import type { ReaderChrome } from '@/lib/reader-chrome'
import { type ReaderPage, readerDocument } from './shell'
import { breadcrumbList, newsArticle } from './structured-data'

export type StoryPageContent = { story: PublicStory; corrections: readonly PublicCorrection[]; related: readonly StorySummary[] }

/**
 * A story as readers get it. The desk's preview passes `preview`, with the address of the story's
 * editor, and gets the same page, marked, linking back to the editor and not indexable.
 */
export function storyPage(
  { story, corrections, related }: StoryPageContent,
  chrome: ReaderChrome,
  options: { preview?: { editorPath: string } } = {},
): string {
  const storyUrl = absoluteUrl(story.path, chrome.site)
  const { sharing } = story
  const page: ReaderPage = {
    head: {
      title: sharing.title,
      description: sharing.description,
      canonicalPath: story.path,
      noindex: Boolean(options.preview),
      openGraph: {
        title: sharing.socialTitle,
        description: sharing.description,
        url: storyUrl,
        image: sharing.image ? { ...sharing.image, url: absoluteUrl(sharing.image.src, chrome.site) } : undefined,
        publishedTime: story.firstPublishedAt ?? undefined,
        modifiedTime: story.publishedAt ?? story.firstPublishedAt ?? undefined,
        section: story.trail.at(-1)?.name,
        tags: story.tags,
      },
      jsonLd: [
        newsArticle(story, corrections, storyUrl, chrome.site),
        breadcrumbList([...story.trail, { name: story.headline, path: story.path }], chrome.site),
      ],
    },
    main: html`<article class="story">${storyHeader(story)}${story.lead ? leadFigure(story.lead) : ''}
<div class="story-body">${storyBody(story)}</div>
${tagList(story.tags)}${correctionList(corrections)}${shareBar(story.headline, storyUrl)}
<p class="print-url">${storyUrl}</p>
</article>${related.length > 0 ? html`<section class="related story" aria-labelledby="related-heading"><h2 id="related-heading">Related stories</h2>${storyList(related, { level: 3 })}</section>` : ''}`,
    banner: options.preview
      ? html`<aside class="preview-banner" aria-label="Preview"><p>Preview: this is how readers will see the story once it is published. It is not public. <a href="${url(safeUrl(options.preview.editorPath))}">Back to the editor</a></p></aside>`
      : '',
  }
  return readerDocument(page, chrome)
}

function storyHeader(story: PublicStory): SafeHtml {
  const updated =
    story.publishedAt && story.firstPublishedAt && story.publishedAt.getTime() > story.firstPublishedAt.getTime() ? story.publishedAt : null
  return html`${breadcrumb(story.trail)}<h1>${story.headline}</h1>${story.standfirst ? html`<p class="standfirst">${story.standfirst}</p>` : ''}${bylineLine(story.bylines)}${
    story.firstPublishedAt
      ? html`<p class="dateline">Published ${timeTag(story.firstPublishedAt)}${updated ? html` · Updated ${timeTag(updated)}` : ''}</p>`
      : html`<p class="dateline">Not published yet</p>`
  }`
}

/**
 * The body, opening with the dateline as newspapers print it ("BEIRUT — The harbour…"): in the
 * first paragraph when the body starts with one, else on a line of its own.
 */
function storyBody(story: PublicStory): SafeHtml {
  const body = renderRichText(story.body, story.figureImages)
  if (!story.dateline) return trustedHtml(body)
  const dateline = html`<span class="story-dateline">${story.dateline}</span>`
  if (body.startsWith('<p>')) return html`<p>${dateline} — ${trustedHtml(body.slice('<p>'.length))}`
  return html`<p>${dateline}</p>${trustedHtml(body)}`
}

function leadFigure(lead: NonNullable<PublicStory['lead']>): SafeHtml {
  return html`<figure class="figure figure-lead">${picture(lead, { load: 'priority' })}${
    lead.caption || lead.credit
      ? html`<figcaption>${lead.caption ? html`<span class="caption">${lead.caption}</span>` : ''} ${lead.credit ? html`<span class="credit">${lead.credit}</span>` : ''}</figcaption>`
      : ''
  }</figure>`
}

function tagList(tags: readonly string[]): HtmlValue {
  const linked = tags.filter((tag) => slugify(tag))
  if (linked.length === 0) return ''
  return html`<section class="tags" aria-labelledby="tags-heading"><h2 id="tags-heading">Tags</h2><ul>${linked.map((tag) => html`<li><a href="${url(safeUrl(`/tags/${slugify(tag)}`))}">${tag}</a></li>`)}</ul></section>`
}

function correctionList(corrections: readonly PublicCorrection[]): HtmlValue {
  if (corrections.length === 0) return ''
  return html`<section class="corrections" aria-labelledby="corrections-heading"><h2 id="corrections-heading">Corrections and updates</h2><ul>${corrections.map(
    (correction) =>
      html`<li><strong>${correction.kind === 'correction' ? 'Correction' : 'Update'}</strong> ${timeTag(correction.createdAt)}: ${
        correction.retractedAt
          ? html`<s>${correction.body}</s> <em>Withdrawn${correction.retractionNote ? `: ${correction.retractionNote}` : ''}.</em>`
          : correction.body
      }</li>`,
  )}</ul></section>`
}

/**
 * Print, e-mail and copy the link. The page's only script: the Copy button appears only where it
 * can work (it needs the clipboard) and says when it has copied.
 */
function shareBar(headline: string, storyUrl: string): SafeHtml {
  const mailto = `mailto:?subject=${encodeURIComponent(headline)}&body=${encodeURIComponent(`${headline}\n\n${storyUrl}`)}`
  return html`<div class="share" role="group" aria-label="Share this story">
<a href="${url(safeUrl(mailto))}">E-mail</a>
<button type="button" id="print-story">Print</button>
<button type="button" id="copy-link" data-url="${storyUrl}" hidden>Copy link</button>
<span id="copy-status" role="status"></span>
</div>
<script>${trustedHtml(shareScript)}</script>`
}

/** The share bar's script, exactly as pages print it (its hash is in their CSP: components/reader/security-policy.ts). */
export const shareScript = `(function(){var p=document.getElementById('print-story');p.onclick=function(){print()};var b=document.getElementById('copy-link'),s=document.getElementById('copy-status');if(!navigator.clipboard)return;b.hidden=false;b.onclick=function(){navigator.clipboard.writeText(b.dataset.url).then(function(){s.textContent='Link copied.'},function(){s.textContent='Could not copy; the address is '+b.dataset.url})}})()`
