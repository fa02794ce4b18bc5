import { createReadStream } from 'node:fs'
import { SaxesParser } from 'saxes'

/** An element of a WordPress export, with its words (text and CDATA) and the elements in it. */
export type WxrElement = { name: string; attrs: Record<string, string>; text: string; children: WxrElement[] }

/** Why a file cannot be imported at all: said in one line. */
export class WxrError extends Error {
  override name = 'WxrError'
}

/**
 * The most one element of the channel (a post with its content) may hold: past it the element's
 * words are no longer kept, and it comes out marked `oversized`, for the import to report.
 */
export const maxElementChars = 16 * 1024 * 1024

export type ChannelElement = WxrElement & { oversized: boolean }

/** Deeper than any export nests (rss › channel › item › wp:postmeta › wp:meta_key is 5). */
export const maxDepth = 32

const wxrNamespace = 'http://wordpress.org/export/'

/**
 * The elements of a WordPress export's `<channel>` (its title, authors, categories, tags and
 * items), one at a time, as the file is read: the file is never held whole, only the element
 * being read. Refuses, with a `WxrError`, a file that declares a DOCTYPE (and so entities: none is
 * ever expanded), one that is not well-formed XML, and XML that is not a WordPress export.
 */
export async function* readWxr(path: string): AsyncGenerator<ChannelElement> {
  const parser = new SaxesParser({ position: true })
  const ready: ChannelElement[] = []
  // The elements open inside the channel element being read; the first is that element.
  const open: WxrElement[] = []
  let depth = 0
  let size = 0
  let oversized = false
  let isWxr = false

  parser.on('doctype', () => {
    throw new WxrError('The file declares a DOCTYPE: refused, since its entities could expand or reach outside the file.')
  })
  parser.on('opentag', (tag) => {
    if (++depth > maxDepth) throw new WxrError(`The file nests elements more than ${maxDepth} deep: this is not a WordPress export.`)
    const attrs = Object.fromEntries(Object.entries(tag.attributes).map(([key, value]) => [key, String(value)]))
    if (depth === 1) {
      isWxr = tag.name === 'rss' && Object.values(attrs).some((value) => value.startsWith(wxrNamespace))
      if (!isWxr) throw new WxrError('This is not a WordPress export (WXR): its root is not an <rss> with the WordPress namespace.')
    }
    if (depth < 3) return
    const element: WxrElement = { name: tag.name, attrs, text: '', children: [] }
    open.at(-1)?.children.push(element)
    open.push(element)
  })
  const addText = (text: string) => {
    const element = open.at(-1)
    if (!element || oversized) return
    size += text.length
    if (size > maxElementChars) oversized = true
    else element.text += text
  }
  parser.on('text', addText)
  parser.on('cdata', addText)
  parser.on('closetag', () => {
    depth--
    if (depth < 2) return
    const element = open.pop()
    if (depth === 2 && element) {
      ready.push({ ...element, oversized })
      size = 0
      oversized = false
    }
  })

  const stream = createReadStream(path, { encoding: 'utf8', highWaterMark: 64 * 1024 })
  try {
    for await (const chunk of stream) {
      write(parser, String(chunk))
      yield* ready.splice(0)
    }
    write(parser, null)
    yield* ready.splice(0)
  } catch (error) {
    if (error instanceof Error && 'code' in error && (error.code === 'ENOENT' || error.code === 'EISDIR'))
      throw new WxrError(`There is no file ${path}.`)
    throw error
  } finally {
    stream.destroy()
  }
  if (!isWxr) throw new WxrError('This is not a WordPress export (WXR): the file has no XML in it.')
}

function write(parser: SaxesParser, chunk: string | null): void {
  try {
    if (chunk === null) parser.close()
    else parser.write(chunk)
  } catch (error) {
    if (error instanceof WxrError) throw error
    const detail = error instanceof Error ? error.message : String(error)
    throw new WxrError(`The file is not well-formed XML: ${detail}`)
  }
}

/** The words of the first child element named `name`, or ''. */
export function childText(element: WxrElement, name: string): string {
  return element.children.find((child) => child.name === name)?.text ?? ''
}
