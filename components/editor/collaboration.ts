import { Extension, type Extensions } from '@tiptap/core'
import { Collaboration } from '@tiptap/extension-collaboration'
import { yCursorPlugin } from '@tiptap/y-tiptap'
import type { Awareness } from 'y-protocols/awareness'
import type * as Y from 'yjs'
import { documentParts } from '@/lib/collab/paths'

/** What the body editor needs to be written together: the shared document, its awareness, and who this is. */
export type BodyCollaboration = {
  doc: Y.Doc
  awareness: Awareness
  user: { name: string; color: string }
}

/**
 * Each other person's caret and selection in the body, with their name, in their colour. Taken
 * from the same binding (`@tiptap/y-tiptap`) as the collaboration extension's sync plugin: the
 * cursor plugin reads the sync plugin's state by its key, so the two must be one copy.
 */
const CollaborationCarets = Extension.create<{ awareness: Awareness | null }>({
  name: 'collaborationCarets',
  addOptions: () => ({ awareness: null }),
  addProseMirrorPlugins() {
    return this.options.awareness ? [yCursorPlugin(this.options.awareness, { cursorBuilder: caretOf })] : []
  },
})

/** Another person's caret: a line in their colour, their name above it, named for screen readers too. */
function caretOf(user: { name: string; color: string }): HTMLElement {
  const caret = document.createElement('span')
  caret.className = 'collab-caret'
  caret.setAttribute('role', 'img')
  caret.setAttribute('aria-label', `${user.name}’s caret`)
  caret.style.borderColor = user.color
  const name = document.createElement('span')
  name.className = 'collab-caret-name'
  name.setAttribute('aria-hidden', 'true')
  name.style.backgroundColor = user.color
  // Shown by the stylesheet (editor.css), so that it is never part of the text: copied, searched or counted.
  name.dataset.name = user.name
  caret.append(name)
  return caret
}

/**
 * The extensions that bind the body to the shared document's `body` fragment (written by
 * lib/collab/storage.ts with y-prosemirror, whose encoding @tiptap/y-tiptap shares) and show
 * the others' carets. This person's name and colour go out through the awareness.
 */
export function collaborationExtensions({ doc, awareness, user }: BodyCollaboration): Extensions {
  awareness.setLocalStateField('user', user)
  return [Collaboration.configure({ fragment: doc.getXmlFragment(documentParts.body) }), CollaborationCarets.configure({ awareness })]
}
