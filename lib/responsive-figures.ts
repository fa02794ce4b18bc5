import type { RichTextDoc, RichTextNode } from '@/db/schema'

/** The library images a body's figures show, by media id. */
export function figureMediaIds(doc: RichTextDoc): number[] {
  const ids = new Set<number>()
  const walk = (node: RichTextNode) => {
    const id = node.type === 'figure' ? Number(node.attrs?.mediaId) : NaN
    if (Number.isInteger(id) && id > 0) ids.add(id)
    node.content?.forEach(walk)
  }
  doc.content?.forEach(walk)
  return [...ids]
}

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')

/** What a body figure takes from its library image. */
export type FigureImage = { srcSet: string; sizes: string; objectPosition: string }

/**
 * Gives the figures of rendered body HTML (`<figure … data-media-id="7"><img …>`) the `srcset`
 * and `sizes` of their library image, so readers' browsers pick a width that fits, and its focal
 * point as `object-position` for any crop.
 */
export function withResponsiveFigures(html: string, images: ReadonlyMap<number, FigureImage>): string {
  return html.replace(/(<figure\b[^>]*\sdata-media-id="(\d+)"[^>]*>\s*<img)\b/g, (match: string, start: string, id: string) => {
    const image = images.get(Number(id))
    if (!image) return match
    const sources = image.srcSet ? ` srcset="${escapeAttribute(image.srcSet)}" sizes="${escapeAttribute(image.sizes)}"` : ''
    return `${start}${sources} style="object-position: ${escapeAttribute(image.objectPosition)}"`
  })
}
