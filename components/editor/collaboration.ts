import { Extension, type Extensions } from '@tiptap/core'
import { Collaboration } from '@tiptap/extension-collaboration'
import { yCursorPlugin } from '@tiptap/y-tiptap'
import type { Awareness } from 'y-protocols/awareness'
import type * as Y from 'yjs'
import { documentParts } from '@/lib/collab/paths'

/**
 * What the body editor needs to be written together: the shared document, its awareness (null when
 * nobody else can be there: a copy kept on the device, typed into while it waits), and who this is.
 */
export type BodyCollaboration = {
  doc: Y.Doc
  awareness: Awareness | null
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
    return this.options.awareness ? [yCursorPlugin(othersChangesOnly(this.options.awareness), { cursorBuilder: caretOf })] : []
  },
})

type AwarenessChange = { added: number[]; updated: number[]; removed: number[] }
type ChangeListener = (change: AwarenessChange, origin: unknown) => void

/**
 * The awareness as the cursor plugin sees it: its `change` event fires only when someone else's
 * caret, name or presence changed. The plugin draws only the others' carets, yet it redraws them
 * all (and sends the editor a transaction) on every change, including this person's own caret
 * moving with each key: in a long story that doubled the work of every keystroke.
 */
export function othersChangesOnly(awareness: Awareness): Awareness {
  const filtered = new Map<ChangeListener, ChangeListener>()
  const on = (name: string, listener: ChangeListener) => {
    if (name !== 'change') return awareness.on(name, listener)
    const onOthers: ChangeListener = (change, origin) => {
      const { added, updated, removed } = change
      if ([...added, ...updated, ...removed].some((id) => id !== awareness.clientID)) listener(change, origin)
    }
    filtered.set(listener, onOthers)
    awareness.on(name, onOthers)
  }
  const off = (name: string, listener: ChangeListener) => {
    awareness.off(name, filtered.get(listener) ?? listener)
    filtered.delete(listener)
  }
  return new Proxy(awareness, {
    get: (target, key) => {
      if (key === 'on') return on
      if (key === 'off') return off
      const value: unknown = Reflect.get(target, key)
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
}

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
  awareness?.setLocalStateField('user', user)
  return [Collaboration.configure({ fragment: doc.getXmlFragment(documentParts.body) }), CollaborationCarets.configure({ awareness })]
}
