import { seoHints } from './article-input'

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
