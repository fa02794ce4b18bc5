import * as Y from 'yjs'
import { z } from 'zod'
import type { RichTextDoc } from '@/db/schema'
import { type KeptCopy, keptCopyOfText, readSharedParts } from '@/lib/collab/kept-copy'
import type { SharedParts } from '@/lib/collab/shared-parts'
import { base64Of, bytesOf } from '@/lib/collab/stored'
import { runOnDevice } from './device-store'

// Where this browser keeps a shared story's unsent typing (components/desk/use-kept-copy.ts): one
// copy per person and story, so that someone else signing in on the same browser never sees or
// merges it. In IndexedDB, as the whole document once and then, at each pause in typing, only what
// changed since (`KeptCopyWriter`); and, as the page closes, where a write to IndexedDB may never
// finish, whole in localStorage too, synchronously (`keepNow`), as the form's copy is
// (local-draft.ts). The newer of the two wins.

/** A kept copy as the device holds it: its text (`parts`) and what it holds (`vector`) are read from `state`. */
type DeviceCopy = Omit<KeptCopy, 'parts' | 'vector'>

const keyOf = (personId: number, articleId: number) => `${personId}:${articleId}`
/** Every change appended to a copy is under a key of its own in this range. */
const changesOf = (personId: number, articleId: number) => IDBKeyRange.bound([personId, articleId], [personId, articleId, []])
const closingKey = (personId: number, articleId: number) => `copydesk:shared-story:${keyOf(personId, articleId)}`

/** How many changes are appended to a copy before it is written whole again. */
const wholeEvery = 50

const bodySchema = z.custom<RichTextDoc>((value) => typeof value === 'object' && value !== null && 'type' in value)
const partsSchema = z.object({ headline: z.string(), standfirst: z.string(), body: bodySchema })
const deviceCopySchema = z.object({
  base: partsSchema,
  sentVector: z.instanceof(Uint8Array),
  state: z.instanceof(Uint8Array),
  keptAt: z.string(),
})
const changeSchema = z.object({ update: z.instanceof(Uint8Array), keptAt: z.string() })
// In localStorage, as text: its Yjs bytes in base64.
const bytesText = z.string().transform((text, context) => {
  try {
    return bytesOf(text)
  } catch {
    context.addIssue({ code: 'custom', message: 'not base64' })
    return z.NEVER
  }
})
const closingCopySchema = deviceCopySchema.extend({ sentVector: bytesText, state: bytesText })
// A copy kept by a build before the copy held the whole document (it held only the changes): its text is read.
const olderCopySchema = z.object({ parts: partsSchema, base: partsSchema, keptAt: z.string() })

/** This person's kept copy of the story, or null (none, or the browser cannot read it). */
export async function readKeptCopy(personId: number, articleId: number): Promise<KeptCopy | null> {
  const closing = readClosingCopy(personId, articleId)
  let kept: DeviceCopy | KeptCopy | null = null
  try {
    const head: unknown = await runOnDevice('shared-copies', 'readonly', (store) => store.get(keyOf(personId, articleId)))
    const parsed = deviceCopySchema.safeParse(head)
    const older = olderCopySchema.safeParse(head)
    if (!parsed.success && older.success) kept = keptCopyOfText(older.data.parts, older.data.base, older.data.keptAt)
    const changes = z
      .array(changeSchema)
      .safeParse(await runOnDevice('shared-copies', 'readonly', (store) => store.getAll(changesOf(personId, articleId))))
    if (parsed.success && changes.success) {
      const { state, keptAt } = parsed.data
      kept = {
        ...parsed.data,
        state: Y.mergeUpdates([state, ...changes.data.map((change) => change.update)]),
        keptAt: [keptAt, ...changes.data.map((change) => change.keptAt)].sort().at(-1) ?? keptAt,
      }
    }
  } catch {
    // Unreadable: only the copy made as the page closed, if any, is left.
  }
  const newer = !kept || (closing && closing.keptAt > kept.keptAt) ? closing : kept
  return newer && keptCopyOfDevice(newer)
}

