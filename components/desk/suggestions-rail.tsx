'use client'

import type { Editor } from '@tiptap/core'
import { useEffect, useState } from 'react'
import { handOverAtOnce } from '@/components/editor/hand-over'
import { settleSuggestions } from '@/components/editor/suggest-changes'
import { DateTime } from '@/components/ui/date-time'
import type { RichTextDoc } from '@/db/schema'
import { suggestionColourIndex } from '@/lib/story-schema/marks/suggestion'
import { type PendingSuggestion, pendingSuggestions } from '@/lib/story-schema/suggestions'

export type SuggestionsRailProps = {
  editor: Editor | null
  /** Whether this person may accept and reject (`suggestion.review` in lib/permissions.ts). */
  canReview: boolean
}

/**
 * The suggestions waiting in the body, in the order of their words, each with who made it and
 * when; those who may review accept or reject each one, or all at once. Accepting and rejecting
 * are changes to the body like any other, shared with everyone writing with this person.
 */
export function SuggestionsRail({ editor, canReview }: SuggestionsRailProps) {
  const [pending, setPending] = useState<PendingSuggestion[]>([])

  useEffect(() => {
    if (!editor) return
    let timer: ReturnType<typeof setTimeout> | undefined
    const read = () => !editor.isDestroyed && setPending(pendingSuggestions(editor.state.doc.toJSON() as RichTextDoc))
    const onUpdate = () => {
      clearTimeout(timer)
      timer = setTimeout(read, 250)
    }
    read()
    editor.on('update', onUpdate)
    return () => {
      clearTimeout(timer)
      editor.off('update', onUpdate)
    }
  }, [editor])

  const settle = (ids: string[] | null, accept: boolean) => {
    if (!editor || editor.isDestroyed) return
    editor.view.dispatch(handOverAtOnce(settleSuggestions(editor.state, ids, accept)))
    setPending(pendingSuggestions(editor.state.doc.toJSON() as RichTextDoc))
  }

  if (pending.length === 0) return null
  return (
    <section className="suggestions-rail" aria-labelledby="suggestions-heading">
      <h2 id="suggestions-heading" className="label">
        Suggestions <span className="badge">{pending.length} pending</span>
      </h2>
      {canReview && (
        <div className="comment-actions">
          <button type="button" className="button secondary small" onClick={() => settle(null, true)}>
            Accept all
          </button>
          <button type="button" className="button secondary small" onClick={() => settle(null, false)}>
            Reject all
          </button>
        </div>
      )}
      {pending.map((suggestion) => {
        const what = describeChange(suggestion)
        return (
          <article
            key={`${suggestion.kind}-${suggestion.id}`}
            className={`suggestion-item suggestion-colour-${suggestionColourIndex(suggestion.authorName)}`}
            aria-label={`${what}, suggested by ${suggestion.authorName}`}
          >
            <p className="suggestion-words">{what}</p>
            <p className="small muted">
              {suggestion.authorName} · <DateTime value={suggestion.at} />
            </p>
            {canReview && (
              <div className="comment-actions">
                <button
                  type="button"
                  className="button secondary small"
                  aria-label={`Accept: ${what}`}
                  onClick={() => settle([suggestion.id], true)}
                >
                  Accept
                </button>
                <button
                  type="button"
                  className="button secondary small"
                  aria-label={`Reject: ${what}`}
                  onClick={() => settle([suggestion.id], false)}
                >
                  Reject
                </button>
              </div>
            )}
          </article>
        )
      })}
    </section>
  )
}

/**
 * "Insert “a third”", "Delete “half”", "Bold “fares”", "Link to https://… “fares”", "Heading 2
 * (was paragraph) “Fares rise”", "New block quote “Fares rise”", "No horizontal rule", "New paragraph" or
 * "Join paragraphs": what accepting does.
 */
function describeChange({ kind, text, format, block, paragraphBreak }: PendingSuggestion): string {
  const change = format ?? block
  // A rule has no words to quote.
  if (change && !text.trim() && kind === 'block') return change
  if (change) return `${change} “${text.trim() || ' '}”`
  if (paragraphBreak) return paragraphBreak === 'split' ? 'New paragraph' : 'Join paragraphs'
  return `${kind === 'insertion' ? 'Insert' : 'Delete'} “${text.trim() || ' '}”`
}
