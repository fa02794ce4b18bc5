import { addNoteAction, resolveNoteAction } from './notes-actions'
import { ActionForm } from '@/components/ui/action-form'
import { Field } from '@/components/ui/field'
import type { NoteThread, NoteView } from '@/lib/notes'
import { maxNoteLength } from '@/lib/workflow-input'
import { DateTime } from '@/components/ui/date-time'

/** Editorial notes: open threads first, each with its replies, a reply box and resolve/reopen. */
export function NotesPanel({ articleId, threads, canWrite }: { articleId: number; threads: NoteThread[]; canWrite: boolean }) {
  const open = threads.filter((thread) => !thread.isResolved)
  const resolved = threads.filter((thread) => thread.isResolved)
  return (
    <section className="panel notes" aria-labelledby="notes-heading">
      <h2 id="notes-heading">
        Notes <span className="badge">{open.length} open</span>
      </h2>
      {[...open, ...resolved].map((thread) => (
        <article
          key={thread.id}
          className={`note-thread ${thread.isResolved ? 'resolved' : ''}`}
          aria-label={`Note by ${thread.authorName ?? 'a former staff member'}`}
        >
          <Note note={thread} />
          {thread.replies.map((reply) => (
            <Note key={reply.id} note={reply} isReply />
          ))}
          {thread.isResolved && <p className="muted small">Resolved by {thread.resolvedByName ?? 'a former staff member'}.</p>}
          {canWrite && (
            <div className="note-actions">
              <ActionForm action={addNoteAction} submitLabel="Reply" variant="secondary" resetOnSuccess className="inline-form">
                <input type="hidden" name="articleId" value={articleId} />
                <input type="hidden" name="parentId" value={thread.id} />
                <Field id={`reply-${thread.id}`} label="Reply">
                  {(control) => <textarea {...control} name="body" rows={1} maxLength={maxNoteLength} />}
                </Field>
              </ActionForm>
              <ActionForm action={resolveNoteAction} submitLabel={thread.isResolved ? 'Reopen' : 'Resolve'} variant="secondary">
                <input type="hidden" name="noteId" value={thread.id} />
                <input type="hidden" name="resolved" value={thread.isResolved ? 'no' : 'yes'} />
              </ActionForm>
            </div>
          )}
        </article>
      ))}
      {threads.length === 0 && <p className="muted">No notes yet.</p>}
      {canWrite && (
        <ActionForm action={addNoteAction} submitLabel="Add note" resetOnSuccess>
          <input type="hidden" name="articleId" value={articleId} />
          <Field id="new-note" label="New note">
            {(control) => <textarea {...control} name="body" rows={2} maxLength={maxNoteLength} />}
          </Field>
        </ActionForm>
      )}
    </section>
  )
}

function Note({ note, isReply = false }: { note: NoteView; isReply?: boolean }) {
  return (
    <div className={isReply ? 'note reply' : 'note'}>
      <p className="small muted">
        {note.authorName ?? 'Former staff member'} · <DateTime value={note.createdAt} />
      </p>
      <p className="note-body">{note.body}</p>
    </div>
  )
}
