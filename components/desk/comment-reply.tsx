'use client'

import { useState } from 'react'
import { NoteField } from '@/components/ui/note-field'
import type { CommentActions } from './comments-rail'

/** A reply box under a comment thread. */
export function CommentReply({ articleId, threadId, reply }: { articleId: number; threadId: number; reply: CommentActions['reply'] }) {
  const [body, setBody] = useState('')
  const [error, setError] = useState<string>()
  const [isSending, setSending] = useState(false)

  const send = async () => {
    if (isSending) return
    if (!body.trim()) return setError('Write the reply first.')
    setSending(true)
    const answer = await reply({ articleId, threadId, body }).catch(() => ({
      ok: false as const,
      message: 'The reply did not go through. Check the connection and try again.',
    }))
    setSending(false)
    if (!answer.ok) return setError(answer.message)
    setBody('')
  }

  return (
    <div className="comment-reply">
      <NoteField
        id={`comment-reply-${threadId}`}
        label="Reply"
        rows={1}
        value={body}
        error={error}
        onChange={(value) => {
          setBody(value)
          setError(undefined)
        }}
      />
      <button type="button" className="button secondary small" disabled={isSending} onClick={() => void send()}>
        Send reply
      </button>
    </div>
  )
}
