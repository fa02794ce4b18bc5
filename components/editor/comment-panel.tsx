'use client'

import { useState } from 'react'
import { NoteField } from '@/components/ui/note-field'
import { commentQuote } from '@/lib/comments'
import { type EditorPanelProps, Panel } from './panel'

/** What commenting on the words does on the server: the new thread's id, or why not. */
export type AddComment = (input: { quote: string; body: string }) => Promise<{ ok: true; noteId: number } | { ok: false; message: string }>

/**
 * Comments on the selected words: the thread is written first (lib/notes.ts), then the words are
 * marked with its id, and the body saves the mark like any change.
 */
export function CommentPanel({ id, editor, onClose, onCancel, addComment }: EditorPanelProps & { addComment?: AddComment }) {
  const [body, setBody] = useState('')
  const [error, setError] = useState<string>()
  const [isSending, setSending] = useState(false)
  const { from, to, empty } = editor.state.selection
  const quote = empty ? '' : commentQuote(editor.state.doc.textBetween(from, to, ' '))

  const submit = async () => {
    if (isSending) return
    if (!addComment) return setError('You cannot comment on this story.')
    if (!quote) return setError('Select the words to comment on first.')
    if (!body.trim()) return setError('Write the comment first.')
    setSending(true)
    const answer = await addComment({ quote, body }).catch(() => ({
      ok: false as const,
      message: 'The comment did not go through. Check the connection and try again.',
    }))
    setSending(false)
    if (!answer.ok) return setError(answer.message)
    // The words may have moved while the comment was written: the selection moved with them. The
    // caret then goes after them, so that typing on does not replace them.
    const selection = editor.state.selection
    editor
      .chain()
      .focus()
      .setTextSelection({ from: selection.from, to: selection.to })
      .setMark('comment', { noteId: answer.noteId })
      .setTextSelection(selection.to)
      .run()
    onClose()
  }

  return (
    <Panel id={id} onCancel={onCancel} title="Comment on the words" onSubmit={() => void submit()}>
      {quote ? <p className="comment-quote">{quote}</p> : <p className="muted small">Select the words to comment on first.</p>}
      <NoteField
        id={`${id}-body`}
        label="Comment"
        rows={3}
        className="editor-field"
        value={body}
        error={error}
        onChange={(value) => {
          setBody(value)
          setError(undefined)
        }}
      />
    </Panel>
  )
}
