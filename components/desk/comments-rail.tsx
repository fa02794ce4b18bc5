'use client'

import type { Editor } from '@tiptap/core'
import { useRouter } from 'next/navigation'
import { useEffect, useMemo, useRef, useState } from 'react'
import { anchoredComments, commentAt, commentHighlightsKey, commentRange } from '@/components/editor/comment-highlights'
import type { Suggester } from '@/components/editor/suggest-changes'
import { DateTime } from '@/components/ui/date-time'
import type { NoteThread, NoteView } from '@/lib/notes'
import { CommentReply } from './comment-reply'

/** A comment action's answer: done, or why not. */
export type CommentAnswer = { ok: true } | { ok: false; message: string }

/** What the comments beside the text do on the server (app/desk/articles/[id]/comments-actions.ts). */
export type CommentActions = {
  add: (input: { articleId: number; quote: string; body: string }) => Promise<{ ok: true; noteId: number } | { ok: false; message: string }>
  reply: (input: { articleId: number; threadId: number; body: string }) => Promise<CommentAnswer>
  resolve: (input: { noteId: number; resolved: boolean }) => Promise<CommentAnswer>
}

/** A story's comments on the words: the threads, whether this person may write, and the actions. */
export type StoryComments = {
  threads: NoteThread[]
  canWrite: boolean
  actions: CommentActions
  /** The threads anchored in the body when the page was made, in the order of their words. */
  anchoredAtOpen: number[]
  /** Suggested changes: who this is, whether they start in suggestion mode, whether they may accept and reject. */
  suggestions: { who: Suggester; startsOn: boolean; canReview: boolean }
}

/**
 * The comments beside the story's text, in the order of their words; those whose words were
 * deleted after them, kept and marked. With the editor, they follow its words as anyone edits:
 * the caret in commented words brings their thread forward, and "Show in the text" selects them.
 */
export function CommentsRail({ articleId, editor, comments }: { articleId: number; editor: Editor | null; comments: StoryComments }) {
  const { threads, canWrite, actions } = comments
  const router = useRouter()
  const [anchored, setAnchored] = useState(comments.anchoredAtOpen)
  const [activeId, setActiveId] = useState<number | null>(null)
  const [message, setMessage] = useState<string | null>(null)
  const asked = useRef(new Set<number>())

  useEffect(() => {
    if (!editor) return
    let timer: ReturnType<typeof setTimeout> | undefined
    const read = () => !editor.isDestroyed && setAnchored(anchoredComments(editor.state.doc))
    const onUpdate = () => {
      clearTimeout(timer)
      timer = setTimeout(read, 250)
    }
    const onSelection = () => {
      const id = commentAt(editor.state.doc, editor.state.selection.from)
      if (id === null) return
      setActiveId(id)
      document.getElementById(`comment-${id}`)?.scrollIntoView({ block: 'nearest' })
    }
    read()
    editor.on('update', onUpdate)
    editor.on('selectionUpdate', onSelection)
    return () => {
      clearTimeout(timer)
      editor.off('update', onUpdate)
      editor.off('selectionUpdate', onSelection)
    }
  }, [editor])

  const openIds = useMemo(() => threads.filter((thread) => !thread.isResolved).map((thread) => thread.id), [threads])
  useEffect(() => {
    if (!editor || editor.isDestroyed) return
    editor.view.dispatch(editor.state.tr.setMeta(commentHighlightsKey, { openIds, activeId }).setMeta('addToHistory', false))
  }, [editor, openIds, activeId])

  // Someone else commented: their words arrived with their save, the thread comes with the page.
  useEffect(() => {
    const unknown = anchored.filter((id) => !threads.some((thread) => thread.id === id) && !asked.current.has(id))
    if (unknown.length === 0) return
    unknown.forEach((id) => asked.current.add(id))
    router.refresh()
  }, [anchored, threads, router])

  const order = (thread: NoteThread) => {
    const at = anchored.indexOf(thread.id)
    return at === -1 ? anchored.length : at
  }
  const sorted = [...threads].sort((a, b) => order(a) - order(b))
  const open = sorted.filter((thread) => !thread.isResolved)
  const resolved = sorted.filter((thread) => thread.isResolved)

  const show = (thread: NoteThread) => {
    const range = editor && commentRange(editor.state.doc, thread.id)
    if (!editor || !range) return
    setActiveId(thread.id)
    editor.chain().focus().setTextSelection(range).scrollIntoView().run()
  }
  const resolve = async (thread: NoteThread) => {
    const answer = await actions.resolve({ noteId: thread.id, resolved: !thread.isResolved }).catch(() => failed)
    setMessage(answer.ok ? null : answer.message)
  }

  const item = (thread: NoteThread) => (
    <article
      key={thread.id}
      id={`comment-${thread.id}`}
      className={`comment-thread${thread.id === activeId ? ' is-active' : ''}`}
      aria-label={`Comment by ${thread.authorName ?? 'a former staff member'} on “${thread.quote}”`}
    >
      <p className="comment-quote">{thread.quote}</p>
      {!anchored.includes(thread.id) && <p className="muted small">The words it was on were deleted.</p>}
      <CommentLine note={thread} />
      {thread.replies.map((reply) => (
        <CommentLine key={reply.id} note={reply} />
      ))}
      {thread.isResolved && <p className="muted small">Resolved by {thread.resolvedByName ?? 'a former staff member'}.</p>}
      <div className="comment-actions">
        {editor && anchored.includes(thread.id) && (
          <button type="button" className="button secondary small" onClick={() => show(thread)}>
            Show in the text
          </button>
        )}
        {canWrite && (
          <button type="button" className="button secondary small" onClick={() => void resolve(thread)}>
            {thread.isResolved ? 'Reopen' : 'Resolve'}
          </button>
        )}
      </div>
      {canWrite && !thread.isResolved && <CommentReply articleId={articleId} threadId={thread.id} reply={actions.reply} />}
    </article>
  )

  return (
    <section className="comments-rail" aria-labelledby="comments-heading">
      <h2 id="comments-heading" className="label">
        Comments <span className="badge">{open.length} open</span>
      </h2>
      {message && (
        <p className="message error" role="alert">
          {message}
        </p>
      )}
      {open.map(item)}
      {threads.length === 0 && (
        <p className="muted small">
          {editor && canWrite ? 'Select words and choose Comment to ask about them.' : 'No comments on the words.'}
        </p>
      )}
      {resolved.length > 0 && (
        <details className="comments-resolved">
          <summary>Resolved ({resolved.length})</summary>
          {resolved.map(item)}
        </details>
      )}
    </section>
  )
}

const failed: CommentAnswer = { ok: false, message: 'This did not go through. Check the connection and try again.' }

function CommentLine({ note }: { note: NoteView }) {
  return (
    <div className="comment-line">
      <p className="small muted">
        {note.authorName ?? 'Former staff member'} · <DateTime value={note.createdAt} />
      </p>
      <p className="note-body">{note.body}</p>
    </div>
  )
}
