import { getSchema } from '@tiptap/core'
import { type ContentMatch, Fragment, type MarkType, type NodeType } from '@tiptap/pm/model'
import { cleanText, wellFormed } from './clean-text'
import { type Json, isObject, jsonEqual } from './json'
import { headingLevels, storyExtensions } from './story-schema/extensions'
import { toEmbedAttributes } from './story-schema/nodes/embed'
import { toFigureAttributes } from './story-schema/nodes/figure'
import { toSuggestionAttrs } from './story-schema/marks/suggestion'
import { toFormatChange } from './story-schema/marks/suggested-format'
import { suggestedBlockName, toBlockChange } from './story-schema/block-suggestion'
import { toQuoteAttrs, toRuleAttrs, withWholeBlockChange, withoutUnsuggestedAttrs } from './story-schema/whole-blocks'
import { withAttrChange, withoutUnchangedAttrs } from './story-schema/attr-changes'
import { suggestedBreakName, toBreakAttrs } from './story-schema/nodes/suggested-break'
import { isAllowedHref } from './story-schema/urls'
import type { RichTextDoc, RichTextNode } from '@/db/schema'

// How `sanitizeDoc` (lib/rich-text.ts) repairs a story body node by node: what the editor's
// schema does not know is unwrapped or dropped, and what is left is fitted to the schema.

/** Nodes nested deeper than this are refused (a list in a quote in a list is depth 6 or so). */
export const maxBodyDepth = 50

/** The editor's schema, which decides what a body may hold. */
export const storySchema = getSchema(storyExtensions)

/**
 * `json` through the schema, so it is the editor's own JSON (no empty `attrs`, defaults filled in,
 * not those of a suggestion on no rule, quote, figure or embed); as it is when it holds a node the schema does not
 * know, which a save repairs or drops (`sanitizeDoc`), as it does for the form's saves.
 */
export function asEditorJson(json: RichTextDoc): RichTextDoc {
  try {
    return withoutUnchangedAttrs(withoutUnsuggestedAttrs(storySchema.nodeFromJSON(json).toJSON() as RichTextDoc))
  } catch {
    return json
  }
}
const markOrder = Object.keys(storySchema.marks)

// Nodes whose content is code or markup, not words: dropped whole rather than unwrapped.
const droppedWhole = new Set([
  'script',
  'style',
  'iframe',
  'object',
  'html',
  'rawHtml',
  'htmlBlock',
  'image',
  'video',
  'audio',
  'svg',
  'math',
  'template',
])

type Mark = NonNullable<RichTextNode['marks']>[number]

export class Refused extends Error {}

export function cleanChildren(content: unknown, parent: NodeType, depth: number): RichTextNode[] {
  if (depth > maxBodyDepth) throw new Refused('The story body is nested too deeply.')
  if (!Array.isArray(content)) return []
  return content.flatMap((child) => cleanNode(child, parent, depth + 1))
}

/** One input node as zero or more valid nodes; `parent` is the nearest known node around it. */
function cleanNode(input: unknown, parent: NodeType, depth: number): RichTextNode[] {
  if (!isObject(input) || typeof input.type !== 'string') return []
  const name = input.type
  const attrs = isObject(input.attrs) ? input.attrs : {}

  if (name === 'text') {
    const text = typeof input.text === 'string' ? cleanText(input.text, { multiline: true }) : ''
    if (text === '') return []
    const marks = cleanMarks(input.marks, parent)
    return [marks.length > 0 ? { type: 'text', text, marks } : { type: 'text', text }]
  }

  const type = Object.hasOwn(storySchema.nodes, name) && name !== storySchema.topNodeType.name ? storySchema.nodes[name] : undefined
  if (!type) return droppedWhole.has(name) ? [] : cleanChildren(input.content, parent, depth)

  if (type.isLeaf) {
    const leafAttrs = Object.hasOwn(leafAttrsOf, name) ? leafAttrsOf[name]!(attrs) : {}
    if (leafAttrs === null) return []
    const node: RichTextNode = { type: name }
    if (Object.keys(leafAttrs).length > 0) node.attrs = leafAttrs
    if (type.isInline) {
      const marks = cleanMarks(input.marks, parent)
      if (marks.length > 0) node.marks = marks
    }
    return [node]
  }

  const children = cleanChildren(input.content, type, depth)
  const content = type.inlineContent ? fitInline(type, children) : fitBlocks(type, children)
  const node: RichTextNode = { type: name }
  const cleanAttrs = cleanNodeAttrs(name, attrs, input.attrs !== undefined)
  if (cleanAttrs) node.attrs = cleanAttrs
  if (content.length > 0) node.content = content
  return [node]
}

