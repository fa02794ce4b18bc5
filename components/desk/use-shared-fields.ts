'use client'

import { type RefObject, useCallback, useEffect, useRef } from 'react'
import type * as Y from 'yjs'
import { checkBylines } from '@/lib/article-editing'
import { documentParts } from '@/lib/collab/paths'
import { mapIndex, textChange } from '@/lib/collab/shared-text'
import type { FieldValues } from '@/lib/collab/story-fields'
import { sharingCode } from './sharing-code'
import { canonicalJson } from '@/lib/story-draft'
import type { StoryFields } from './story-settings'
import type { SharedStory } from './use-story-collab'

/** The plain text fields written together; the body is bound by the editor itself. */
export type SharedField = 'headline' | 'standfirst'
const sharedFields: SharedField[] = ['headline', 'standfirst']

type Options = {
  /** The shared story once connected and synced; null while the form edits alone. */
  story: SharedStory | null
  /**
   * The document the headline and standfirst are typed into before the shared story opens: the
   * one a copy kept on this device was made from (components/desk/use-kept-copy.ts), or null.
   */
  waiting: Y.Doc | null
  fieldsRef: RefObject<StoryFields>
  /** Puts the form's fields on screen (without counting it as the person's edit). */
  show: (fields: StoryFields) => void
  /** The fields as the story opened: a field that differs was typed into before the connection was made. */
  initial: StoryFields
}

/**
 * Keeps the form's fields and the shared document in step while the story is shared. The headline
 * and standfirst and their Y.Texts: what the person types goes into the shared text as one small
 * edit, what others type comes into the field with the caret kept in place (before the story
 * opens, the texts of a copy kept on this device take their place). The other fields and
 * the `fields` map (lib/collab/story-fields.ts): a changed value replaces the map's, others'
 * changes replace the form's. Answers `write`, which takes a headline or standfirst and says
 * whether it went to a shared text (and so is not the form's to save), and `share`, which
 * puts the form's other fields into the map (the form saves them still).
 */
export function useSharedFields({ story, waiting, fieldsRef, show, initial }: Options) {
  const origin = useRef({})
  const textsDoc = story?.doc ?? waiting
  // The headline and standfirst as last in step with a document: one that differs was typed meanwhile.
  const inStep = useRef<Record<SharedField, string>>({ headline: initial.headline, standfirst: initial.standfirst })

  useEffect(() => {
    if (!textsDoc) return
    const inStepNow = inStep.current
    const texts = sharedFields.map((field) => [field, textsDoc.getText(documentParts[field])] as const)
    // On joining: the shared text is the document's, unless the person typed into the field before it came.
    let joined = { ...fieldsRef.current }
    for (const [field, text] of texts) {
      if (joined[field] !== inStepNow[field]) applyChange(text, joined[field], origin.current)
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
    return () => {
      observers.forEach((stop) => stop())
      for (const [field, text] of texts) inStepNow[field] = text.toString()
    }
  }, [textsDoc, fieldsRef, show])

  useEffect(() => {
    if (!story) return
    const { fieldMapOf, mapFields, readFieldValues, writeFieldValues } = sharingCode()
    const map = fieldMapOf(story.doc)
    const values = readFieldValues(map)
    const typedBefore: Partial<FieldValues> = {}
    let joined = { ...fieldsRef.current }
    for (const field of mapFields) {
      if (canonicalJson(joined[field]) !== canonicalJson(initial[field])) Object.assign(typedBefore, { [field]: joined[field] })
      else if (field in values) joined = { ...joined, [field]: values[field] }
    }
    writeFieldValues(map, typedBefore, origin.current)
    fieldsRef.current = joined
    show(joined)

    const observeMap = (event: Y.YMapEvent<unknown>) => {
      if (event.transaction.origin === origin.current) return
      const changed = readFieldValues(map)
      const keys = [...event.keysChanged].filter((key) => key in changed)
      if (keys.length === 0) return
      fieldsRef.current = { ...fieldsRef.current, ...Object.fromEntries(keys.map((key) => [key, changed[key as keyof typeof changed]])) }
      show(fieldsRef.current)
    }
    map.observe(observeMap)
    return () => map.unobserve(observeMap)
  }, [story, fieldsRef, show, initial])

  const write = useCallback(
    (field: string, value: unknown): boolean => {
      if (!textsDoc || !isSharedField(field) || typeof value !== 'string') return false
      applyChange(textsDoc.getText(documentParts[field]), value, origin.current)
      return true
    },
    [textsDoc],
  )
  const share = useCallback(
    (fields: StoryFields) => {
      if (!story) return
      const { fieldMapOf, mapFields, readFieldValues, writeFieldValues } = sharingCode()
      const map = fieldMapOf(story.doc)
      const before = readFieldValues(map).bylines
      // Bylines the sync server would refuse stay in this form, whose save says why.
      const isRefused = Array.isArray(before) && !checkBylines(story.actor, before, fields.bylines).ok
      const values: Partial<FieldValues> = Object.fromEntries(mapFields.map((field) => [field, fields[field]]))
      if (isRefused) delete values.bylines
      writeFieldValues(map, values, origin.current)
    },
    [story],
  )
  return { write, share }
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
