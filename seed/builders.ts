import type { RichTextDoc, RichTextNode } from '@/db/schema'
import type { FigureAttributes } from '@/lib/story-schema/nodes/figure'

/**
 * Small builders for TipTap documents, so that seed stories read as text rather than JSON.
 * They emit only the node types the editor supports: paragraph, heading (2–4), text with bold /
 * italic / link marks, bullet and ordered lists, blockquote with an attribution, figure and
 * horizontal rule.
 */

/** A piece of inline content: plain text, or a text node made by `b`, `i` or `link`. */
export type Inline = string | RichTextNode

function inline(part: Inline): RichTextNode[] {
  if (typeof part !== 'string') return [part]
  // ProseMirror rejects empty text nodes, so an empty string contributes nothing.
  return part === '' ? [] : [{ type: 'text', text: part }]
}

function inlines(parts: Inline[]): RichTextNode[] {
  return parts.flatMap(inline)
}

export function b(text: string): RichTextNode {
  return { type: 'text', text, marks: [{ type: 'bold' }] }
}

export function i(text: string): RichTextNode {
  return { type: 'text', text, marks: [{ type: 'italic' }] }
}

export function link(text: string, href: string): RichTextNode {
  return { type: 'text', text, marks: [{ type: 'link', attrs: { href } }] }
}

export function p(...parts: Inline[]): RichTextNode {
  const content = inlines(parts)
  return content.length > 0 ? { type: 'paragraph', content } : { type: 'paragraph' }
}

function heading(level: 2 | 3 | 4, parts: Inline[]): RichTextNode {
  return { type: 'heading', attrs: { level }, content: inlines(parts) }
}

export const h2 = (...parts: Inline[]): RichTextNode => heading(2, parts)
export const h3 = (...parts: Inline[]): RichTextNode => heading(3, parts)
export const h4 = (...parts: Inline[]): RichTextNode => heading(4, parts)

/** A list item is one paragraph: a string, or an array of inline parts. */
type ListItem = string | Inline[]

function list(type: 'bulletList' | 'orderedList', items: ListItem[]): RichTextNode {
  return {
    type,
    content: items.map((item) => ({
      type: 'listItem',
      content: [p(...(typeof item === 'string' ? [item] : item))],
    })),
  }
}

export const ul = (...items: ListItem[]): RichTextNode => list('bulletList', items)
export const ol = (...items: ListItem[]): RichTextNode => list('orderedList', items)

/** A block quote; each argument is one paragraph (a string or an already built paragraph). */
export function quote(attribution: string, ...paragraphs: (string | RichTextNode)[]): RichTextNode {
  return {
    type: 'blockquote',
    attrs: { attribution },
    content: paragraphs.map((paragraph) => (typeof paragraph === 'string' ? p(paragraph) : paragraph)),
  }
}

export function figure(attrs: FigureAttributes): RichTextNode {
  return { type: 'figure', attrs: { ...attrs } }
}

export function hr(): RichTextNode {
  return { type: 'horizontalRule' }
}

export function doc(...blocks: RichTextNode[]): RichTextDoc {
  return { type: 'doc', content: blocks }
}

/** Every node of a document, depth first: for checks and for filling in media ids. */
export function* walk(node: RichTextDoc | RichTextNode): Generator<RichTextNode> {
  if (node.type !== 'doc') yield node as RichTextNode
  for (const child of node.content ?? []) yield* walk(child)
}

/** A seeded library image as a figure shows it. */
export type SeededMedia = { mediaId: number; src: string }

/**
 * A copy of `body` whose figures point at their `media` rows (id and address), matched by their
 * placeholder `src`; a figure whose image was not seeded keeps `mediaId: null` and its address.
 */
export function withMediaIds(body: RichTextDoc, mediaBySrc: ReadonlyMap<string, SeededMedia>): RichTextDoc {
  const fill = (node: RichTextNode): RichTextNode => {
    if (node.type === 'figure' && node.attrs) {
      const seeded = mediaBySrc.get(String(node.attrs.src))
      return { ...node, attrs: { ...node.attrs, mediaId: seeded?.mediaId ?? null, src: seeded?.src ?? node.attrs.src } }
    }
    return node.content ? { ...node, content: node.content.map(fill) } : node
  }
  return { ...body, content: (body.content ?? []).map(fill) }
}
