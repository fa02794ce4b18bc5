import { loadCollabBinding } from '@/components/editor/collab-binding'

/** The code of writing together (sharing-code-parts.ts). */
export type SharingCode = typeof import('./sharing-code-parts')

let loaded: SharingCode | null = null

/**
 * Loads the code of writing together, the body editor's binding with it: a story edited alone
 * never needs it, and it is about a seventh of the story page's script (180 of 1,310 KB). Every
 * shared document on a page is made by this code (the provider's, a kept copy's), so whatever is
 * handed one finds the code loaded (`sharingCode`).
 */
export async function loadSharingCode(): Promise<SharingCode> {
  const [parts] = await Promise.all([import('./sharing-code-parts'), loadCollabBinding()])
  loaded = parts
  return parts
}

/** The code of writing together, for what was handed a shared document. */
export function sharingCode(): SharingCode {
  if (!loaded) throw new Error('A shared document was handed on before the code of writing together was loaded.')
  return loaded
}
