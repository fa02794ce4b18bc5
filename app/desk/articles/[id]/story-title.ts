import type { Metadata } from 'next'
import { getDb } from '@/db'
import { getArticleForEditing } from '@/lib/editable-article'
import { parseId } from '@/lib/http'
import { requireCapability } from '@/lib/session'

/**
 * A story's desk pages are titled with its headline (the newest revision's), so tabs, history and
 * a screen reader's page list tell stories apart. A story the viewer may not open gets the page's
 * plain name; the page itself answers 404.
 */
export async function storyTitle(params: Promise<{ id: string }>, page?: string): Promise<Metadata> {
  const user = await requireCapability('desk.enter')
  const articleId = parseId((await params).id)
  const article = articleId ? await getArticleForEditing(getDb(), user, articleId) : null
  const headline = article?.headline.trim() || 'Untitled story'
  return { title: page ? `${page}: ${headline}` : headline }
}
