import type { Metadata } from 'next'
import Link from 'next/link'
import { cookies } from 'next/headers'
import { notFound } from 'next/navigation'
import { getDb } from '@/db'
import { StoryForm } from '@/components/desk/story-form'
import { MoveNote } from '@/components/desk/story-notices'
import { WorkflowActions } from '@/components/desk/workflow-actions'
import { writeTogetherCookie } from '@/lib/collab/paths'
import { fieldValuesOf } from '@/lib/collab/story-fields'
import { getArticleForEditing } from '@/lib/editable-article'
import { listArticleCorrections } from '@/lib/corrections'
import { parseId } from '@/lib/http'
import { listNotes } from '@/lib/notes'
import { can } from '@/lib/permissions'
import { listMediaOptions } from '@/lib/media/options'
import { storyChecklist } from '@/lib/prepublish'
import { renderRichText } from '@/lib/rich-text'
import { listSectionOptions, sectionPaths, sectionTrails } from '@/lib/sections'
import { readSiteSettings } from '@/lib/site'
import { requireCapability } from '@/lib/session'
import { readCheckSeverities, readSuggestionDefault, viewerTimeZone } from '@/lib/settings'
import { startsSuggesting } from '@/lib/suggestion-mode'
import { statuses } from '@/lib/workflow'
import { holdsApproval } from '@/lib/story-state'
import { toStoryDraft } from '@/lib/story-draft'
import { listWorkflowEvents } from '@/lib/timeline'
import { getWorkflowState } from '@/lib/transitions'
import { listStaff } from '@/lib/users'
import { saveImageAltText } from '../../media/actions'
import { CorrectionsPanel } from './corrections-panel'
import { NotesPanel } from './notes-panel'
import { addCommentAction, replyToCommentAction, resolveCommentAction } from './comments-actions'
import { CommentsRail } from '@/components/desk/comments-rail'
import { LiveStoryView } from '@/components/desk/live-story-view'
import { StoryDetails } from '@/components/desk/story-details'
import { commentThreadIds } from '@/lib/comments'
import { EmbargoPanel } from './embargo-panel'
import { ReviewPanel } from './review-panel'
import { FollowUpNote, StoryTools, TrashNotice } from './trash-panel'
import { getFollowUp } from '@/lib/article-duplicates'
import { checkEdit } from '@/lib/article-editing'
import { getTrashState, trashProblem } from '@/lib/trash'
import { DateTime } from '@/components/ui/date-time'
import { storyTitle } from './story-title'

type StoryPageProps = { params: Promise<{ id: string }> }

export function generateMetadata({ params }: StoryPageProps): Promise<Metadata> {
  return storyTitle(params)
}

