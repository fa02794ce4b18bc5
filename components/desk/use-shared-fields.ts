'use client'

import { type RefObject, useCallback, useEffect, useRef } from 'react'
import type * as Y from 'yjs'
import { documentParts } from '@/lib/collab/paths'
import { mapIndex, textChange } from '@/lib/collab/shared-text'
import type { StoryFields } from './story-settings'
import type { SharedStory } from './use-story-collab'

/** The plain text fields written together; the body is bound by the editor itself. */
export type SharedField = 'headline' | 'standfirst'
const sharedFields: SharedField[] = ['headline', 'standfirst']

type Options = {
  /** The shared story once connected and synced; null while the form edits alone. */
  story: SharedStory | null
  fieldsRef: RefObject<StoryFields>
  /** Puts the form's fields on screen (without counting it as the person's edit). */
  show: (fields: StoryFields) => void
  /** The fields as the story opened: a field that differs was typed into before the connection was made. */
  initial: Pick<StoryFields, SharedField>
}

/**
 * Keeps the headline and standfirst fields and their Y.Texts in step while the story is shared:
 * what the person types goes into the shared text as one small edit, what others type comes into
 * the field with the caret kept in place. Answers `write`, which takes a field's new value and
 * says whether it went to the shared document (and so is not the form's to save).
 */
export function useSharedFields({ story, fieldsRef, show, initial }: Options) {
  const origin = useRef({})

  useEffect(() => {
    if (!story) return
    const texts = sharedFields.map((field) => [field, story.doc.getText(documentParts[field])] as const)
    // On joining: the shared text is the story's, unless the person typed into the field before it came.
    let joined = { ...fieldsRef.current }
    for (const [field, text] of texts) {
      if (joined[field] !== initial[field]) applyChange(text, joined[field], origin.current)
      else joined = { ...joined, [field]: text.toString() }
    }
    fieldsRef.current = joined
    show(joined)

    const observers = texts.map(([field, text]) => {
      const observe = (event: Y.YTextEvent) => {
        if (event.transaction.origin === origin.current) return
        const control = document.getElementById(field)
        const focused = control instanceof HTMLTextAreaElement && document.activeElement === control ? control : null
        const selection = focused ? [focused.selectionStart, focused.selectionEnd] : null
        fieldsRef.current = { ...fieldsRef.current, [field]: text.toString() }
        show(fieldsRef.current)
        if (!focused || !selection) return
        const [start = 0, end = 0] = selection.map((index) => mapIndex(index, event.delta))
        requestAnimationFrame(() => focused.setSelectionRange(start, end))
      }
      text.observe(observe)
      return () => text.unobserve(observe)
    })
    return () => observers.forEach((stop) => stop())
  }, [story, fieldsRef, show, initial])

  return useCallback(
    (field: string, value: string): boolean => {
      if (!story || !isSharedField(field)) return false
      applyChange(story.doc.getText(documentParts[field]), value, origin.current)
      return true
    },
    [story],
  )
}

function isSharedField(field: string): field is SharedField {
  return (sharedFields as string[]).includes(field)
}

/** Makes `text` read `value`, as the one edit between them, marked as this person's. */
function applyChange(text: Y.Text, value: string, origin: object): void {
  const change = textChange(text.toString(), value)
  if (!change || !text.doc) return
  text.doc.transact(() => {
    if (change.remove > 0) text.delete(change.index, change.remove)
    if (change.insert) text.insert(change.index, change.insert)
  }, origin)
}
