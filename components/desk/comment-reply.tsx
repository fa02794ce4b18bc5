'use client'

import { useState } from 'react'
import { Field } from '@/components/ui/field'
import { maxNoteLength } from '@/lib/workflow-input'
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
      <Field id={`comment-reply-${threadId}`} label="Reply" error={error}>
        {(control) => (
          <textarea
            {...control}
            rows={1}
            maxLength={maxNoteLength}
            value={body}
            onChange={(event) => {
              setBody(event.target.value)
              setError(undefined)
            }}
          />
        )}
      </Field>
      <button type="button" className="button secondary small" disabled={isSending} onClick={() => void send()}>
        Send reply
      </button>
    </div>
  )
}
