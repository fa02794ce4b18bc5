import type { Db } from '@/db'
import { type ArticleInput, type ArticleInputRaw, articleInputSchema } from '@/lib/article-input'
import { type SaveResult, saveArticle } from '@/lib/article-drafts'
import type { Actor } from '@/lib/permissions'
import { type Newsroom, articleRow, docOf } from './newsroom'

// What the story form sends, for data tests that save stories as the desk does.

/** What the story form would send for a story in the newsroom's first section, parsed as the server action parses it. */
export function formInput(newsroom: Newsroom, overrides: Partial<ArticleInputRaw> = {}): ArticleInput {
  return articleInputSchema.parse({
    headline: 'Harbour reopens',
    standfirst: 'Boats are back.',
    body: docOf('The harbour reopened on Sunday.'),
    sectionId: newsroom.sectionId,
    slug: '',
    tags: ['Shipping'],
    bylines: [{ userId: newsroom.writer.id }],
    leadMediaId: null,
    ...overrides,
  })
}

/** Saves the form's fields (`formInput` with `fields`) as `actor` at the story's current version, and returns the answer. */
export async function saveForm(
  db: Db,
  newsroom: Newsroom,
  articleId: number,
  actor: Actor,
  fields: Partial<ArticleInputRaw>,
  kind: 'autosave' | 'save',
  at: Date,
): Promise<SaveResult> {
  const { version } = await articleRow(db, articleId)
  return saveArticle(db, actor, articleId, formInput(newsroom, fields), { baseVersion: version, kind, now: at })
}
