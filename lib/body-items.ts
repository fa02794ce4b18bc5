import type { RichTextDoc, RichTextNode } from '@/db/schema'

// The things in a story body that its plain text does not show: figures, embeds, quotes with
// their attributions, pull quotes, subheads and links, each with the attributes a reader sees.
// The history's comparison (lib/revision-changes.ts) matches them between two revisions.

export const bodyItemTypes = ['figure', 'embed', 'quote', 'pullQuote', 'subhead', 'link'] as const
export type BodyItemType = (typeof bodyItemTypes)[number]

/** How each kind of item is named on screen. */
export const bodyItemNames: Record<BodyItemType, string> = {
  figure: 'Figure',
  embed: 'Embed',
  quote: 'Quote',
  pullQuote: 'Pull quote',
  subhead: 'Subhead',
  link: 'Link',
}

/** A figure's image: a library image (`mediaId`) or an address. */
export type ItemImage = { mediaId: number | null; src: string }

export type BodyItem = {
  type: BodyItemType
  /**
   * What identifies the item across revisions: a figure's image, an embed's address, the words of
   * a quote, pull quote, subhead or link. Two items of one type with the same key are the same item.
   */
  key: string
  /** The item's attributes by their on-screen names, in a fixed order ("Caption", "Credit"…). */
  attributes: [string, string][]
  image?: ItemImage
}

/** Whether the key is the item's words, which an edit changes: such items are also paired by position. */
export function isKeyedByText(type: BodyItemType): boolean {
  return type !== 'figure' && type !== 'embed'
}

/** The items of a body, in document order. */
export function bodyItems(doc: RichTextDoc): BodyItem[] {
  const items: BodyItem[] = []
  const walk = (node: RichTextNode) => {
    const item = itemOf(node)
    if (item) items.push(item)
    if (node.content) {
      items.push(...linksIn(node.content))
      node.content.forEach(walk)
    }
  }
  ;(doc.content ?? []).forEach(walk)
  return items
}

function itemOf(node: RichTextNode): BodyItem | null {
  const attrs = node.attrs ?? {}
  switch (node.type) {
    case 'figure': {
      const image = { mediaId: typeof attrs.mediaId === 'number' ? attrs.mediaId : null, src: text(attrs.src) }
      return {
        type: 'figure',
        key: image.mediaId === null ? image.src : `media:${image.mediaId}`,
        image,
        attributes: [
          ['Kind', text(attrs.kind)],
          ['Alt text', text(attrs.alt)],
          ['Caption', text(attrs.caption)],
          ['Credit', text(attrs.credit)],
        ],
      }
    }
    case 'embed':
      return { type: 'embed', key: text(attrs.url), attributes: [['Caption', text(attrs.caption)]] }
    case 'blockquote': {
      const words = wordsOf(node)
      return {
        type: 'quote',
        key: words,
        attributes: [
          ['Words', words],
          ['Attribution', text(attrs.attribution)],
        ],
      }
    }
    case 'pullQuote': {
      const words = wordsOf(node)
      return { type: 'pullQuote', key: words, attributes: [['Words', words]] }
    }
    case 'heading': {
      const words = wordsOf(node)
      return {
        type: 'subhead',
        key: words,
        attributes: [
          ['Words', words],
          ['Level', text(attrs.level)],
        ],
      }
    }
    default:
      return null
  }
}

/** The links among a block's inline children: neighbouring runs of text with one address are one link. */
function linksIn(children: RichTextNode[]): BodyItem[] {
  const links: { words: string; href: string }[] = []
  let previous: string | null = null
  for (const child of children) {
    const href = child.text === undefined ? null : linkTarget(child)
    if (href !== null && href === previous) {
      const last = links[links.length - 1]
      if (last) last.words += child.text ?? ''
    } else if (href !== null) {
      links.push({ words: child.text ?? '', href })
    }
    previous = href
  }
  return links.map(({ words, href }) => ({
    type: 'link',
    key: words.trim(),
    attributes: [
      ['Words', words.trim()],
      ['Target', href],
    ],
  }))
}

function linkTarget(node: RichTextNode): string | null {
  const link = node.marks?.find((mark) => mark.type === 'link')
  return link ? text(link.attrs?.href) : null
}

function wordsOf(node: RichTextNode): string {
  const words = (inner: RichTextNode): string =>
    inner.text ?? (inner.type === 'hardBreak' ? ' ' : (inner.content ?? []).map(words).join(''))
  return words(node).replace(/\s+/g, ' ').trim()
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : ''
}

/** A body as text that differs exactly when the bodies differ in anything (keys in a fixed order). */
export function bodyFingerprint(doc: RichTextDoc): string {
  return JSON.stringify(doc, (_, value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)))
      : value,
  )
}
