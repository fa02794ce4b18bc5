import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { getDb } from '@/db'
import { StoryForm } from '@/components/desk/story-form'
import { getArticleForEditing } from '@/lib/article-drafts'
import { parseId } from '@/lib/http'
import { listMediaOptions } from '@/lib/media'
import { renderRichText } from '@/lib/rich-text'
import { listSectionOptions } from '@/lib/sections'
import { requireUser } from '@/lib/session'
import { statusLabels } from '@/lib/status-labels'
import { toStoryDraft } from '@/lib/story-draft'
import { listStaff } from '@/lib/users'

export const metadata: Metadata = { title: 'Story' }

type StoryPageProps = { params: Promise<{ id: string }> }

export default async function StoryPage({ params }: StoryPageProps) {
  const user = await requireUser()
  const articleId = parseId((await params).id)
  const db = getDb()
  const article = articleId ? await getArticleForEditing(db, user, articleId) : null
  if (!article) notFound()

  return (
    <main className="page wide">
      <p className="story-crumbs">
        <Link href="/desk">Desk</Link> · {statusLabels[article.status]}
        {article.hasUnpublishedChanges && ' — unpublished changes'} · revision {article.revisionNumber} ·{' '}
        <Link href={`/desk/articles/${article.id}/history`}>History</Link>
      </p>
      <h1 className="visually-hidden">Edit story</h1>
      {article.canEdit ? (
        <StoryForm
          articleId={article.id}
          version={article.version}
          isLive={article.publishedRevisionId !== null && article.status === 'published'}
          initial={toStoryDraft(article)}
          sections={await listSectionOptions(db)}
          staff={await listStaff(db)}
          media={await listMediaOptions(db)}
        />
      ) : (
        <>
          <p className="message info">{article.editBlockedReason}</p>
          <article className="story-preview">
            <h2>{article.headline}</h2>
            <p className="standfirst">{article.standfirst}</p>
            <div dangerouslySetInnerHTML={{ __html: renderRichText(article.body) }} />
          </article>
        </>
      )}
    </main>
  )
}
