import { type ChildNode, type Element, isTag, isText } from 'domhandler'
import { DomUtils } from 'htmlparser2'
import type { RichTextNode } from '@/db/schema'
import { identifyEmbed } from '@/lib/embeds'
import { isAllowedHref, isHttpUrl } from '@/lib/story-schema/urls'

// WordPress post HTML (block editor markup, or classic content after lib/wordpress/classic.ts) as
// the nodes of a story body. What has no place in a story is named to `report`, never dropped
// without a word: scripts, frames other than known embeds, tables, links to `javascript:`…

type HtmlNode = ChildNode
type HtmlElement = Element
type Mark = { type: string; attrs?: Record<string, unknown> }

/** An image a figure shows, to be found in the media library: by attachment id, else by address. */
export type ImageRef = { figure: RichTextNode; url: string; attachmentId: string | null }

const inlineTags = new Set(['a', 'abbr', 'b', 'br', 'cite', 'code', 'em', 'i', 'img', 'kbd', 'mark', 'q', 's', 'small', 'span'])
for (const tag of ['strike', 'strong', 'sub', 'sup', 'time', 'u', 'del', 'ins', 'font', 'bdi', 'bdo', 'dfn', 'var', 'samp', 'label'])
  inlineTags.add(tag)
const markOf: Record<string, string> = {
  strong: 'bold',
  b: 'bold',
  em: 'italic',
  i: 'italic',
  u: 'underline',
  s: 'strike',
  strike: 'strike',
  del: 'strike',
}
/** Code and media a story cannot hold: dropped with a report line. */
const droppedTags = new Set(['script', 'style', 'object', 'embed', 'form', 'input', 'button', 'select', 'textarea', 'svg', 'math'])
for (const tag of ['video', 'audio', 'canvas', 'noscript', 'template', 'link', 'meta', 'base', 'frame', 'frameset', 'applet'])
  droppedTags.add(tag)

function classesOf(element: HtmlElement): string[] {
  return (element.attribs.class ?? '').split(/\s+/).filter(Boolean)
}

function childElements(element: HtmlElement, name?: string): HtmlElement[] {
  return element.children.filter((child): child is HtmlElement => isTag(child) && (!name || child.name === name))
}

function words(node: HtmlNode): string {
  return DomUtils.textContent(node).replace(/\s+/g, ' ').trim()
}

function paragraphOf(text: string, marks?: Mark[]): RichTextNode {
  return text === ''
    ? { type: 'paragraph' }
    : { type: 'paragraph', content: [marks ? { type: 'text', text, marks } : { type: 'text', text }] }
}

/** Inline content without the spaces at either end of the block or around its line breaks, and without empty texts. */
function trimInline(nodes: RichTextNode[]): RichTextNode[] {
  // Neighbouring texts with the same marks are one text (and one run of spaces, one space).
  const content: RichTextNode[] = []
  for (const node of nodes) {
    const previous = content.at(-1)
    if (previous?.type === 'text' && node.type === 'text' && JSON.stringify(previous.marks) === JSON.stringify(node.marks)) {
      content[content.length - 1] = { ...previous, text: `${previous.text ?? ''}${node.text ?? ''}`.replace(/ {2,}/g, ' ') }
    } else content.push(node)
  }
  const result = content.map((node, index) => {
    if (node.type !== 'text') return node
    let text = node.text ?? ''
    if (index === 0 || content[index - 1]?.type === 'hardBreak') text = text.trimStart()
    if (index === content.length - 1 || content[index + 1]?.type === 'hardBreak') text = text.trimEnd()
    return { ...node, text }
  })
  const kept = result.filter((node) => node.type !== 'text' || node.text !== '')
  while (kept[0]?.type === 'hardBreak') kept.shift()
  while (kept.at(-1)?.type === 'hardBreak') kept.pop()
  return kept
}

export class BlockConverter {
  readonly images: ImageRef[] = []
  /** Figures met inside a line of text: they follow the paragraph they were in. */
  private pending: RichTextNode[] = []

  constructor(private readonly report: (message: string) => void) {}