/** The attributes a leaf keeps; without them a figure, an embed or a suggestion (`null`) is dropped. */
const leafAttrsOf: Record<string, (attrs: Json) => Json | null> = {
  figure: withAttrChange('figure', withWholeBlockChange(toFigureAttributes)),
  embed: withAttrChange('embed', withWholeBlockChange(toEmbedAttributes)),
  [suggestedBreakName]: toBreakAttrs,
  [suggestedBlockName]: toBlockChange,
  horizontalRule: toRuleAttrs,
}

/** An ordered list's numbering styles (HTML's `type`). */
const orderedListTypes: readonly string[] = ['1', 'a', 'A', 'i', 'I']

function cleanNodeAttrs(name: string, attrs: Json, hadAttrs: boolean): Json | undefined {
  switch (name) {
    case 'heading':
      return { level: headingLevel(attrs.level) }
    case 'blockquote':
      return toQuoteAttrs(attrs)
    case 'orderedList': {
      if (!hadAttrs) return undefined
      const result: Json = {}
      if ('start' in attrs) {
        const start = Number(attrs.start)
        result.start = Number.isInteger(start) && start >= 0 && start <= 1_000_000 ? start : 1
      }
      if ('type' in attrs) result.type = typeof attrs.type === 'string' && orderedListTypes.includes(attrs.type) ? attrs.type : null
      return Object.keys(result).length > 0 ? result : undefined
    }
    default:
      return undefined
  }
}

function headingLevel(value: unknown): number {
  const level = typeof value === 'string' ? Number(value) : value
  if (typeof level !== 'number' || !Number.isFinite(level)) return headingLevels[0]
  return Math.min(headingLevels[headingLevels.length - 1] ?? 4, Math.max(headingLevels[0], Math.round(level)))
}

/**
 * Known marks the parent allows, one of each, in the schema's order; links only to allowed
 * addresses, comments only with their thread's id, suggestions only with their author and time
 * (suggested formatting with what it does).
 */
function cleanMarks(input: unknown, parent: NodeType): Mark[] {
  if (!Array.isArray(input)) return []
  const marks = new Map<string, Mark>()
  for (const mark of input) {
    if (!isObject(mark) || typeof mark.type !== 'string' || marks.has(mark.type)) continue
    const type: MarkType | undefined = Object.hasOwn(storySchema.marks, mark.type) ? storySchema.marks[mark.type] : undefined
    if (!type || !parent.allowsMarkType(type)) continue
    if (mark.type === 'link') {
      const href = isObject(mark.attrs) && typeof mark.attrs.href === 'string' ? wellFormed(mark.attrs.href).trim() : ''
      if (isAllowedHref(href)) marks.set('link', { type: 'link', attrs: { href } })
    } else if (mark.type === 'comment') {
      const noteId = isObject(mark.attrs) ? Number(mark.attrs.noteId) : NaN
      if (Number.isSafeInteger(noteId) && noteId > 0) marks.set('comment', { type: 'comment', attrs: { noteId } })
    } else if (mark.type === 'insertion' || mark.type === 'deletion') {
      const attrs = toSuggestionAttrs(mark.attrs)
      if (attrs) marks.set(mark.type, { type: mark.type, attrs })
    } else if (mark.type === 'formatting') {
      const change = toFormatChange(mark.attrs)
      if (change) marks.set(mark.type, { type: mark.type, attrs: { ...change, href: change.href ?? null } })
    } else {
      marks.set(mark.type, { type: mark.type })
    }
  }
  return [...marks.values()].sort((a, b) => markOrder.indexOf(a.type) - markOrder.indexOf(b.type))
}

