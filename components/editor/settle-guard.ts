import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import type { Transaction } from '@tiptap/pm/state'
import { AddMarkStep, RemoveMarkStep, ReplaceAroundStep, ReplaceStep, type Step } from '@tiptap/pm/transform'
import type { RichTextDoc } from '@/db/schema'
import { suggestedBlockName } from '@/lib/story-schema/block-suggestion'
import { suggestionKinds } from '@/lib/story-schema/marks/suggestion'
import { suggestedBreakName } from '@/lib/story-schema/nodes/suggested-break'
import { settlesOthers } from '@/lib/suggestion-settling'

// The desk's courtesy before the server's rule (lib/suggestion-settling.ts): an edit by someone
// who may not review that would accept or reject another person's suggestion is not made, so
// that it is never sent and refused.

/**
 * Whether `transaction` settles a suggestion by someone other than person `personId`. Only an
 * edit next to or inside another's suggested words, or one that changes suggestion marks, is
 * compared in full.
 */
export function settlesOthersSuggestion(transaction: Transaction, personId: number): boolean {
  const isNear = transaction.steps.some((step, index) => {
    const doc = transaction.docs[index]
    return !doc || isNearOthers(doc, step, personId)
  })
  return isNear && settlesOthers(personId, transaction.before.toJSON() as RichTextDoc, transaction.doc.toJSON() as RichTextDoc)
}

function isNearOthers(doc: ProseMirrorNode, step: Step, personId: number): boolean {
  if (step instanceof AddMarkStep || step instanceof RemoveMarkStep) return isSuggestionMark(step.mark.type.name)
  if (!(step instanceof ReplaceStep || step instanceof ReplaceAroundStep)) return true
  // One position either side: typing at the edge of, or inside, someone else's words, beside
  // their suggested break, or in a block they suggested making a heading or list item, or a quote or rule they suggested in or out.
  const from = Math.max(0, step.from - 1)
  const to = Math.min(doc.content.size, step.to + 1)
  let isNear = false
  doc.nodesBetween(from, to, (node) => {
    const isOthersBreak = node.type.name === suggestedBreakName && node.attrs.authorId !== personId
    const isOthersBlock = (node.type.name === suggestedBlockName || Boolean(node.attrs.suggested)) && node.attrs.authorId !== personId
    isNear ||=
      isOthersBreak || isOthersBlock || node.marks.some((mark) => isSuggestionMark(mark.type.name) && mark.attrs.authorId !== personId)
    return !isNear
  })
  return isNear
}

function isSuggestionMark(name: string): boolean {
  return (suggestionKinds as readonly string[]).includes(name)
}
