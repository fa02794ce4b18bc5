import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import type { EditorState, Transaction } from '@tiptap/pm/state'
import { AddMarkStep, RemoveMarkStep, type Step } from '@tiptap/pm/transform'
import { type FormatChange, suggestableFormats, toFormatChange } from '@/lib/story-schema/marks/suggested-format'
import type { SuggestionAttrs } from '@/lib/story-schema/marks/suggestion'

// Bold and italic as suggestions: the words get a `formatting` mark saying what would change
// (lib/story-schema/marks/suggested-format.ts); the formatting itself waits for an editor.

/**
 * `tr` making words bold or italic, or no longer, turned into a suggestion with `attrs`; the
 * same change asked again over one's own suggested words withdraws it. Null when `tr` is not
 * such a change.
 */
export function suggestFormat(state: EditorState, tr: Transaction, attrs: () => SuggestionAttrs): Transaction | null {
  const formatting = state.schema.marks.formatting
  const [first] = tr.steps
  if (!formatting || !(first instanceof AddMarkStep || first instanceof RemoveMarkStep)) return null
  const format = suggestableFormats.find((name) => name === first.mark.type.name)
  const add = first instanceof AddMarkStep
  const isSame = (step: Step) =>
    (add ? step instanceof AddMarkStep : step instanceof RemoveMarkStep) && (step as AddMarkStep | RemoveMarkStep).mark.type.name === format
  if (!format || !tr.steps.every(isSame)) return null

  const out = state.tr
  const made = attrs()
  for (const step of tr.steps as (AddMarkStep | RemoveMarkStep)[]) {
    const isOwn = everyInline(state.doc, step.from, step.to, (node) => {
      const change = toFormatChange(formatting.isInSet(node.marks)?.attrs)
      return change?.authorId === made.authorId && change.format === format && change.add === add
    })
    if (isOwn) out.removeMark(step.from, step.to, formatting)
    else out.addMark(step.from, step.to, formatting.create({ ...made, format, add }))
  }
  return out
}

/** Accepting a formatting suggestion on `from`–`to`: the formatting it asked for is applied. */
export function applyFormat(tr: Transaction, from: number, to: number, change: FormatChange): void {
  const type = tr.doc.type.schema.marks[change.format]
  if (!type) return
  if (change.add) tr.addMark(from, to, type.create())
  else tr.removeMark(from, to, type)
}

function everyInline(doc: ProseMirrorNode, from: number, to: number, test: (node: ProseMirrorNode) => boolean): boolean {
  let every = true
  doc.nodesBetween(from, to, (node) => {
    if (node.isInline && !test(node)) every = false
    return every
  })
  return every
}