/** The inline content of a textblock: blocks inside it are flattened to their words. */
function fitInline(parent: NodeType, children: RichTextNode[]): RichTextNode[] {
  const inline: RichTextNode[] = []
  // Words from two blocks flattened into one line are kept apart by a line break.
  let isNewBlock = false
  const add = (node: RichTextNode) => {
    if (storySchema.nodes[node.type]?.isInline) {
      const last = inline.at(-1)
      if (isNewBlock && last && last.type !== 'hardBreak') inline.push({ type: 'hardBreak' })
      isNewBlock = false
      inline.push(node)
      return
    }
    isNewBlock = true
    for (const child of node.content ?? []) add(child)
    isNewBlock = true
  }
  children.forEach(add)

  const result: RichTextNode[] = []
  let match: ContentMatch = parent.contentMatch
  for (const node of inline) {
    const type = storySchema.nodes[node.type]
    let fitted: RichTextNode | null = node
    if (!type || !match.matchType(type)) {
      // A pull quote takes only text: a line break becomes a space.
      fitted = node.type === 'hardBreak' && match.matchType(storySchema.nodes.text as NodeType) ? { type: 'text', text: ' ' } : null
    }
    if (!fitted) continue
    if (fitted.marks) {
      const marks = fitted.marks.filter((mark) => parent.allowsMarkType(storySchema.marks[mark.type] as MarkType))
      fitted = marks.length > 0 ? { ...fitted, marks } : withoutMarks(fitted)
    }
    const previous = result.at(-1)
    if (previous?.type === 'text' && fitted.type === 'text' && jsonEqual(previous.marks ?? [], fitted.marks ?? [])) {
      result[result.length - 1] = { ...previous, text: `${previous.text}${fitted.text}` }
    } else {
      result.push(fitted)
    }
    match = match.matchType(storySchema.nodes[fitted.type] as NodeType) ?? match
  }
  return result
}

function withoutMarks(node: RichTextNode): RichTextNode {
  const copy = { ...node }
  delete copy.marks
  return copy
}

/**
 * Block content arranged to fit `parent`'s content expression: loose words go into paragraphs,
 * a node that needs a wrapper gets one (a list item outside a list), a missing required node is
 * added (the paragraph a list item starts with), and a node that fits nowhere is replaced by its
 * children, or dropped.
 */
export function fitBlocks(parent: NodeType, children: RichTextNode[]): RichTextNode[] {
  const result: RichTextNode[] = []
  let match: ContentMatch = parent.contentMatch
  let run: RichTextNode[] = []

  const place = (node: RichTextNode) => {
    const type = storySchema.nodes[node.type]
    if (!type) return
    const direct = match.matchType(type)
    if (direct) {
      result.push(node)
      match = direct
      return
    }
    const wrapping = match.findWrapping(type)
    const outer = wrapping?.[0]
    if (wrapping && outer) {
      const wrapped = wrapping.reduceRight<RichTextNode>(
        (inner, wrapper) => ({ type: wrapper.name, content: fitBlocks(wrapper, [inner]) }),
        node,
      )
      result.push(wrapped)
      match = match.matchType(outer) ?? match
      return
    }
    const fill = match.fillBefore(Fragment.from(type.create()))
    if (fill) {
      fill.forEach((filler) => result.push(filler.toJSON() as RichTextNode))
      match = match.matchFragment(fill)?.matchType(type) ?? match
      result.push(node)
      return
    }
    // Fits nowhere here: keep what is inside it.
    for (const child of node.content ?? []) queue(child)
  }

  const flush = () => {
    if (run.length === 0) return
    const content = fitInline(storySchema.nodes.paragraph as NodeType, run)
    run = []
    place(content.length > 0 ? { type: 'paragraph', content } : { type: 'paragraph' })
  }

  const queue = (node: RichTextNode) => {
    if (storySchema.nodes[node.type]?.isInline) {
      run.push(node)
      return
    }
    flush()
    place(node)
  }

  children.forEach(queue)
  flush()
  if (!match.validEnd) {
    const fill = match.fillBefore(Fragment.empty, true)
    fill?.forEach((filler) => result.push(filler.toJSON() as RichTextNode))
  }
  return result
}
