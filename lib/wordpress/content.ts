import { type ChildNode, hasChildren, isTag } from 'domhandler'
import { Parser, parseDocument } from 'htmlparser2'
import type { RichTextDoc } from '@/db/schema'
import { BlockConverter, type ImageRef } from './blocks'
import { classicToHtml } from './classic'

export type { ImageRef } from './blocks'

/** A post's content as a story body, the images its figures wait for, and what did not come across. */
export type ConvertedContent = { ok: true; doc: RichTextDoc; images: ImageRef[]; problems: string[] } | { ok: false; problem: string }

/** Deeper nesting than any written post has: refused, rather than followed down (it could exhaust the stack). */
export const maxContentDepth = 40

class TooDeep extends Error {}

/**
 * Whether elements in `html` nest deeper than `maxContentDepth`: read by the tokenizer alone, which
 * stops at the first too deep (building a document of thousands of nested elements takes minutes).
 */
function isTooDeep(html: string): boolean {
  let depth = 0
  const parser = new Parser({
    onopentag: () => {
      if (++depth > maxContentDepth) throw new TooDeep()
    },
    onclosetag: () => {
      depth--
    },
  })
  try {
    parser.end(html)
    return false
  } catch (error) {
    if (error instanceof TooDeep) return true
    throw error
  }
}

/** The nodes under `nodes`, parents first, walked without recursion. */
function* walk(nodes: readonly ChildNode[]): Generator<ChildNode> {
  const stack = [...nodes].reverse()
  for (let node = stack.pop(); node; node = stack.pop()) {
    yield node
    if (hasChildren(node)) stack.push(...[...node.children].reverse())
  }
}

/**
 * A WordPress post's content (block editor markup or classic HTML with blank lines between
 * paragraphs) as a story body. The figures still show the export's addresses: the media step
 * (lib/wordpress/media.ts) points them at the library. The body is checked against the story
 * schema when it is saved (`sanitizeDoc`).
 */
export function convertContent(content: string): ConvertedContent {
  const problems: string[] = []
  const report = (message: string) => {
    if (!problems.includes(message)) problems.push(message)
  }
  const isBlockMarkup = content.includes('<!-- wp:')
  const html = classicToHtml(content, isBlockMarkup, report)
  if (isTooDeep(html)) return { ok: false, problem: `its content is nested more than ${maxContentDepth} levels deep` }
  const dom = parseDocument(html)
  for (const node of walk(dom.children)) {
    if (!isTag(node)) continue
    for (const attribute of Object.keys(node.attribs)) {
      if (/^on/i.test(attribute)) report(`an ${attribute.toLowerCase()} attribute on <${node.name}> was removed: a story runs no scripts`)
    }
  }
  const converter = new BlockConverter(report)
  const blocks = converter.blocks(dom.children)
  const doc: RichTextDoc = { type: 'doc', content: blocks.length > 0 ? blocks : [{ type: 'paragraph' }] }
  return { ok: true, doc, images: converter.images, problems }
}

/** More than any title, name, excerpt or caption needs; the rest is not read (HTML nested deep reads slowly). */
const maxPlainInput = 20_000

/** The words of a bit of HTML (a title, an excerpt, a caption) on one line, without its markup. */
export function plainWords(html: string): string {
  const words: string[] = []
  new Parser({ ontext: (text) => void words.push(text) }).end(html.slice(0, maxPlainInput))
  return words.join('').replace(/\s+/g, ' ').trim()
}
