import Link from 'next/link'
import { ActionForm } from '@/components/ui/action-form'
import { DateTime } from '@/components/ui/date-time'
import type { FollowUp } from '@/lib/article-duplicates'
import type { TrashState } from '@/lib/trash'
import { duplicateStoryAction } from './duplicate-actions'
import { moveToTrashAction, restoreFromTrashAction } from './trash-actions'

/** A story in the trash: since when, by whom, when it goes for good, and Restore for who may. */
export function TrashNotice({ articleId, trash, canRestore }: { articleId: number; trash: TrashState; canRestore: boolean }) {
  return (
    <section className="message warning" aria-labelledby="trash-heading">
      <h2 id="trash-heading" className="flush">
        This story is in the trash
      </h2>
      <p>
        Moved there by {trash.trashedBy ?? 'a former staff member'} on <DateTime value={trash.trashedAt} />. It will be deleted for good on{' '}
        <DateTime value={trash.purgeAt} /> unless it is restored; until then it cannot be changed or moved on.
      </p>
      {canRestore && (
        <ActionForm action={restoreFromTrashAction} submitLabel="Restore">
          <input type="hidden" name="articleId" value={articleId} />
        </ActionForm>
      )}
    </section>
  )
}

/** The story this one follows up, linked when the viewer may open it. */
export function FollowUpNote({ followUp }: { followUp: FollowUp }) {
  return (
    <p className="message info">
      {followUp.articleId === null ? (
        'Follow-up to another story.'
      ) : (
        <>
          Follow-up to <Link href={`/desk/articles/${followUp.articleId}`}>“{followUp.headline || 'Untitled story'}”</Link>
        </>
      )}
    </p>
  )
}

type StoryToolsProps = { articleId: number; revisionNumber: number; canDuplicate: boolean; canTrash: boolean }

/** Duplicate the story as it stands; put it in the trash. */
export function StoryTools({ articleId, revisionNumber, canDuplicate, canTrash }: StoryToolsProps) {
  if (!canDuplicate && !canTrash) return null
  return (
    <section className="panel inline-form" aria-label="Duplicate or trash">
      {canDuplicate && (
        <ActionForm action={duplicateStoryAction} submitLabel="Duplicate as a new draft" variant="secondary">
          <input type="hidden" name="articleId" value={articleId} />
          <input type="hidden" name="number" value={revisionNumber} />
        </ActionForm>
      )}
      {canTrash && (
        <ActionForm action={moveToTrashAction} submitLabel="Move to the trash" variant="danger">
          <input type="hidden" name="articleId" value={articleId} />
        </ActionForm>
      )}
    </section>
  )
}
