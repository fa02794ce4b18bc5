import fs from 'node:fs'
import path from 'node:path'
import sharp from 'sharp'
import { planMediaFiles } from '@/lib/media/plan'
import { processImage } from '@/lib/media/process'
import type { RichTextNode } from '@/db/schema'
import type { FigureAttributes } from '@/lib/story-schema/nodes/figure'
import { figure } from './builders'
import type { StaffKey } from './newsroom'

/** A demo image drawn in `public/demo/` (SVG), with what the media library says about it. */
export type DemoImage = {
  file: string
  /** The SVG's viewBox size, the stored image's size; `drawDemoImage` checks that the file agrees. */
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

/**
 * A placeholder address for a demo image in the stories' figures, which the seed replaces with
 * the library's address of the stored image (and its media id): see `withMediaIds`.
 */
export function demoImageSrc(image: DemoImage): string {
  return `/demo/${image.file}`
}

/**
 * A figure node showing a demo image. Its media id and address are filled in when the seed has
 * stored the image; a figure may carry its own caption, different from the library's.
 */
export function imageFigure(key: ImageKey, overrides: Partial<Pick<FigureAttributes, 'kind' | 'caption' | 'alt'>> = {}): RichTextNode {
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

/** A demo image as the library stores it: the files to write and its row (without its words). */
export type DrawnImage = ReturnType<typeof planMediaFiles>

/**
 * Draws a demo image the way an upload arrives: the SVG is rasterized to a JPEG by sharp, then goes
 * through the library's own processing (renditions in WebP, AVIF and JPEG, no metadata, hashed
 * names). The library refuses SVG uploads; the drawings are only the source the seed paints from.
 */
export async function drawDemoImage(image: DemoImage, folder = demoImagesFolder): Promise<DrawnImage> {
  const svg = fs.readFileSync(path.join(/*turbopackIgnore: true*/ folder, image.file))
  const { width, height } = svgSize(svg)
  // The dimensions are also written into figure nodes, so a redrawn file must not drift from them.
  if (width !== image.width || height !== image.height) {
    throw new Error(`public/demo/${image.file}: viewBox is ${width}×${height}, the seed expects ${image.width}×${image.height}`)
  }
  const jpeg = await sharp(svg).flatten({ background: '#ffffff' }).jpeg({ quality: 88 }).toBuffer()
  const processed = await processImage(jpeg)
  if (!processed.ok) throw new Error(`public/demo/${image.file} could not be processed: ${processed.message}`)
  return planMediaFiles(processed)
}

/** The size an SVG's viewBox gives it (sharp rasterizes it at that size). */
export function svgSize(svg: Buffer): { width: number; height: number } {
  const viewBox = /viewBox="\s*0\s+0\s+(\d+(?:\.\d+)?)\s+(\d+(?:\.\d+)?)\s*"/.exec(svg.toString('utf8'))
  return { width: Number(viewBox?.[1]), height: Number(viewBox?.[2]) }
}
