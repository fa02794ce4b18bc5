import 'server-only'
import { desc, eq, sql } from 'drizzle-orm'
import type { Db, Tx } from '@/db'
import { articles, revisions, searchWords } from '@/db/schema'
import { publiclyVisible } from './public-articles'

// The words the reader's search can suggest ("did you mean"): every word of a published headline
// and every tag of a published story, kept in `search_words` (db/schema/site.ts) and found by
// trigram similarity (pg_trgm). Publishing adds a story's words; words are never removed, and a
// suggestion is only offered when it finds something (lib/search.ts).

/** Shorter words are too common, and too alike, to suggest. */
const shortestWord = 3

/** The words of these texts as `search_words` keeps them: lower case, letters and digits, three characters or more. */
export function wordsOf(texts: readonly string[]): string[] {
  const words = texts.flatMap((text) => text.toLowerCase().split(/[^\p{L}\p{N}]+/u))
  return [...new Set(words.filter((word) => [...word].length >= shortestWord))]
}

/** Adds the words of a published story's headline and tags (in the transaction that publishes it). */
export async function addSearchWords(db: Db | Tx, story: { headline: string; tags: readonly string[] }): Promise<void> {
  const words = wordsOf([story.headline, ...story.tags])
  if (words.length > 0)
    await db
      .insert(searchWords)
      .values(words.map((word) => ({ word })))
      .onConflictDoNothing()
}

/** Adds the words of every public story (for a newsroom whose stories were not published through the desk: the demo's seed). */
export async function addSearchWordsOfPublicStories(db: Db | Tx): Promise<void> {
  const rows = await db
    .select({ headline: revisions.headline, tags: revisions.tags })
    .from(articles)
    .innerJoin(revisions, eq(revisions.id, articles.publishedRevisionId))
    .where(publiclyVisible)
  for (const row of rows) await addSearchWords(db, row)
}

/** The least trigram similarity (0 to 1) for a known word to stand in for a typed one: "fery" → "ferry" is 0.57. */
const leastSimilarity = 0.3

/**
 * The query with each word the site does not know replaced by the most similar word it does
 * ("fery strik" → "ferry strike"), or null when there is nothing to correct. Words are matched
 * without regard to case; the query's punctuation and operators stay where they were.
 */
export async function correctedQuery(db: Db, query: string): Promise<string | null> {
  const corrections = new Map<string, string>()
  for (const word of wordsOf([query])) {
    const [known] = await db.select({ word: searchWords.word }).from(searchWords).where(eq(searchWords.word, word))
    if (known) continue
    const similarity = sql<number>`similarity(${searchWords.word}, ${word})`
    const [closest] = await db
      .select({ word: searchWords.word })
      .from(searchWords)
      .where(sql`${searchWords.word} % ${word} and ${similarity} >= ${leastSimilarity}`)
      .orderBy(desc(similarity), searchWords.word)
      .limit(1)
    if (closest) corrections.set(word, closest.word)
  }
  if (corrections.size === 0) return null
  return query.replace(/[\p{L}\p{N}]+/gu, (word) => corrections.get(word.toLowerCase()) ?? word)
}
