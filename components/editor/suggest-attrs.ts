import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import type { EditorState, Transaction } from '@tiptap/pm/state'
import { ReplaceStep } from '@tiptap/pm/transform'
import {
  type AttrChangeType,
  attrChangeWho,
  attrChangeWhoAttrs,
  formerName,
  isAttrChangeType,
  noAttrChange,
  partsOf,
  recordedParts,
} from '@/lib/story-schema/attr-changes'
import type { SuggestionAttrs } from '@/lib/story-schema/marks/suggestion'
import { toWholeBlockChange } from '@/lib/story-schema/whole-blocks'

// A figure's or embed's caption, credit, alt text or image (an embed's address) changed as a
// suggestion: the block takes its new values at once and records the ones it had, with who and
// when (lib/story-schema/attr-changes.ts); accepting drops the record, rejecting puts them back.

/**
 * `tr` changing only the attributes of figures or embeds, turned into a suggestion with `attrs`:
 * changing one's own suggested change again keeps the values first recorded, and asking back those
 * values withdraws it. A figure or embed one suggested in oneself just changes. Null when `tr` is
 * not such a change, or changes a block whose change someone else suggested, or a block suggested
 * out, or in by someone else.
 */
export function suggestAttrs(state: EditorState, tr: Transaction, attrs: () => SuggestionAttrs): Transaction | null {
  const changed = changedAtoms(state, tr)
  if (!changed) return null
  const made = attrs()
  const out = state.tr
  for (const position of changed) {
    const before = state.doc.nodeAt(position)
    const after = tr.doc.nodeAt(position)
    if (!before || !after || !isAttrChangeType(before.type.name)) return null
    const whole = before.attrs.suggested ? toWholeBlockChange(before.attrs) : null
    const isOwnNew = whole?.suggested === 'insertion' && whole.authorId === made.authorId
    if (whole && !isOwnNew) return null
    const who = attrChangeWho(before.attrs)
    if (who && who.authorId !== made.authorId) return null
    const next = isOwnNew ? after.attrs : recorded(before.type.name, before, after, who ?? made)
    out.setNodeMarkup(position, undefined, next, after.marks)
  }
  return out.setSelection(tr.selection.map(out.doc, out.mapping))
}

/**
 * Where the figures and embeds `tr` changes are, when it changes nothing but their attributes
 * (each step one of them replaced by one of the same type); null otherwise.
 */
function changedAtoms(state: EditorState, tr: Transaction): number[] | null {
  if (tr.steps.length === 0 || tr.doc.content.size !== state.doc.content.size) return null
  const positions = new Set<number>()
  for (const [index, step] of tr.steps.entries()) {
    const before = tr.docs[index]
    if (!(step instanceof ReplaceStep) || !before) return null
    const { from, to, slice } = step
    const node = before.nodeAt(from)
    const made = slice.content.firstChild
    const isSame = node && made && node.type === made.type && isAttrChangeType(node.type.name)
    if (!isSame || to !== from + node.nodeSize || slice.openStart !== 0 || slice.openEnd !== 0 || slice.content.childCount !== 1)
      return null
    // A figure or embed is a leaf of size 1: replacing it moves nothing, so positions hold across steps.
    positions.add(from)
  }
  return [...positions]
}

/**
 * The attributes of `after` with the change from `before` recorded by `who`: a part already
 * recorded keeps its former values (and is no longer recorded when they are asked back); a part
 * changed now records the values `before` had.
 */
function recorded(type: AttrChangeType, before: ProseMirrorNode, after: ProseMirrorNode, who: SuggestionAttrs): Record<string, unknown> {
  const next: Record<string, unknown> = { ...after.attrs, ...noAttrChange(type) }
  const wasRecorded = new Set(recordedParts(type, before.attrs).map(([name]) => name))
  for (const [name, attrs] of partsOf(type)) {
    const formerly = (attr: string) => (wasRecorded.has(name) ? before.attrs[formerName(attr)] : before.attrs[attr])
    if (attrs.every((attr) => after.attrs[attr] === formerly(attr))) continue
    for (const attr of attrs) next[formerName(attr)] = formerly(attr)
  }
  return recordedParts(type, next).length > 0 ? { ...next, ...attrChangeWhoAttrs(who) } : next
}

/**
 * Settles the figures' and embeds' suggested changes with these ids (all when `ids` is null) in
 * `tr`: accepted, a block keeps its values; rejected, it takes back those it had. Either way its
 * record goes.
 */
export function settleAttrChanges(tr: Transaction, ids: readonly string[] | null, accept: boolean): void {
  const found: { node: ProseMirrorNode; position: number; type: AttrChangeType }[] = []
  tr.doc.descendants((node, position) => {
    const type = node.type.name
    const who = isAttrChangeType(type) ? attrChangeWho(node.attrs) : null
    if (who && isAttrChangeType(type) && (ids === null || ids.includes(who.id))) found.push({ node, position, type })
    return !node.isAtom
  })
  for (const { node, position, type } of found) {
    const formerly = accept
      ? []
      : recordedParts(type, node.attrs).flatMap(([, attrs]) => attrs.map((attr) => [attr, node.attrs[formerName(attr)]]))
    tr.setNodeMarkup(position, undefined, { ...node.attrs, ...Object.fromEntries(formerly), ...noAttrChange(type) })
  }
}