  /** Block content: loose text and inline elements are gathered into paragraphs. */
  blocks(nodes: readonly HtmlNode[]): RichTextNode[] {
    const out: RichTextNode[] = []
    let run: HtmlNode[] = []
    const flush = () => {
      if (run.length > 0) out.push(...this.textBlock('paragraph', run))
      run = []
    }
    for (const node of nodes) {
      if (isText(node) || (isTag(node) && inlineTags.has(node.name))) run.push(node)
      else if (isTag(node)) {
        flush()
        out.push(...this.block(node))
      }
    }
    flush()
    return out
  }

  private textBlock(type: string, nodes: readonly HtmlNode[], attrs?: Record<string, unknown>): RichTextNode[] {
    const content = trimInline(this.inline(nodes, []))
    const figures = this.pending
    this.pending = []
    if (content.length === 0) return figures
    const block: RichTextNode = attrs ? { type, attrs, content } : { type, content }
    return [block, ...figures]
  }

  private block(element: HtmlElement): RichTextNode[] {
    const name = element.name
    const heading = /^h([1-6])$/.exec(name)
    if (heading) return this.textBlock('heading', element.children, { level: Math.min(4, Math.max(2, Number(heading[1]))) })
    if (name === 'p') return this.textBlock('paragraph', element.children)
    if (name === 'ul' || name === 'ol') return [this.list(element)]
    if (name === 'blockquote') return this.quote(element)
    if (name === 'figure') return this.figureBlock(element)
    if (name === 'hr') return [{ type: 'horizontalRule' }]
    if (name === 'iframe') return this.frame(element)
    if (name === 'pre') {
      this.report('preformatted text (code) became a plain paragraph')
      return this.textBlock('paragraph', element.children)
    }
    if (name === 'table') return this.table(element)
    if (droppedTags.has(name)) {
      this.report(`a <${name}> element was removed: a story cannot hold it`)
      return []
    }
    return this.blocks(element.children)
  }

  private inline(nodes: readonly HtmlNode[], marks: Mark[]): RichTextNode[] {
    const out: RichTextNode[] = []
    for (const node of nodes) {
      if (isText(node)) {
        const text = node.data.replace(/\s+/g, ' ')
        out.push(marks.length > 0 ? { type: 'text', text, marks } : { type: 'text', text })
        continue
      }
      if (!isTag(node)) continue
      const name = node.name
      if (name === 'br') out.push({ type: 'hardBreak' })
      else if (name === 'img') this.pending.push(...this.image(node, ''))
      else if (name === 'iframe') this.pending.push(...this.frame(node))
      else if (droppedTags.has(name)) this.report(`a <${name}> element was removed: a story cannot hold it`)
      else if (name === 'a') out.push(...this.inline(node.children, [...marks, ...this.link(node)]))
      else {
        const mark = markOf[name]
        out.push(...this.inline(node.children, mark && !marks.some((m) => m.type === mark) ? [...marks, { type: mark }] : marks))
      }
    }
    return out
  }

  private link(element: HtmlElement): Mark[] {
    const href = (element.attribs.href ?? '').trim()
    if (href === '' || href.startsWith('#')) return []
    if (isAllowedHref(href)) return [{ type: 'link', attrs: { href } }]
    this.report(
      `a link to “${(element.attribs.href ?? '').trim().slice(0, 60)}” was removed (its words kept): only web, mail and site addresses are links`,
    )
    return []
  }

  private list(element: HtmlElement): RichTextNode {
    const items = childElements(element, 'li').map((item) => {
      const content = this.blocks(item.children)
      return { type: 'listItem', content: content.length > 0 ? content : [{ type: 'paragraph' }] }
    })
    const start = Number(element.attribs.start)
    const ordered = element.name === 'ol'
    const node: RichTextNode = { type: ordered ? 'orderedList' : 'bulletList', content: items }
    if (ordered && Number.isInteger(start) && start > 1) node.attrs = { start }
    return node
  }

  /** A quote and its `<cite>` (the attribution); one marked as a pull quote becomes one. */
  private quote(element: HtmlElement): RichTextNode[] {
    const cites = DomUtils.getElementsByTagName('cite', element, true)
    const attribution = cites.map(words).join(', ')
    for (const cite of cites) DomUtils.removeElement(cite)
    if (classesOf(element).some((name) => name.includes('pullquote'))) return this.pullQuote(element, attribution)
    const content = this.blocks(element.children)
    return [{ type: 'blockquote', attrs: { attribution }, content: content.length > 0 ? content : [{ type: 'paragraph' }] }]
  }