export default async function StoryPage({ params }: StoryPageProps) {
  const user = await requireCapability('desk.enter')
  const articleId = parseId((await params).id)
  const db = getDb()
  const article = articleId ? await getArticleForEditing(db, user, articleId) : null
  const workflow = article ? await getWorkflowState(db, user, article.id) : null
  const threads = article ? await listNotes(db, article.id) : null
  const corrections = article ? await listArticleCorrections(db, article.id) : null
  const events = article ? await listWorkflowEvents(db, article.id) : null
  const checklist = article ? await storyChecklist(db, article.id) : null
  if (!article || !workflow || !threads || !corrections || !events || !checklist) notFound()
  // Where it lives and where its newest revision would go live: a section desk must hold both.
  const mayApprove = can(user, 'article.approve', { ownerIds: article.ownerIds, sectionIds: [article.live.sectionId, article.sectionId] })
  const [trash, followUp] = await Promise.all([getTrashState(db, article.id), getFollowUp(db, user, article.id)])
  // Who may change the story in its status may put it in the trash, or bring it back.
  const canRestore = trash !== null && checkEdit(user, { status: article.status, ownerIds: article.ownerIds }).ok
  const canTrash = article.canEdit && trashProblem({ ...article, trashedAt: null }) === null
  // The note of the move that brought the story here: the editor's when sent back, the writer's when submitted.
  const lastMove = events[0]
  // Threads on words sit beside the text; notes on the whole story under it.
  const comments = {
    threads: threads.filter((thread) => thread.quote !== null),
    canWrite: can(user, 'note.write', article),
    actions: { add: addCommentAction, reply: replyToCommentAction, resolve: resolveCommentAction },
    anchoredAtOpen: commentThreadIds(article.body),
    suggestions: {
      canReview: can(user, 'suggestion.review', article),
      who: { id: user.id, name: user.name },
      startsOn: startsSuggesting(await readSuggestionDefault(db), { status: article.status, isOwn: article.ownerIds.includes(user.id) }),
    },
  }
  const canWriteTogether = (await cookies()).get(writeTogetherCookie)?.value !== 'off'
  // Who may not change the story reads its other fields, named as the form's pickers name them.
  const details = article.canEdit
    ? null
    : {
        values: fieldValuesOf(toStoryDraft(article)),
        names: { sections: await listSectionOptions(db), staff: await listStaff(db), media: await listMediaOptions(db, user) },
      }
  const moveNote =
    lastMove?.note &&
    lastMove.toStatus === article.status &&
    (lastMove.toStatus === 'changes_requested' || lastMove.toStatus === 'in_review')
      ? { ...lastMove, toStatus: lastMove.toStatus }
      : null

  return (
    <div className="page wide">
      <p className="story-crumbs">
        <Link href="/desk">Desk</Link> · <strong>{statuses[article.status].label}</strong>
        {workflow.isLive && article.status !== 'published' && ' (live)'}
        {article.hasUnpublishedChanges && ' — unpublished changes'}
        {workflow.scheduledAt && article.status === 'scheduled' && (
          <>
            {' '}
            for <DateTime value={workflow.scheduledAt} />
          </>
        )}{' '}
        · {!article.canEdit && <>revision {article.revisionNumber} · </>}
        <Link href={`/desk/articles/${article.id}/history`}>History</Link> ·{' '}
        <a href={`/desk/articles/${article.id}/preview`} target="_blank" rel="noopener">
          Preview<span className="visually-hidden"> (opens in a new tab)</span>
        </a>
        {workflow.isLive && (
          <>
            {' '}
            ·{' '}
            <Link href={workflow.path} prefetch={false}>
              View on the site
            </Link>
          </>
        )}
      </p>
      {moveNote && <MoveNote toStatus={moveNote.toStatus} actorName={moveNote.actorName} note={moveNote.note} at={moveNote.createdAt} />}
      {followUp && <FollowUpNote followUp={followUp} />}
      {trash && <TrashNotice articleId={article.id} trash={trash} canRestore={canRestore} />}
      <h1 className="visually-hidden">Edit story</h1>
      {article.canEdit ? (
        <StoryForm
          articleId={article.id}
          version={article.version}
          revisionNumber={article.revisionNumber}
          isLive={article.publishedRevisionId !== null && article.status === 'published'}
          hasBeenPublished={article.firstPublishedAt !== null}
          initial={toStoryDraft(article)}
          sections={await listSectionOptions(db)}
          staff={await listStaff(db)}
          media={await listMediaOptions(db, user)}
          site={{ ...publicationOf(await readSiteSettings(db)), sectionPaths: sectionPaths(await sectionTrails(db)) }}
          workflow={{ actions: workflow.actions, embargoUntil: workflow.embargoUntil }}
          checkSeverities={await readCheckSeverities(db)}
          saveAltText={saveImageAltText}
          canWriteTogether={canWriteTogether}
          approval={{
            holds: holdsApproval(article.status),
            isScheduled: article.status === 'scheduled',
            canApprove: mayApprove,
          }}
          comments={comments}
        />
      ) : (
        details && (
          <>
            {!trash && <p className="message info">{article.editBlockedReason}</p>}
            <WorkflowActions
              articleId={article.id}
              actions={workflow.actions}
              version={workflow.version}
              checklist={checklist}
              embargoUntil={workflow.embargoUntil}
            />
            <LiveStoryView
              articleId={article.id}
              canWriteTogether={canWriteTogether}
              story={{ fields: details.values, body: article.body }}
              names={details.names}
              comments={comments}
            >
              <article className="story-preview">
                <h2>{article.headline}</h2>
                <p className="standfirst">{article.standfirst}</p>
                <StoryDetails values={details.values} names={details.names} />
                <div className="body-with-comments">
                  <div className="story-body" dangerouslySetInnerHTML={{ __html: renderRichText(article.body) }} />
                  <CommentsRail articleId={article.id} editor={null} comments={comments} />
                </div>
              </article>
            </LiveStoryView>
          </>
        )
      )}
      {!workflow.isLive &&
        !trash &&
        can(user, 'article.schedule', { ownerIds: article.ownerIds, sectionIds: [article.live.sectionId] }) && (
          <EmbargoPanel articleId={article.id} embargoUntil={workflow.embargoUntil} zone={await viewerTimeZone(db, user)} />
        )}
      {mayApprove && (article.status === 'in_review' || article.status === 'approved') && (
        <ReviewPanel db={db} viewer={user} articleId={article.id} currentNumber={article.revisionNumber} />
      )}
      <StoryTools
        articleId={article.id}
        revisionNumber={article.revisionNumber}
        canDuplicate={can(user, 'article.create')}
        canTrash={canTrash}
      />
      {article.firstPublishedAt && (
        <CorrectionsPanel
          articleId={article.id}
          corrections={corrections}
          canCorrect={can(user, 'article.correct', { ownerIds: [], sectionIds: [article.live.sectionId] })}
        />
      )}
      <NotesPanel articleId={article.id} threads={threads.filter((thread) => thread.quote === null)} canWrite={comments.canWrite} />
    </div>
  )
}

/** What the story form's previews need of the publication: its name and address, nothing else. */
function publicationOf({ name, url }: { name: string; url: string }) {
  return { name, url }
}
