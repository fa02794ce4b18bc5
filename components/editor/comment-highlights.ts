import { Extension } from '@tiptap/core'
import { Plugin, PluginKey } from '@tiptap/pm/state'
import { Decoration, DecorationSet } from '@tiptap/pm/view'
import type { Node as ProseMirrorNode } from '@tiptap/pm/model'

/** Which comments the words show: open ones are highlighted, and the one being read stands out. */
export type CommentHighlight = { openIds: readonly number[]; activeId: number | null }

type Highlighted = CommentHighlight & { decorations: DecorationSet }

export const commentHighlightsKey = new PluginKey<Highlighted>('commentHighlights')

/**
 * Marks the words of open comments (`comment-open`) and of the comment being read
 * (`comment-active`); a resolved comment's words look like any others. Set with a transaction
 * meta under `commentHighlightsKey`. The browser editor's alone: readers never see comments.
 */
export const CommentHighlights = Extension.create({
  name: 'commentHighlights',

  addProseMirrorPlugins() {
    return [
      new Plugin<Highlighted>({
        key: commentHighlightsKey,
        state: {
          init: () => ({ openIds: [], activeId: null, decorations: DecorationSet.empty }),
          // Worked out again only when told; typing just moves the highlights along with the words.
          apply: (tr, value) => {
            const told: CommentHighlight | undefined = tr.getMeta(commentHighlightsKey)
            if (told) return { ...told, decorations: DecorationSet.create(tr.doc, decorationsOf(tr.doc, told)) }
            if (!tr.docChanged) return value
            const decorations = value.decorations.map(tr.mapping, tr.doc)
            // A change that replaced highlighted words wholesale (as the shared body brings another
            // person's typing) drops their highlights: they are worked out again from the marks.
            if (decorations.find().length < value.decorations.find().length)
              return { ...value, decorations: DecorationSet.create(tr.doc, decorationsOf(tr.doc, value)) }
            return { ...value, decorations }
          },
        },
        props: { decorations: (state) => commentHighlightsKey.getState(state)?.decorations },
      }),
    ]
  },
})

function decorationsOf(doc: ProseMirrorNode, { openIds, activeId }: CommentHighlight): Decoration[] {
  const open = new Set(openIds)
  const found: Decoration[] = []
  doc.descendants((node, position) => {
    if (!node.isText) return
    const id = Number(node.marks.find((mark) => mark.type.name === 'comment')?.attrs.noteId)
    if (!open.has(id)) return
    const className = id === activeId ? 'comment-open comment-active' : 'comment-open'
    found.push(Decoration.inline(position, position + node.nodeSize, { class: className }))
  })
  return found
}

/** The range of the words a comment is on (from its first word to its last), or null when they are gone. */
export function commentRange(doc: ProseMirrorNode, noteId: number): { from: number; to: number } | null {
  let range: { from: number; to: number } | null = null
  doc.descendants((node, position) => {
    if (!node.isText || !node.marks.some((mark) => mark.type.name === 'comment' && Number(mark.attrs.noteId) === noteId)) return
    range = { from: range?.from ?? position, to: position + node.nodeSize }
  })
  return range
}

/** The comment at the caret, if the caret is in commented words. */
export function commentAt(doc: ProseMirrorNode, position: number): number | null {
  const mark = doc
    .resolve(position)
    .marks()
    .find((one) => one.type.name === 'comment')
  return mark ? Number(mark.attrs.noteId) : null
}

/** The comments anchored in the document, in the order their words first appear. */
export function anchoredComments(doc: ProseMirrorNode): number[] {
  const ids = new Set<number>()
  doc.descendants((node) => {
    for (const mark of node.marks) if (mark.type.name === 'comment') ids.add(Number(mark.attrs.noteId))
  })
  return [...ids]
}
