import type { CommandProps } from '@tiptap/core'
import type { Node as PmNode } from '@tiptap/pm/model'
import { NodeSelection, TextSelection } from '@tiptap/pm/state'

/**
 * Inserts a block atom (a figure, an embed) and leaves a text cursor after it (in a new empty
 * paragraph if need be), never the atom selected: otherwise the next key the writer types would
 * replace it. A selected block gets the new one after it rather than being replaced.
 */
export function insertBlockAtom({ tr, dispatch }: Pick<CommandProps, 'tr' | 'dispatch'>, node: PmNode): boolean {
  if (!dispatch) return true
  const { selection } = tr
  if (selection instanceof NodeSelection && selection.node.isBlock) {
    tr.insert(selection.to, node)
    tr.setSelection(NodeSelection.create(tr.doc, selection.to))
  } else {
    tr.replaceSelectionWith(node, false)
  }
  if (tr.selection instanceof NodeSelection && tr.selection.node.type === node.type) {
    const after = tr.selection.to
    const $after = tr.doc.resolve(after)
    const paragraph = $after.nodeAfter?.isTextblock ? null : tr.doc.type.schema.nodes.paragraph
    if (paragraph && $after.parent.canReplaceWith($after.index(), $after.index(), paragraph)) tr.insert(after, paragraph.create())
    if (tr.doc.resolve(after).nodeAfter?.isTextblock) tr.setSelection(TextSelection.create(tr.doc, after + 1))
  }
  tr.scrollIntoView()
  return true
}
