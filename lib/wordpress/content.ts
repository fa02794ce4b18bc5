import { DomUtils, parseDocument } from 'htmlparser2'
import type { RichTextDoc } from '@/db/schema'
import { BlockConverter, type ImageRef } from './blocks'
import { classicToHtml } from './classic'

export type { ImageRef } from './blocks'

/** A post's content as a story body, the images its figures wait for, and what did not come across. */
export type ConvertedContent = { doc: RichTextDoc; images: ImageRef[]; problems: string[] }

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
  const dom = parseDocument(classicToHtml(content, isBlockMarkup, report))
  for (const element of DomUtils.getElementsByTagName(() => true, dom, true)) {
    for (const attribute of Object.keys(element.attribs)) {
      if (/^on/i.test(attribute))
        report(`an ${attribute.toLowerCase()} attribute on <${element.name}> was removed: a story runs no scripts`)
    }
  }
  const converter = new BlockConverter(report)
  const blocks = converter.blocks(dom.children)
  return { doc: { type: 'doc', content: blocks.length > 0 ? blocks : [{ type: 'paragraph' }] }, images: converter.images, problems }
}

/** The words of a bit of HTML (an excerpt, a caption) on one line, without its markup. */
export function plainWords(html: string): string {
  return DomUtils.textContent(parseDocument(html)).replace(/\s+/g, ' ').trim()
}
