import type { Node } from '@tiptap/pm/model'
import { domOutputSpecToHTMLString, renderToHTMLString } from '@tiptap/static-renderer/pm/html-string'
import { isObject, jsonEqual } from './json'
import { Refused, cleanChildren, fitBlocks, storySchema } from './rich-text-repair'
import { storyExtensions } from './story-schema/extensions'
import { forReaders } from './story-schema/suggestions'
import { embedFrameSpec, toEmbedAttributes } from './story-schema/nodes/embed'
import { type FigureImage, figureSpec, toFigureAttributes } from './story-schema/nodes/figure'
import type { RichTextDoc, RichTextNode } from '@/db/schema'

/** A body whose JSON is longer than this is refused rather than cleaned (a long story is ~200 kB). */
export const maxBodyLength = 5_000_000

export { maxBodyDepth } from './rich-text-repair'

export type SanitizeResult = { ok: true; doc: RichTextDoc; changed: boolean } | { ok: false; message: string }

/**
 * Checks a story body against the editor's schema and repairs what it can: unknown nodes are
 * unwrapped (their words kept, in paragraphs) or, for code and markup, dropped; unknown marks and
 * attributes go, and so do `on*` handlers, links to anything but `http(s):`, `mailto:` and paths
 * on this site, and figures and embeds whose address is not one we show. Attribute values are
 * coerced to their types and heading levels kept to 2–4. The result is checked by ProseMirror.
 *
 * `changed` says whether the returned document differs from the input. Refuses (`ok: false`)
 * what is not a document at all, or is too large or too deeply nested to be a story.
 */
export function sanitizeDoc(input: unknown): SanitizeResult {
  const result = clean(input)
  return result.ok ? { ok: true, doc: result.doc, changed: result.changed } : result
}

/**
 * The HTML of a story body, rendered on the server with the editor's own extensions, after
 * `sanitizeDoc`: text and attribute values are escaped, and a body that cannot be read renders as
 * nothing. Readers get embeds of services on the allow-list as frames; the editor shows cards.
 * A figure whose library image is in `figureImages` gets its widths and focal point. Comments on
 * the words are left out, and so are pending suggestions: suggested insertions are not shown and
 * suggested deletions are still read (`forReaders`).
 */
export function renderRichText(doc: RichTextDoc, figureImages: ReadonlyMap<number, FigureImage> = new Map()): string {
  const result = clean(forReaders(doc))
  if (!result.ok) return ''
  const nodeMapping = {
    embed: ({ node }: { node: Node }) => domOutputSpecToHTMLString(embedFrameSpec(toEmbedAttributes(node.attrs)))(),
    figure: ({ node }: { node: Node }) => {
      const attributes = toFigureAttributes(node.attrs)
      const image = attributes?.mediaId ? figureImages.get(attributes.mediaId) : undefined
      return domOutputSpecToHTMLString(figureSpec(attributes, image))()
    },
  }
  // A comment on the words is the desk's: readers get the words alone.
  const markMapping = { comment: ({ children }: { children?: string | string[] }) => [children ?? ''].flat().join('') }
  return renderToHTMLString({ content: result.node, extensions: storyExtensions, options: { nodeMapping, markMapping } })
}

/**
 * The library images a body's figures show readers, by media id: not a figure only suggested in
 * (it turns no image public), but one suggested out (readers see it until that is accepted).
 */
export function figureMediaIds(doc: RichTextDoc): number[] {
  const ids = new Set<number>()
  const walk = (node: RichTextNode) => {
    const id = node.type === 'figure' ? Number(node.attrs?.mediaId) : NaN
    if (Number.isInteger(id) && id > 0) ids.add(id)
    node.content?.forEach(walk)
  }
  forReaders(doc).content?.forEach(walk)
  return [...ids]
}

function clean(input: unknown): { ok: true; doc: RichTextDoc; node: Node; changed: boolean } | { ok: false; message: string } {
  if (!isObject(input) || input.type !== 'doc') return { ok: false, message: 'The story body is not a document.' }
  let length: number
  try {
    length = JSON.stringify(input).length
  } catch {
    return { ok: false, message: 'The story body is too deeply nested to read.' }
  }
  if (length > maxBodyLength) return { ok: false, message: 'The story body is too large to save.' }

  let doc: RichTextDoc
  try {
    doc = { type: 'doc', content: fitBlocks(storySchema.topNodeType, cleanChildren(input.content, storySchema.topNodeType, 0)) }
  } catch (error) {
    if (error instanceof Refused) return { ok: false, message: error.message }
    throw error
  }

  let node: Node
  try {
    node = storySchema.nodeFromJSON(doc)
    node.check()
  } catch {
    return { ok: false, message: 'The story body could not be repaired.' }
  }
  return { ok: true, doc, node, changed: !jsonEqual(input, doc) }
}
