import type { Transaction } from '@tiptap/pm/state'

/** The body's binding to a shared document (collaboration.ts, with Yjs and its ProseMirror binding). */
type Binding = typeof import('./collaboration')

let loaded: Binding | null = null

/**
 * Loads the binding: only a page that writes together needs it. Loaded before any shared document
 * exists (components/desk/sharing-code.ts), so that an editor given one finds it at once (`collabBinding`).
 */
export async function loadCollabBinding(): Promise<Binding> {
  loaded ??= await import('./collaboration')
  return loaded
}

/** The binding, for an editor given a shared document: loaded with the code that made the document. */
export function collabBinding(): Binding {
  if (!loaded) throw new Error('The editor was given a shared document before the code of writing together was loaded.')
  return loaded
}

/** Whether `transaction` brings others' changes from the shared document: never before the binding is loaded. */
export function isFromSharedDocument(transaction: Transaction): boolean {
  return loaded?.isSyncTransaction(transaction) ?? false
}
