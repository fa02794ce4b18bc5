import 'server-only'
import { AsyncLocalStorage } from 'node:async_hooks'

// What a reader's page shows, as keys. While a page renders, every query that puts something on
// it calls `shows()`; the page keeps the keys it collected (in the app's cache, in the record
// the edge purges by, and in its `Surrogate-Key` header). A change names the keys it alters
// (lib/reader-changes.ts), and exactly the pages holding one of them are made again.

/** The keys, one family per thing a page can show. Letters, digits and dashes only (a `Surrogate-Key` is space-separated). */
export const pageKey = {
  /** The story's content or its link: its page, its 301s and 410, every list entry of it. */
  story: (id: number) => `story-${id}`,
  /** The corrections printed under a story on its page. */
  storyCorrections: (id: number) => `corrections-${id}`,
  /** A list of a section and everything under it: which stories are on it. */
  sectionList: (id: number) => `section-${id}`,
  /** A list of a staff member's stories. */
  authorList: (id: number) => `author-${id}`,
  /** A list of a tag's stories, by the tag's slug. */
  tagList: (slug: string) => `tag-${slug}`,
  /** A person's name, slug or bio as shown in bylines and on their page. */
  person: (id: number) => `person-${id}`,
  /** An image's alternative text, focal point or renditions. */
  media: (id: number) => `media-${id}`,
  /** A list of every public story (the front page, the site's feed). */
  everyList: 'stories',
  /** A page showing something of every public story (sitemaps, search): a change to one public story alters it. */
  everyStory: 'every-story',
  /** The public list of corrections. */
  corrections: 'corrections',
  /** The section tree: names and paths in every page's masthead and breadcrumbs. */
  sections: 'sections',
  /** A standing page's title and text (`/about`, `/ethics`, …): its own page. */
  sitePage: (slug: string) => `site-page-${slug}`,
  /** The stories an editor pinned at the top of the front page (lib/pins.ts). */
  frontPins: 'front-pins',
  /** The stories an editor pinned at the top of a section's page (lib/section-pins.ts). */
  sectionPins: (id: number) => `section-pins-${id}`,
  /** Which standing pages readers have, and their titles: every page's footer. */
  sitePages: 'site-pages',
  /** The publication's settings (name, address, logo, language, policies: lib/site.ts): every page, feed and sitemap. */
  site: 'site',
  /** Every newsroom setting (lib/settings.ts): the desk keeps them in memory until this is announced. */
  settings: 'settings',
} as const

/** A page listing more stories than this shows `everyStory` instead of a key per story: a header has room for some hundreds of keys. */
export const storyKeyLimit = 60

const collecting = new AsyncLocalStorage<Set<string>>()

/** Notes that the page being rendered shows these things. Outside a render it does nothing. */
export function shows(...keys: readonly string[]): void {
  const found = collecting.getStore()
  if (found) for (const key of keys) found.add(key)
}

/** Notes that the page shows these stories: a key each, or `everyStory` for a long list. */
export function showsStories(ids: readonly number[]): void {
  if (ids.length > storyKeyLimit) shows(pageKey.everyStory)
  else shows(...ids.map(pageKey.story))
}

/** Runs a render and gives back what it made with every key its queries noted. */
export async function collectShown<T>(render: () => Promise<T>): Promise<{ result: T; keys: string[] }> {
  const found = new Set<string>()
  const result = await collecting.run(found, render)
  return { result, keys: [...found].sort() }
}
