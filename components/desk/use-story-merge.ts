'use client'

import { useCallback, useState } from 'react'
import { type OtherVersion, type StoryDraft, sameDraft } from '@/lib/story-draft'
import { withSharedParts } from '@/lib/collab/shared-parts'
import { type Overlap, type OverlapChoice, mergeStory } from '@/lib/story-merge'
import type { useStoryAutosave } from './use-story-autosave'

type Autosave = ReturnType<typeof useStoryAutosave>

type Options = {
  autosave: Autosave
  /** The text in the form now. */
  collect: () => StoryDraft
  /** Puts a whole draft into the form. */
  load: (draft: StoryDraft) => void
  /** A saved draft as the form holds it (its slug left empty while it follows the headline). */
  toForm: (draft: StoryDraft) => StoryDraft
  /**
   * Whether the story is written together now: its headline, standfirst and body are then the
   * shared document's, whoever saved them, and only the other fields are merged (lib/collab/shared-parts.ts).
   */
  isShared?: () => boolean
}

/** Overlaps waiting for the person's choice: what both changed differently, and whose save it was. */
export type PendingOverlap = { other: OtherVersion; overlaps: Overlap[] }

/**
 * Nothing typed is dropped when two people save one story. A save refused as stale (`onConflict`,
 * which the autosave calls) is merged with
 * the other person's version (lib/story-merge.ts) and saved again on top of it, and the person is
 * told what merged; only what both changed differently waits for their choice. Someone else's save
 * announced by the story's events appears at once in a form with nothing unsaved; with unsaved
 * edits, the person is told, and their next save merges.
 */
export function useStoryMerge({ autosave, collect, load, toForm: toFormAlone, isShared = () => false }: Options) {
  const [notice, setNotice] = useState<string | null>(null)
  const [pending, setPending] = useState<PendingOverlap | null>(null)
  const { status, resolve, currentVersion, settled, isUnsaved, adoptVersion, adoptSaved } = autosave
  // Written together, another version's shared parts are taken to be the ones on screen: a revision
  // the sync server cut, or an older save, is never a change to merge or a conflict to decide.
  const toForm = useCallback(
    (draft: StoryDraft) => (isShared() ? withSharedParts(toFormAlone(draft), collect()) : toFormAlone(draft)),
    [isShared, toFormAlone, collect],
  )
  const currentBase = useCallback(
    () => (isShared() ? withSharedParts(autosave.currentBase(), collect()) : autosave.currentBase()),
    [isShared, autosave, collect],
  )
  const isInConflict = status.kind === 'conflict'

  /** A save was refused as stale: merge, and save again on top of theirs unless both changed the same place. */
  const onConflict = useCallback(
    (other: OtherVersion) => {
      const theirs = toForm(other.draft)
      const merged = mergeStory(currentBase(), collect(), theirs)
      if (merged.overlaps.length > 0) {
        setPending({ other, overlaps: merged.overlaps })
        return
      }
      if (!sameDraft(merged.draft, collect())) load(merged.draft)
      setNotice(describeMerge(other.savedBy, merged.taken))
      void resolve(other, theirs)
    },
    [currentBase, collect, load, toForm, resolve],
  )

  /** Settles every overlap of the pending conflict by the person's choice, and saves. */
  const choose = useCallback(
    (choice: OverlapChoice) => {
      if (!pending) return
      const { other } = pending
      const theirs = toForm(other.draft)
      const mine = collect()
      load(mergeStory(currentBase(), mine, theirs, choice).draft)
      setPending(null)
      const outcome = { mine: 'Kept your text', theirs: `Kept ${other.savedBy}’s text`, both: 'Kept both texts' }[choice]
      const aside = choice === 'theirs' ? ' Your version is in the history, marked “Not kept”.' : ''
      setNotice(`${outcome} where you both changed the same place, and merged the rest.${aside}`)
      // Only a choice of theirs sets this person's whole version aside; theirs is in the history already.
      void resolve(other, theirs, choice === 'theirs' ? mine : undefined)
    },
    [pending, currentBase, collect, load, toForm, resolve],
  )

  /** Someone saved the story (told by its events): show it, or say that the next save merges. */
  const onChanged = useCallback(
    async (other: OtherVersion) => {
      await settled()
      if (other.version <= currentVersion()) return
      const theirs = toForm(other.draft)
      // A workflow step moves the version without changing the text.
      if (sameDraft(theirs, currentBase())) return adoptVersion(other.version)
      if (isUnsaved() || isInConflict) {
        setNotice(
          `${other.savedBy} saved a newer version (revision ${other.revisionNumber}). Your changes will be merged with it when they are saved.`,
        )
        return
      }
      load(theirs)
      adoptSaved(other, theirs)
      setNotice(`Showing ${other.savedBy}’s save (revision ${other.revisionNumber}).`)
    },
    [settled, currentVersion, currentBase, adoptVersion, isUnsaved, isInConflict, adoptSaved, load, toForm],
  )

  return { notice, pending, choose, onChanged, onConflict }
}

/** "Merged Rania Salem’s changes to the headline and paragraph 3." */
export function describeMerge(who: string, taken: string[]): string {
  if (taken.length === 0) return `${who} saved meanwhile; your changes were saved on top of theirs.`
  const list = taken.length === 1 ? taken[0] : `${taken.slice(0, -1).join(', ')} and ${taken.at(-1)}`
  return `Merged ${who}’s ${taken.length === 1 && !taken[0]?.includes(',') ? 'change' : 'changes'} to ${list}.`
}
