import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import type { EditorState, Transaction } from '@tiptap/pm/state'
import { AddMarkStep, RemoveMarkStep, type Step } from '@tiptap/pm/transform'
import { type FormatChange, suggestableFormats, toFormatChange } from '@/lib/story-schema/marks/suggested-format'
import type { SuggestionAttrs } from '@/lib/story-schema/marks/suggestion'

// Bold, italic, underline, strikethrough and links as suggestions: the words get a `formatting` mark saying what would
// change (lib/story-schema/marks/suggested-format.ts); the formatting itself waits for an editor.

/**
 * `tr` making words bold, italic, underlined, struck through or a link, or no longer, turned into a suggestion with `attrs`;
 * the same change asked again over one's own suggested words withdraws it. A link given a new
 * address (its old one taken off, the new one put on) is a suggested link to the new address.
 * Null when `tr` is not such a change.
 */
export function suggestFormat(state: EditorState, tr: Transaction, attrs: () => SuggestionAttrs): Transaction | null {
  const formatting = state.schema.marks.formatting
  const [first] = tr.steps
  if (!formatting || !(first instanceof AddMarkStep || first instanceof RemoveMarkStep)) return null
  const format = suggestableFormats.find((name) => name === first.mark.type.name)
  const isFormat = (step: Step) => (step instanceof AddMarkStep || step instanceof RemoveMarkStep) && step.mark.type.name === format
  if (!format || !tr.steps.every(isFormat)) return null
  const steps = tr.steps as (AddMarkStep | RemoveMarkStep)[]
  const added = steps.filter((step) => step instanceof AddMarkStep)
  const add = added.length > 0
  const href = add && format === 'link' ? String(added[0]?.mark.attrs.href) : null

  const out = state.tr
  const made = { ...attrs(), format, add, href }
  if (!toFormatChange(made)) return null
  for (const step of add ? added : steps) {
    const isOwn = everyInline(state.doc, step.from, step.to, (node) => {
      const change = toFormatChange(formatting.isInSet(node.marks)?.attrs)
      return change?.authorId === made.authorId && change.format === format && change.add === add && (change.href ?? null) === href
    })
    if (isOwn) out.removeMark(step.from, step.to, formatting)
    else out.addMark(step.from, step.to, formatting.create(made))
  }
  return out
}

/** Accepting a formatting suggestion on `from`–`to`: the formatting it asked for is applied. */
export function applyFormat(tr: Transaction, from: number, to: number, change: FormatChange): void {
  const type = tr.doc.type.schema.marks[change.format]
  if (!type) return
  if (change.add) tr.addMark(from, to, type.create(change.format === 'link' ? { href: change.href } : null))
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
