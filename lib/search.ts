import 'server-only'
import { type SQL, and, count, desc, eq, sql } from 'drizzle-orm'
import { z } from 'zod'
import type { Db } from '@/db'
import { articles, revisions, sections } from '@/db/schema'
import { cleanText, cutText, isWithin } from './clean-text'
import { type SafeHtml, escapeHtml, trustedHtml } from './html'
import { pageKey, shows } from './page-keys'
import { publiclyVisible } from './public-articles'
import { correctedQuery } from './search-words'
import { sectionTrails, storyPath } from './sections'
import { wholeWordSnippet } from './snippets'

/** Results per page. */
export const searchPageSize = 10
/** The longest query searched, in characters; the search boxes' `maxlength` says the same. */
export const maxQueryLength = 200

/** One story found, from its live revision. */
export type SearchHit = {
  id: number
  headline: string
  standfirst: string
  path: string
  publishedAt: Date | null
  section: string
  leadMediaId: number | null
  /** Words around the matches in the standfirst and body, each match in `<mark>`. */
  snippet: SafeHtml
}

export type SearchResult = {
  /** The query as searched: spaces collapsed, control characters removed, cut to `maxQueryLength`; '' for none. */
  query: string
  /** From 1; may be past `pageCount`, with a message. */
  page: number
  /** 0 when nothing matched. */
  pageCount: number
  total: number
  /** What to tell the reader when there are no hits: no query, nothing searchable in it, too long, no match, past the end. */
  message: string | null
  hits: SearchHit[]
  /** "Did you mean": the query with its misspellings corrected, offered when it finds more than the query did. */
  suggestion: string | null
}

/** A query with fewer results than this gets a "did you mean", if a corrected one finds more. */
export const suggestBelow = 3

const searchInputSchema = z.object({
  q: z
    .string()
    .nullish()
    .catch(null)
    // PostgreSQL rejects NUL in text, and the snippet markers below are control characters too.
    .transform((q) =>
      cleanText((q ?? '').replace(/\p{Cc}/gu, ' '))
        .replace(/\s+/g, ' ')
        .trim(),
    ),
  page: z.coerce.number().int().positive().catch(1),
})

// Must be the configuration revisions.search_vector is made with (db/schema/stories.ts), or stems will not match.
const tsQuery = (query: string) => sql`websearch_to_tsquery('english', ${query})`

// ts_headline does not escape the text it returns, so it marks matches with two control
// characters, which the text is cleared of first; the result is escaped and then the markers
// become <mark> tags.
const markStart = '\u0002'
const markEnd = '\u0003'
const fragmentDelimiter = ' … '
const headlineOptions = `StartSel=${markStart}, StopSel=${markEnd}, MaxFragments=2, MinWords=12, MaxWords=30, FragmentDelimiter="${fragmentDelimiter}"`

/**
 * Published stories matching the reader's words (`websearch_to_tsquery` syntax: "quoted phrases",
 * `or`, `-word`), best first, newest first among equals: a page of them, with snippets. Looks
 * only at the revision readers see, of stories readers may see. Never fails on what a reader
 * types: unusable input gives no hits and a message.
 */
export async function searchPublishedStories(db: Db, input: { q?: string | null; page?: string | null }): Promise<SearchResult> {
  const { q, page } = searchInputSchema.parse(input)
  shows(pageKey.everyStory)
  const nothing = (query: string, message: string): SearchResult => ({
    query,
    page: 1,
    pageCount: 0,
    total: 0,
    message,
    hits: [],
    suggestion: null,
  })
  if (q === '') return nothing('', 'Type a word or two to search the stories.')
  if (!isWithin(q, maxQueryLength)) {
    return nothing(cutText(q, maxQueryLength), `Searches are limited to ${maxQueryLength} characters: try fewer words.`)
  }

  const query = tsQuery(q)
  const { total, hasWords } = await countMatches(db, query)
  if (!hasWords) return nothing(q, 'Try searching for words: punctuation and very common words like “the” are left out.')
  const suggestion = total < suggestBelow ? await betterQuery(db, q, total) : null
  if (total === 0) return { ...nothing(q, `No stories match “${q}”. Check the spelling, or try fewer or other words.`), suggestion }
  const pageCount = Math.ceil(total / searchPageSize)
  const found = { query: q, page, pageCount, total, suggestion }
  if (page > pageCount) return { ...found, message: `There is no page ${page}: the results for “${q}” end at page ${pageCount}.`, hits: [] }
  return { ...found, message: null, hits: await pageOfHits(db, query, page) }
}

