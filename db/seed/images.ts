import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { RichTextNode } from '../schema'
import { type FigureAttrs, figure } from './builders'
import type { StaffKey } from './newsroom'

/** A drawn demo image in `public/demo/`, with what the media library says about it. */
export type DemoImage = {
  file: string
  /** The SVG's viewBox size; `loadDemoImage` checks that the file agrees. */
  width: number
  height: number
  alt: string
  caption: string
  credit: string
  uploadedBy: StaffKey
}

export const demoImages = {
  harbour: {
    file: 'harbour-at-dawn.svg',
    width: 1600,
    height: 1000,
    alt: 'Small fishing boats with lamps lit sail past a long breakwater and a lighthouse towards a town at sunrise.',
    caption:
      'Fishing boats return to the rebuilt harbour of Marsa Halim at dawn on Sunday, the first commercial landing since a storm surge breached the old breakwater fourteen months ago. The new breakwater, nearly twice the length of the old one, runs across the middle of the picture; the cranes of the new northern quay stand on the right.',
    credit: 'YOUSSEF HARB/TESSERA',
    uploadedBy: 'editor',
  },
  harbourMap: {
    file: 'marsa-halim-map.svg',
    width: 1200,
    height: 900,
    alt: 'Map of the coast around Marsa Halim, showing the Wadi Sahel river, the island of Jazirat Nour offshore and an inset of the harbour with its old and new breakwaters.',
    caption: 'Marsa Halim and the Wadi Sahel coast.',
    credit: 'COPYDESK GRAPHICS',
    uploadedBy: 'editor',
  },
  nightTrain: {
    file: 'night-train.svg',
    width: 1200,
    height: 800,
    alt: 'A train with lit windows crosses a stone viaduct under a crescent moon.',
    caption: 'The revived sleeper service will cross the Tessel viaduct shortly after midnight.',
    credit: 'COPYDESK GRAPHICS',
    uploadedBy: 'writer2',
  },
  reservoir: {
    file: 'reservoir.svg',
    width: 1200,
    height: 800,
    alt: 'A reservoir behind a dam on green hills, with a treatment works and a water tower above a small city.',
    caption: 'The Loma Verde reservoir and treatment works supply about four in five homes in Port Calloway.',
    credit: 'COPYDESK GRAPHICS',
    uploadedBy: 'writer',
  },
  library: {
    file: 'library-reading-room.svg',
    width: 1200,
    height: 800,
    alt: 'An empty library reading room in the evening, with tall bookshelves, an arched window and two lit desk lamps.',
    caption: 'The reading room closes at six on weekdays; the lamps stay on for the cleaners.',
    credit: 'COPYDESK GRAPHICS',
    uploadedBy: 'editor2',
  },
} satisfies Record<string, DemoImage>

export type ImageKey = keyof typeof demoImages

/** The public URL of a demo image; also how figures are matched to their media rows. */
export function demoImageSrc(image: DemoImage): string {
  return `/demo/${image.file}`
}

/**
 * A figure node showing a demo image. Its media id is filled in when the seed has inserted the
 * image; a figure may carry its own caption, different from the library's.
 */
export function imageFigure(
  key: ImageKey,
  overrides: Partial<Pick<FigureAttrs, 'kind' | 'caption' | 'alt'>> = {},
): RichTextNode {
  const image: DemoImage = demoImages[key]
  return figure({
    kind: 'photo',
    mediaId: null,
    src: demoImageSrc(image),
    alt: image.alt,
    caption: image.caption,
    credit: image.credit,
    width: image.width,
    height: image.height,
    ...overrides,
  })
}

/** Where the drawn images live; the server and the scripts run from the project root. */
export const demoImagesFolder = path.resolve(/*turbopackIgnore: true*/ process.cwd(), 'public/demo')

export type LoadedImage = {
  storageKey: string
  contentHash: string
  mimeType: 'image/svg+xml'
  byteSize: number
  width: number
  height: number
}

/** Reads a demo image's file for its media row: hash, size and dimensions. */
export function loadDemoImage(image: DemoImage, folder = demoImagesFolder): LoadedImage {
  const bytes = fs.readFileSync(path.join(/*turbopackIgnore: true*/ folder, image.file))
  const viewBox = /viewBox="\s*0\s+0\s+(\d+(?:\.\d+)?)\s+(\d+(?:\.\d+)?)\s*"/.exec(bytes.toString('utf8'))
  const width = Number(viewBox?.[1])
  const height = Number(viewBox?.[2])
  // The dimensions are also written into figure nodes, so a redrawn file must not drift from them.
  if (width !== image.width || height !== image.height) {
    throw new Error(`public/demo/${image.file}: viewBox is ${width}×${height}, the seed expects ${image.width}×${image.height}`)
  }
  return {
    storageKey: `demo/${image.file}`,
    contentHash: createHash('sha256').update(bytes).digest('hex'),
    mimeType: 'image/svg+xml',
    byteSize: bytes.byteLength,
    width,
    height,
  }
}