  /** A pull quote holds plain text only: its attribution follows the words after a dash. */
  private pullQuote(element: HtmlElement, attribution: string): RichTextNode[] {
    const text = [words(element), attribution === '' ? '' : `— ${attribution}`].filter(Boolean).join(' ')
    return text === '' ? [] : [{ type: 'pullQuote', content: [{ type: 'text', text }] }]
  }

  private figureBlock(element: HtmlElement): RichTextNode[] {
    const classes = classesOf(element)
    const caption = childElements(element, 'figcaption')[0]
    const captionText = caption ? words(caption) : ''
    if (caption) DomUtils.removeElement(caption)
    if (classes.includes('wp-block-pullquote')) {
      const cites = DomUtils.getElementsByTagName('cite', element, true)
      const attribution = cites.map(words).join(', ')
      for (const cite of cites) DomUtils.removeElement(cite)
      return this.pullQuote(element, attribution)
    }
    if (classes.includes('wp-block-embed') || classes.some((name) => name.startsWith('wp-block-embed-'))) {
      const frame = DomUtils.findOne((node) => node.name === 'iframe', element.children)
      return this.embed(frame?.attribs.src ?? words(element), captionText)
    }
    const images = DomUtils.getElementsByTagName('img', element, true)
    if (classes.includes('wp-block-gallery')) {
      const figures = images.flatMap((image) => {
        const parent = image.parent && isTag(image.parent) ? image.parent : null
        const own = parent ? DomUtils.findOne((node) => node.name === 'figcaption', [parent]) : null
        return this.image(image, own ? words(own) : '')
      })
      return captionText === '' ? figures : [...figures, paragraphOf(captionText)]
    }
    if (images.length > 0) return images.flatMap((image, index) => this.image(image, index === 0 ? captionText : ''))
    const content = this.blocks(element.children)
    return captionText === '' ? content : [...content, paragraphOf(captionText)]
  }

  private image(element: HtmlElement, caption: string): RichTextNode[] {
    const url = (element.attribs.src ?? '').trim()
    const attachmentId = /(?:^|\s)wp-image-(\d+)(?:\s|$)/.exec(element.attribs.class ?? '')?.[1] ?? null
    const isImportable = url === '' || url.startsWith('/') || isHttpUrl(url)
    if (!isImportable) {
      this.report(
        `an image whose address is “${(element.attribs.src ?? '').trim().slice(0, 40)}” was removed: only web addresses can be imported`,
      )
      return []
    }
    if (url === '' && attachmentId === null) return []
    const alt = (element.attribs.alt ?? '').replace(/\s+/g, ' ').trim()
    const figure: RichTextNode = {
      type: 'figure',
      attrs: { kind: 'photo', mediaId: null, src: url, alt, caption, credit: '', width: 0, height: 0 },
    }
    this.images.push({ figure, url, attachmentId })
    return [figure]
  }

  private embed(address: string, caption: string): RichTextNode[] {
    const url = /https?:\/\/[^\s<>"]+/.exec(address)?.[0] ?? ''
    if (identifyEmbed(url)) return [{ type: 'embed', attrs: { url, provider: null, caption } }]
    if (!isHttpUrl(url)) {
      this.report('an embed without a web address was removed')
      return caption === '' ? [] : [paragraphOf(caption)]
    }
    this.report(`an embed from ${new URL(url).hostname} is not a service stories embed: it became a link`)
    return [paragraphOf(url, [{ type: 'link', attrs: { href: url } }]), ...(caption === '' ? [] : [paragraphOf(caption)])]
  }

  private frame(element: HtmlElement): RichTextNode[] {
    const src = (element.attribs.src ?? '').trim()
    if (identifyEmbed(src)) return [{ type: 'embed', attrs: { url: src, provider: null, caption: '' } }]
    this.report(`a frame from “${src.slice(0, 60) || 'nowhere'}” was removed: only known embeds (YouTube, Vimeo, maps, charts) are kept`)
    return []
  }

  private table(element: HtmlElement): RichTextNode[] {
    this.report('a table became paragraphs, one per row: stories have no tables')
    return DomUtils.getElementsByTagName('tr', element, true).map((row) => paragraphOf(childElements(row).map(words).join(' | ')))
  }
}
