import type { RichTextDoc, RichTextNode } from '@/db/schema'
import { forReaders } from './story-schema/suggestions'

const blockTypes = new Set(['paragraph', 'heading', 'blockquote', 'listItem', 'figure', 'pullQuote'])

/**
 * The words of a document as readers get them, block by block, for search and word counts: a
 * pending suggestion's inserted words are not there yet, its deleted words still are.
 */
export function plainText(doc: RichTextDoc): string {
  const blocks: string[] = []
  const walk = (node: RichTextNode): string => {
    if (node.text !== undefined) return node.text
    // A line break separates words as a space does: "a<br>b" is two words, not "ab".
    if (node.type === 'hardBreak') return '\n'
    const inner = (node.content ?? []).map(walk).join('')
    if (blockTypes.has(node.type)) {
      if (inner.trim()) blocks.push(inner.trim())
      return ''
    }
    return inner
  }
  for (const node of forReaders(doc).content ?? []) {
    const rest = walk(node)
    if (rest.trim()) blocks.push(rest.trim())
  }
  return blocks.join('\n\n')
}

/** The number of words in plain text: runs of anything but white space. */
export function countWords(text: string): number {
  const words = text.trim().match(/\S+/g)
  return words ? words.length : 0
}
