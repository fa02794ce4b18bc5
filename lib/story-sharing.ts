import { seoHints } from './article-input'
import { tooLong } from './prepublish-checks'

// THE rule for what search engines and link previews say of a story: the reader's page puts it in
// its <head> (components/reader/story-page.ts), and the story form's previews show it as the
// writer types (components/desk/sharing-previews.tsx). Pure, so both run the same code.

/** The fields of a story the rule reads, and its two images in whatever form the caller has them. */
export type SharedStory<Image> = {
  headline: string
  standfirst: string
  seoTitle: string
  seoDescription: string
  socialHeadline: string
  lead: Image | null
  social: Image | null
}

/** What a story says of itself outside its page. */
export type StorySharing<Image> = {
  /** For `<title>` and a search result: the SEO title, else the headline. */
  title: string
  /** For the meta description, Open Graph and the Twitter card: the SEO description, else the standfirst, shortened. */
  description: string
  /** For Open Graph and the Twitter card: the social headline, else the SEO title, else the headline. */
  socialTitle: string
  /** For Open Graph and the Twitter card: the social image, else the lead image, else none. */
  image: Image | null
}

export function storySharing<Image>(story: SharedStory<Image>): StorySharing<Image> {
  const title = oneLine(story.seoTitle) || oneLine(story.headline)
  return {
    title,
    // An SEO description is written for search engines and kept whole (its field has a limit); a
    // standfirst is written for the page, and may be long.
    description: oneLine(story.seoDescription) || shortened(oneLine(story.standfirst), seoHints.description),
    socialTitle: oneLine(story.socialHeadline) || title,
    image: story.social ?? story.lead,
  }
}

/** What the story says of itself that is longer than search engines or link previews show, by part: a sentence each. */
export type SharingOverruns = Partial<Record<'title' | 'description' | 'socialTitle', string>>

/** Which of the shown texts pass the lengths the pre-publish checklist holds them to (`seoHints`), and by how much. */
export function sharingOverruns(sharing: Pick<StorySharing<unknown>, 'title' | 'description' | 'socialTitle'>): SharingOverruns {
  const found: SharingOverruns = {
    title: tooLong('The search title', sharing.title, seoHints.title, 'search engines'),
    description: tooLong('The search description', sharing.description, seoHints.description, 'search engines'),
    socialTitle: tooLong('The social headline', sharing.socialTitle, seoHints.socialHeadline, 'link previews'),
  }
  return Object.fromEntries(Object.entries(found).filter(([, message]) => message)) as SharingOverruns
}

/**
 * The text cut to at most `max` characters, at the last space before it where there is one, with
 * an ellipsis: as search engines show a title or a description too long for them.
 */
export function shortened(text: string, max: number): string {
  const characters = [...text]
  if (characters.length <= max) return text
  const cut = characters.slice(0, max - 1).join('')
  const lastSpace = cut.lastIndexOf(' ')
  return `${(lastSpace > max / 2 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`
}

/** Plain text on one line: line breaks and runs of spaces become one space. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}