/** The copy as the hook takes it; one read as text already (an older build's) is so as it is. */
function keptCopyOfDevice(copy: DeviceCopy | KeptCopy): KeptCopy {
  if ('parts' in copy) return copy
  const doc = new Y.Doc()
  Y.applyUpdate(doc, copy.state)
  return { ...copy, parts: readSharedParts(doc), vector: Y.encodeStateVector(doc) }
}

/**
 * Keeps one story's copy on the device as the document it is made from changes: the whole
 * document the first time, after a clear, for another document, and every `wholeEvery` writes;
 * between them only what changed since the last write, so that a pause in typing costs what was
 * typed rather than the whole story. A copy's `sentVector` and `base` are those of its whole
 * write: what a store was known to hold when its unstored typing began.
 */
export class KeptCopyWriter {
  private written: { doc: Y.Doc; vector: Uint8Array; appended: number } | null = null

  constructor(
    private readonly personId: number,
    private readonly articleId: number,
  ) {}

  /** Writes what `doc` holds and the copy lacks; false when the browser refused. */
  async keep(doc: Y.Doc, sentVector: Uint8Array, base: SharedParts): Promise<boolean> {
    const last = this.written
    const vector = Y.encodeStateVector(doc)
    const keptAt = new Date().toISOString()
    const isAppended = last !== null && last.doc === doc && last.appended < wholeEvery
    this.written = { doc, vector, appended: isAppended ? last.appended + 1 : 0 }
    const isWritten = isAppended
      ? await this.append({ update: Y.encodeStateAsUpdate(doc, last.vector), keptAt })
      : await this.writeWhole({ base, sentVector, state: Y.encodeStateAsUpdate(doc), keptAt })
    if (!isWritten) this.written = null
    return isWritten
  }

  /** Keeps the whole copy at once, as the page closes; false when it does not fit (localStorage holds about 5 MB). */
  keepNow(doc: Y.Doc, sentVector: Uint8Array, base: SharedParts): boolean {
    const asText = { base, sentVector: base64Of(sentVector), state: base64Of(Y.encodeStateAsUpdate(doc)), keptAt: new Date().toISOString() }
    try {
      window.localStorage.setItem(closingKey(this.personId, this.articleId), JSON.stringify(asText))
      return true
    } catch {
      return false
    }
  }

  async clear(): Promise<void> {
    this.written = null
    removeClosingCopy(this.personId, this.articleId)
    try {
      await runOnDevice('shared-copies', 'readwrite', (store) => store.delete(changesOf(this.personId, this.articleId)))
      await runOnDevice('shared-copies', 'readwrite', (store) => store.delete(keyOf(this.personId, this.articleId)))
    } catch {
      // Nothing to clear when storage is unavailable.
    }
  }

  private async writeWhole(copy: DeviceCopy): Promise<boolean> {
    const { personId, articleId } = this
    try {
      // The changes appended to the copy before go first: they may be another document's.
      await runOnDevice('shared-copies', 'readwrite', (store) => store.delete(changesOf(personId, articleId)))
      await runOnDevice('shared-copies', 'readwrite', (store) => store.put(copy, keyOf(personId, articleId)))
    } catch {
      return false
    }
    const closing = readClosingCopy(personId, articleId)
    if (closing && closing.keptAt <= copy.keptAt) removeClosingCopy(personId, articleId)
    return true
  }

  private async append(change: { update: Uint8Array; keptAt: string }): Promise<boolean> {
    const { personId, articleId } = this
    try {
      await runOnDevice('shared-copies', 'readwrite', (store) => store.put(change, [personId, articleId, Date.now(), Math.random()]))
      return true
    } catch {
      return false
    }
  }
}

function readClosingCopy(personId: number, articleId: number): DeviceCopy | KeptCopy | null {
  try {
    const raw = window.localStorage.getItem(closingKey(personId, articleId))
    const stored: unknown = raw ? JSON.parse(raw) : null
    const parsed = closingCopySchema.safeParse(stored)
    if (parsed.success) return parsed.data
    const older = olderCopySchema.safeParse(stored)
    return older.success ? keptCopyOfText(older.data.parts, older.data.base, older.data.keptAt) : null
  } catch {
    return null
  }
}

function removeClosingCopy(personId: number, articleId: number): void {
  try {
    window.localStorage.removeItem(closingKey(personId, articleId))
  } catch {
    // Nothing to remove when storage is unavailable.
  }
}
