import { z } from 'zod'
import type { RichTextDoc } from '@/db/schema'
import type { KeptCopy } from '@/lib/collab/kept-copy'
import { runOnDevice } from './device-store'

// Where this browser keeps a shared story's unsent typing (components/desk/use-kept-copy.ts): one
// copy per person and story, so that someone else signing in on the same browser never sees or
// merges it.

const keyOf = (personId: number, articleId: number) => `${personId}:${articleId}`

const bodySchema = z.custom<RichTextDoc>((value) => typeof value === 'object' && value !== null && 'type' in value)
const partsSchema = z.object({ headline: z.string(), standfirst: z.string(), body: bodySchema })
const keptCopySchema = z.object({
  parts: partsSchema,
  base: partsSchema,
  sentVector: z.instanceof(Uint8Array),
  update: z.instanceof(Uint8Array),
  vector: z.instanceof(Uint8Array),
  keptAt: z.string(),
})

/** This person's kept copy of the story, or null (none, or the browser cannot read it). */
export async function readKeptCopy(personId: number, articleId: number): Promise<KeptCopy | null> {
  try {
    const parsed = keptCopySchema.safeParse(
      await runOnDevice('shared-copies', 'readonly', (store) => store.get(keyOf(personId, articleId))),
    )
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

/** False when the browser refused (storage full, disabled or private). */
export async function writeKeptCopy(personId: number, articleId: number, copy: KeptCopy): Promise<boolean> {
  try {
    await runOnDevice('shared-copies', 'readwrite', (store) => store.put(copy, keyOf(personId, articleId)))
    return true
  } catch {
    return false
  }
}

export async function clearKeptCopy(personId: number, articleId: number): Promise<void> {
  try {
    await runOnDevice('shared-copies', 'readwrite', (store) => store.delete(keyOf(personId, articleId)))
  } catch {
    // Nothing to clear when storage is unavailable.
  }
}
