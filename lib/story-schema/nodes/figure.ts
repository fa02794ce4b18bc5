import { Node } from '@tiptap/core'
import type { DOMOutputSpec } from '@tiptap/pm/model'
import { NodeSelection } from '@tiptap/pm/state'
import { insertBlockAtom } from './insert-block-atom'
import { withOuterAttrs } from './outer-attrs'
import { isAllowedImageSrc } from '../urls'
import { cleanLine, wellFormed } from '@/lib/clean-text'

export const figureKinds = ['photo', 'map'] as const
export type FigureKind = (typeof figureKinds)[number]

/** The attributes of a `figure` node: an image from the media library, with its words. */
export type FigureAttributes = {
  kind: FigureKind
  /** The `media` row shown, or null for an image that is not in the library. */
  mediaId: number | null
  /** A path on this site or an `http(s):` address; a figure with any other source is dropped. */
  src: string
  alt: string
  caption: string
  credit: string
  /** The image's size in pixels, so the page does not jump as it loads; 0 when unknown. */
  width: number
  height: number
}

/**
 * What a figure on a reader's page takes from its library image: the widths it comes in (`srcset`
 * and `sizes`, so readers' browsers pick one that fits) and its focal point, as the
 * `object-position` that keeps it in view in any crop.
 */
export type FigureImage = { srcSet: string; sizes: string; objectPosition: string }

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    figure: {
      /** Inserts a figure at the cursor (replacing a selected block). */
      insertFigure: (attributes: FigureAttributes) => ReturnType
      /** Changes the selected figure. */
      updateFigure: (attributes: Partial<FigureAttributes>) => ReturnType
    }
  }
}

const maxText = 2000

function text(value: unknown): string {
  return cleanLine(value, maxText)
}

function dimension(value: unknown): number {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value
  return typeof number === 'number' && Number.isInteger(number) && number > 0 && number <= 100_000 ? number : 0
}

function mediaId(value: unknown): number | null {
  const number = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value
  return typeof number === 'number' && Number.isSafeInteger(number) && number > 0 ? number : null
}

/**
 * A figure's attributes made safe and of the right types, or null when its image source is not
 * one we show (a `javascript:` or `data:` address, another site's `//host/…`, nothing at all).
 */
export function toFigureAttributes(input: Record<string, unknown>): FigureAttributes | null {
  const src = typeof input.src === 'string' ? wellFormed(input.src).trim() : ''
  if (!isAllowedImageSrc(src)) return null
  return {
    kind: figureKinds.includes(input.kind as FigureKind) ? (input.kind as FigureKind) : 'photo',
    mediaId: mediaId(input.mediaId),
    src,
    alt: text(input.alt),
    caption: text(input.caption),
    credit: text(input.credit),
    width: dimension(input.width),
    height: dimension(input.height),
  }
}

/**
 * The HTML of a figure; `null` attributes (a bad source) render as an empty, hidden figure. With
 * its `library` image (on a reader's page), the image gets its widths and focal point.
 */
export function figureSpec(attributes: FigureAttributes | null, library?: FigureImage): DOMOutputSpec {
  if (!attributes) return ['figure', { class: 'figure figure-invalid', hidden: 'hidden' }]
  const { kind, mediaId: id, src, alt, caption, credit, width, height } = attributes
  // Never alt text made from the caption: a reader hears the caption already, and a missing alt
  // text is a finding of the pre-publish checklist (lib/prepublish-checks.ts), not a default.
  const image: DOMOutputSpec = [
    'img',
    {
      srcset: library?.srcSet || null,
      sizes: library?.srcSet ? library.sizes : null,
      style: library ? `object-position: ${library.objectPosition}` : null,
      src,
      alt,
      width: width > 0 ? String(width) : null,
      height: height > 0 ? String(height) : null,
      loading: 'lazy',
      decoding: 'async',
    },
  ]
  const words: (DOMOutputSpec | string)[] = []
  if (caption !== '') words.push(['span', { class: 'caption' }, caption])
  if (caption !== '' && credit !== '') words.push(' ')
  if (credit !== '') words.push(['span', { class: 'credit' }, credit])
  const figure = { class: `figure figure-${kind}`, 'data-media-id': id === null ? null : String(id) }
  return words.length > 0 ? ['figure', figure, image, ['figcaption', {}, ...words]] : ['figure', figure, image]
}

function readFigure(element: HTMLElement): Record<string, unknown> {
  const image = element.querySelector('img')
  return {
    kind: element.classList.contains('figure-map') ? 'map' : 'photo',
    mediaId: element.getAttribute('data-media-id'),
    src: image?.getAttribute('src') ?? '',
    alt: image?.getAttribute('alt') ?? '',
    caption: element.querySelector('figcaption .caption')?.textContent ?? '',
    credit: element.querySelector('figcaption .credit')?.textContent ?? '',
    width: image?.getAttribute('width') ?? 0,
    height: image?.getAttribute('height') ?? 0,
  }
}

const defaults: FigureAttributes = { kind: 'photo', mediaId: null, src: '', alt: '', caption: '', credit: '', width: 0, height: 0 }

/**
 * A photo or map from the media library with its caption and credit: an atom, edited through the
 * toolbar's Figure form rather than in place.
 */
export const Figure = Node.create({
  name: 'figure',
  group: 'block',
  atom: true,
  draggable: true,
  selectable: true,

  addAttributes() {
    // Each attribute is read from the pasted figure as a whole (see parseHTML), not from an HTML attribute.
    return Object.fromEntries(
      Object.entries(defaults).map(([name, value]) => [name, { default: value, rendered: false, parseHTML: () => undefined }]),
    )
  },

  parseHTML() {
    return [
      {
        // Only figures copied from a story (ours, with an image on this site): a web page's
        // images would load from other sites on ours.
        tag: 'figure.figure',
        getAttrs: (element) => {
          const attributes = toFigureAttributes(readFigure(element))
          return attributes && attributes.src.startsWith('/') ? attributes : false
        },
      },
    ]
  },

  // HTMLAttributes: only a suggestion's, in the desk (lib/story-schema/whole-blocks.ts).
  renderHTML({ node, HTMLAttributes }) {
    return withOuterAttrs(figureSpec(toFigureAttributes(node.attrs)), HTMLAttributes)
  },

  addCommands() {
    return {
      insertFigure: (attributes) => (props) => {
        const safe = toFigureAttributes(attributes)
        return safe ? insertBlockAtom(props, this.type.create(safe)) : false
      },
      updateFigure:
        (attributes) =>
        ({ commands, state }) => {
          const { selection } = state
          if (!(selection instanceof NodeSelection) || selection.node.type.name !== this.name) return false
          const safe = toFigureAttributes({ ...selection.node.attrs, ...attributes })
          return safe ? commands.updateAttributes(this.name, safe) : false
        },
    }
  },
})
