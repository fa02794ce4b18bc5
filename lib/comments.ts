import type { RichTextDoc, RichTextNode } from '@/db/schema'

// Comments on the words: a note thread (lib/notes.ts) with the words it was written on, anchored
// in the body by a `comment` mark that carries the thread's id (lib/story-schema/marks/comment.ts).
// Read by the desk in the browser (to order the threads beside the text, and to tell when their
// words are gone) and by the server (a save that moves only comments, lib/article-drafts.ts).

/** The longest quote a comment keeps of the words it is on. */
export const maxQuoteLength = 300

/** The ids of the threads anchored in a body, in the order their words first appear. */
export function commentThreadIds(doc: RichTextDoc): number[] {
  const ids = new Set<number>()
  const walk = (node: RichTextNode) => {
    for (const mark of node.marks ?? []) {
      const id = mark.type === 'comment' ? Number(mark.attrs?.noteId) : NaN
      if (Number.isSafeInteger(id) && id > 0) ids.add(id)
    }
    node.content?.forEach(walk)
  }
  doc.content?.forEach(walk)
  return [...ids]
}

/** The body without its comments (neighbouring words are left as separate runs: sanitize to join them). */
export function withoutComments(doc: RichTextDoc): RichTextDoc {
  const strip = (node: RichTextNode): RichTextNode => {
    const copy: RichTextNode = { ...node }
    if (node.marks) {
      const marks = node.marks.filter((mark) => mark.type !== 'comment')
      if (marks.length > 0) copy.marks = marks
      else delete copy.marks
    }
    if (node.content) copy.content = node.content.map(strip)
    return copy
  }
  return strip(doc) as RichTextDoc
}

/** The words a comment is on, as its thread quotes them: spaces collapsed, cut to `maxQuoteLength`. */
export function commentQuote(words: string): string {
  const clean = words.replace(/\s+/g, ' ').trim()
  return clean.length > maxQuoteLength ? `${clean.slice(0, maxQuoteLength - 1)}…` : clean
}
