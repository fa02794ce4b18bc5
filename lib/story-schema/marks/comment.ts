import { Mark, mergeAttributes } from '@tiptap/core'

/**
 * Where a comment on the words is anchored: the words carry the id of their note thread
 * (lib/notes.ts), so the anchor moves with them as the text is edited and travels with the body
 * to everyone working on it. Desk-only: a reader's page never shows it (lib/rich-text.ts renders
 * the words alone), and pasted HTML never makes one (it has no parse rule).
 */
export const CommentMark = Mark.create({
  name: 'comment',
  // Words typed at either end of a commented passage are not part of it.
  inclusive: false,
  // A passage carries one comment; commenting on it again anchors the new thread there.
  excludes: 'comment',

  addAttributes() {
    return {
      noteId: { default: null, renderHTML: (attributes) => ({ 'data-comment': attributes.noteId }) },
    }
  },

  parseHTML() {
    return []
  },

  renderHTML({ HTMLAttributes }) {
    return ['span', mergeAttributes({ class: 'comment-mark' }, HTMLAttributes), 0]
  },
})
