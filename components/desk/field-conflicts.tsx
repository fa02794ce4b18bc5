'use client'

import { type ReactNode, createContext, useCallback, useContext, useEffect, useState } from 'react'
import { z } from 'zod'
import { bylineSchema } from '@/lib/article-input'
import type { FieldConflict } from '@/lib/collab/field-conflicts'
import type { MapField } from '@/lib/collab/story-fields'
import type { MediaOption } from '@/lib/media/types'
import { imageName } from './media/media-picker'
import type { StoryFields } from './story-settings'
import { sharingCode } from './sharing-code'
import { bylineText } from './story-details'
import type { SharedStory } from './use-story-collab'

// Beside a field of the story form: a value this person gave it was replaced by one someone else
// set without having seen it (one of them was cut off), and Yjs kept theirs
// (lib/collab/field-conflicts.ts). Both values, whose replaced it, and a button that puts this
// person's back, as an ordinary change everyone sees.

type Conflicts = {
  conflicts: Partial<Record<MapField, FieldConflict>>
  /** The names of the people who wrote the story by their Yjs client id, as the sync server named them. */
  names: ReadonlyMap<number, string>
  putBack: (conflict: FieldConflict) => void
  dismiss: (field: MapField) => void
}

const FieldConflictsContext = createContext<Conflicts | null>(null)

type FieldConflictsProps = {
  /** The class of the element that holds the fields. */
  className: string
  /** The shared story once connected; null while the form edits alone. */
  story: SharedStory | null
  /** Puts a field's value into the form, and so into the shared story, as the person's own change. */
  onPutBack: <K extends MapField>(field: K, value: StoryFields[K]) => void
  children: ReactNode
}

/** The form's fields, watched for this person's values replaced unseen in the shared story, for the notices beside them. */
export function FieldConflicts({ className, story, onPutBack, children }: FieldConflictsProps) {
  const [conflicts, setConflicts] = useState<Conflicts['conflicts']>({})
  const [names, setNames] = useState<ReadonlyMap<number, string>>(new Map())
  const dismiss = useCallback(
    // Called on each of the person's own changes: the notices stay as they are unless one goes.
    (field: MapField) =>
      setConflicts((shown) => (field in shown ? Object.fromEntries(Object.entries(shown).filter(([key]) => key !== field)) : shown)),
    [],
  )

  useEffect(() => {
    if (!story) return
    const { fieldMapOf, watchFieldConflicts } = sharingCode()
    return watchFieldConflicts(fieldMapOf(story.doc), {
      onConflict: (conflict) => setConflicts((shown) => ({ ...shown, [conflict.field]: conflict })),
      onWritten: dismiss,
    })
  }, [story, dismiss])

  useEffect(() => {
    if (!story) return
    // Whoever wrote with each client, as the sync server names them in the shared story (lib/collab/writers.ts).
    const { writerNames, writersMapOf } = sharingCode()
    const writers = writersMapOf(story.doc)
    const read = () => setNames(writerNames(story.doc))
    read()
    writers.observe(read)
    return () => writers.unobserve(read)
  }, [story])

  // The value came from the shared story's map, whose every value the sync server checked against the field.
  const putBack = (conflict: FieldConflict) => onPutBack(conflict.field, conflict.mine as StoryFields[MapField])
  return (
    <FieldConflictsContext value={{ conflicts, names, putBack, dismiss }}>
      <div className={className}>{children}</div>
    </FieldConflictsContext>
  )
}

type FieldConflictNoticeProps = {
  field: MapField
  /** What the field is called on the form, as the notice names it. */
  label: string
  /** How a value of the field reads (a section's name for its id…); quoted text by default. */
  describe?: (value: unknown) => string
}

/** The notice beside a field whose value of this person's was replaced unseen; nothing otherwise. */
export function FieldConflictNotice({ field, label, describe = describeValue }: FieldConflictNoticeProps) {
  const context = useContext(FieldConflictsContext)
  const conflict = context?.conflicts[field]
  if (!context || !conflict) return null
  const who = context.names.get(conflict.byClient) ?? 'Someone else'
  return (
    <div className="message warning" role="region" aria-label={`${label}: your change was replaced`}>
      <p className="flush">
        {label}: {who} changed it while one of you was offline, and their value replaced yours.
      </p>
      <dl>
        <dt>Yours</dt>
        <dd>{describe(conflict.mine)}</dd>
        <dt>{who === 'Someone else' ? 'Theirs' : `${who}’s`}, now in the story</dt>
        <dd>{describe(conflict.theirs)}</dd>
      </dl>
      <div className="inline-form">
        <button type="button" className="button" onClick={() => context.putBack(conflict)}>
          Put mine back
        </button>
        <button type="button" className="button secondary" onClick={() => context.dismiss(field)}>
          Keep theirs
        </button>
      </div>
    </div>
  )
}

/** A value as the notice shows it: text in quotes, a list item by item, nothing as "none". */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return 'none'
  if (typeof value === 'string') return `“${value}”`
  if (Array.isArray(value)) return value.length === 0 ? 'none' : value.map(describeValue).join(', ')
  return String(value)
}

/** How an image's id reads in a notice: its name, when the form knows the image, or its number. */
export function describeImage(images: readonly MediaOption[]): (id: unknown) => string {
  return (id) => {
    const image = images.find((known) => known.mediaId === id)
    return image ? imageName(image) : id === null ? 'none' : `image ${String(id)} from the library`
  }
}

/** How bylines read in a notice, as the story's details read them. */
export function describeBylines(value: unknown, staff: readonly { id: number; name: string }[]): string {
  const parsed = z.array(bylineSchema).safeParse(value)
  if (!parsed.success || parsed.data.length === 0) return 'none'
  return parsed.data.map((byline) => bylineText(byline, staff)).join(', ')
}