/** How many public stories match, and whether the query kept any words once punctuation, operators and stop words ("the") were dropped. */
async function countMatches(db: Db, query: SQL): Promise<{ total: number; hasWords: boolean }> {
  // An aggregate always gives one row, so the second answer comes even when nothing matches.
  const [counted] = await db
    .select({ total: count(), hasWords: sql<boolean>`numnode(${query}) > 0` })
    .from(articles)
    .innerJoin(revisions, eq(revisions.id, articles.publishedRevisionId))
    .where(matching(query))
  return { total: counted?.total ?? 0, hasWords: counted?.hasWords ?? false }
}

/** The query with its misspellings corrected, if that finds more stories than `total`. */
async function betterQuery(db: Db, q: string, total: number): Promise<string | null> {
  const corrected = await correctedQuery(db, q)
  if (!corrected || corrected === q || !isWithin(corrected, maxQueryLength)) return null
  return (await countMatches(db, tsQuery(corrected))).total > total ? corrected : null
}

/** Public stories whose live revision matches. */
function matching(query: SQL): SQL | undefined {
  return and(publiclyVisible, sql`${revisions.searchVector} @@ ${query}`)
}

async function pageOfHits(db: Db, query: SQL, page: number): Promise<SearchHit[]> {
  // Rank and cut the page first; ts_headline is slow on long texts, so it only sees this page's rows.
  const pageRows = db
    .select({
      id: articles.id,
      sectionId: articles.sectionId,
      slug: articles.slug,
      publishedAt: articles.publishedAt,
      headline: revisions.headline,
      standfirst: revisions.standfirst,
      bodyText: revisions.bodyText,
      section: sections.name,
      leadMediaId: revisions.leadMediaId,
      // Headline, standfirst and body count 1, 0.4 and 0.2, and repeats add less and less: a word in the headline outweighs it all through the body.
      rank: sql<number>`ts_rank(${revisions.searchVector}, ${query})`.as('rank'),
    })
    .from(articles)
    .innerJoin(revisions, eq(revisions.id, articles.publishedRevisionId))
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .where(matching(query))
    .orderBy(sql`rank desc`, desc(articles.publishedAt), desc(articles.id))
    .limit(searchPageSize)
    .offset((page - 1) * searchPageSize)
    .as('page_rows')
  const text = sql`translate(concat_ws(' ', ${pageRows.standfirst}, ${pageRows.bodyText}), ${markStart + markEnd}, '')`
  const [rows, trails] = await Promise.all([
    db
      .select({
        id: pageRows.id,
        sectionId: pageRows.sectionId,
        slug: pageRows.slug,
        publishedAt: pageRows.publishedAt,
        headline: pageRows.headline,
        standfirst: pageRows.standfirst,
        section: pageRows.section,
        leadMediaId: pageRows.leadMediaId,
        text: sql<string>`${text}`,
        snippet: sql<string>`ts_headline('english', ${text}, ${query}, ${headlineOptions})`,
      })
      .from(pageRows)
      .orderBy(desc(pageRows.rank), desc(pageRows.publishedAt), desc(pageRows.id)),
    sectionTrails(db),
  ])
  return rows.map(({ sectionId, slug, snippet, text, ...row }) => ({
    ...row,
    path: storyPath(trails, sectionId, slug),
    snippet: markedHtml(wholeWordSnippet(snippet, text, { delimiter: fragmentDelimiter, marks: markStart + markEnd })),
  }))
}

function markedHtml(text: string): SafeHtml {
  return trustedHtml(escapeHtml(text.trim()).replaceAll(markStart, '<mark>').replaceAll(markEnd, '</mark>'))
}
