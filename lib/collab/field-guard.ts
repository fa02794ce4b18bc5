import 'server-only'
import * as Y from 'yjs'
import type { Actor } from '../permissions'
import { mayTouchMap, trialOf } from './map-changes'
import { fieldChangeProblem, fieldMapOf, fieldsPart } from './story-fields'

// The sync server's check of the story's field map (lib/collab/story-fields.ts): a change sent
// over the socket that would give a field a value the person may not give it is not applied.

/**
 * Why `actor` may not apply `update` to the field map of `doc` (null when they may): what the
 * map would hold is checked on a copy first.
 */
export function fieldUpdateProblem(doc: Y.Doc, update: Uint8Array, actor: Actor): string | null {
  if (!mayTouchMap(doc, fieldsPart, update)) return null
  return fieldChangeProblem(actor, fieldMapOf(doc).toJSON(), fieldMapOf(trialOf(doc, update)).toJSON())
}
