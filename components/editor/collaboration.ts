import type { HocuspocusProvider } from '@hocuspocus/provider'
import { type AnyConfig, type Editor, Extension, type Extensions, getExtensionField } from '@tiptap/core'
import { Collaboration } from '@tiptap/extension-collaboration'
import { type EditorState, type Plugin, TextSelection, type Transaction } from '@tiptap/pm/state'
import {
  getRelativeSelection,
  relativePositionToAbsolutePosition,
  yCursorPlugin,
  yCursorPluginKey,
  ySyncPluginKey,
  yUndoPluginKey,
} from '@tiptap/y-tiptap'
import type { Awareness } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { documentParts } from '@/lib/collab/paths'
import { CaretBeforeOthers, caretBeforeOthersKey } from './caret-before-others'
import { KeptMarks } from './kept-marks'
import { OthersElsewhere } from './others-elsewhere'

/**
 * What the body editor needs to be written together: the shared document, its awareness and the
 * connection the others' changes come through (both null when nobody else can be there: a copy kept
 * on the device, typed into while it waits), and who this is.
 */
export type BodyCollaboration = {
  doc: Y.Doc
  awareness: Awareness | null
  provider: HocuspocusProvider | null
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
    const { awareness } = this.options
    if (!awareness) return []
    const isDrawn = (clients: number[]) => drawsCaretsOf(this.editor.state, awareness, clients)
    return [yCursorPlugin(othersChangesOnly(awareness, isDrawn), { cursorBuilder: caretOf })]
  },
})

type AwarenessChange = { added: number[]; updated: number[]; removed: number[] }
type ChangeListener = (change: AwarenessChange, origin: unknown) => void

/**
 * The awareness as the cursor plugin sees it: its `change` event fires only when someone else's
 * caret, name or presence changed. The plugin draws only the others' carets, yet it redraws them
 * all (and sends the editor a transaction) on every change, including this person's own caret
 * moving with each key: in a long story that doubled the work of every keystroke. Nor does it fire
 * when `isDrawn` says the others' carets that moved are already drawn where they are now: a typist's
 * caret moves with every key, just after the key itself, whose change redrew the carets already.
 */
export function othersChangesOnly(awareness: Awareness, isDrawn: (clients: number[]) => boolean = () => false): Awareness {
  const filtered = new Map<ChangeListener, ChangeListener>()
  const on = (name: string, listener: ChangeListener) => {
    if (name !== 'change') return awareness.on(name, listener)
    const onOthers: ChangeListener = (change, origin) => {
      const { added, updated, removed } = change
      const others = [...added, ...updated, ...removed].filter((id) => id !== awareness.clientID)
      if (others.length === 0) return
      if (added.length + removed.length === 0 && isDrawn(others)) return
      listener(change, origin)
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

/**
 * Whether `state` draws the carets of `clients` where their awareness puts them now (as the
 * cursor plugin of `@tiptap/y-tiptap` would draw them again). Only collapsed carets are compared:
 * while anyone's selection is drawn, or a caret cannot be placed, the answer is no.
 */
export function drawsCaretsOf(state: EditorState, awareness: Awareness, clients: number[]): boolean {
  const sync = ySyncPluginKey.getState(state)
  const drawn = yCursorPluginKey.getState(state)?.find()
  if (!sync?.binding || !drawn || drawn.some((decoration) => decoration.from < decoration.to)) return false
  const { doc, type, binding } = sync
  const last = Math.max(state.doc.content.size - 1, 0)
  const at = (position: unknown) =>
    relativePositionToAbsolutePosition(doc, type, Y.createRelativePositionFromJSON(position), binding.mapping)
  return clients.every((client) => {
    const shown = drawn.find((decoration) => decoration.spec.key === String(client))
    const cursor = cursorOf(awareness.getStates().get(client))
    if (!cursor) return shown === undefined
    const anchor = at(cursor.anchor)
    const head = at(cursor.head)
    return shown !== undefined && head !== null && anchor === head && shown.from === Math.min(head, last)
  })
}

function cursorOf(state: unknown): { anchor: unknown; head: unknown } | null {
  if (typeof state !== 'object' || state === null || !('cursor' in state)) return null
  const { cursor } = state
  return typeof cursor === 'object' && cursor !== null && 'anchor' in cursor && 'head' in cursor ? cursor : null
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
 * the others' carets, this person's own taken from the browser before the others' changes are
 * drawn (caret-before-others.ts), no scroll to it for their changes after it
 * (others-elsewhere.ts), and the marks chosen to type with kept through their changes
 * (kept-marks.ts). This person's name and colour go out through the awareness.
 */
export function collaborationExtensions({ doc, awareness, provider, user }: BodyCollaboration): Extensions {
  awareness?.setLocalStateField('user', user)
  return [
    Collaboration.configure({ fragment: doc.getXmlFragment(documentParts.body) }),
    CollaborationCarets.configure({ awareness }),
    CaretBeforeOthers.configure({ provider }),
    OthersElsewhere.configure({ caretsKey: yCursorPluginKey }),
    KeptMarks,
  ]
}

/** Whether `transaction` brings others' changes from the shared document (the sync plugin's own). */
export function isSyncTransaction(transaction: Transaction): boolean {
  return Boolean(transaction.getMeta(ySyncPluginKey))
}

/** The plugins that bind the body to its document: the ones a move to another document replaces. */
const bindingKeys = [ySyncPluginKey, yUndoPluginKey, yCursorPluginKey, caretBeforeOthersKey]

/**
 * Binds the same editor to another document (the shared story, once a copy kept on this device
 * has gone into it), so that the person types on without a pause: the focus stays, the caret and
 * selection stay on the same words (where the new document holds them; otherwise at the same
 * place), and so does everything else the editor holds, suggestion mode included. Undo starts
 * afresh. The new document's body is shown as it is, others' typing included.
 */
export function moveCollaboration(editor: Editor, next: BodyCollaboration): void {
  const bound = ySyncPluginKey.getState(editor.state)
  if (editor.isDestroyed || !bound || bound.doc === next.doc) return
  const selection = getRelativeSelection(bound.binding, editor.state)
  const context = { editor, storage: editor.storage.collaboration, type: null }
  const fresh = collaborationExtensions(next)
    .flatMap((extension) => {
      const plugins = getExtensionField<AnyConfig['addProseMirrorPlugins']>(extension, 'addProseMirrorPlugins', {
        ...context,
        name: extension.name,
        options: extension.options,
      })
      return plugins ? plugins() : []
    })
    .filter((plugin) => plugin.spec.key !== undefined && bindingKeys.includes(plugin.spec.key))
  const replacing = (plugin: Plugin) => fresh.find((candidate) => candidate.spec.key === plugin.spec.key)
  const isBinding = (plugin: Plugin) => replacing(plugin) !== undefined
  const plugins = editor.state.plugins.map((plugin) => replacing(plugin) ?? plugin)
  const added = fresh.filter((plugin) => !plugins.includes(plugin))
  // Through a state without them: reconfigured at once, the plugins' state would be kept, as their
  // keys are the same, and the old binding with it. The new sync plugin shows its document's body
  // as its view starts, the caret at the same offset.
  const without = editor.state.reconfigure({ plugins: editor.state.plugins.filter((plugin) => !isBinding(plugin)) })
  editor.view.updateState(without.reconfigure({ plugins: [...plugins, ...added] }))
  const moved = ySyncPluginKey.getState(editor.state)
  const at = (position: Y.RelativePosition | null) =>
    moved && position ? relativePositionToAbsolutePosition(moved.doc, moved.type, position, moved.binding.mapping) : null
  const anchor = at(selection.anchor)
  const head = at(selection.head) ?? anchor
  const { doc, tr } = editor.state
  if (anchor !== null && head !== null) tr.setSelection(TextSelection.between(doc.resolve(anchor), doc.resolve(head)))
  // The others' carets, drawn from the awareness as it is now: it may have told of them before the move.
  editor.view.dispatch(tr.setMeta(yCursorPluginKey, { awarenessUpdated: true }).setMeta('addToHistory', false))
}
