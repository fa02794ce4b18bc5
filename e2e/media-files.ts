import { type Locator, type Page, expect } from '@playwright/test'
import { randomBytes } from 'node:crypto'
import sharp from 'sharp'

// The media library's screens and the files tests upload to it, shared by its specs.

// Processing one photo into every width and format takes a few seconds on a small machine.
export const processing = { timeout: 60_000 }

/** A token no other test or seeded image contains, for searching the library. */
export const uniqueWord = (prefix: string) => `${prefix}${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`

/**
 * A picture whose bytes no other test makes: a plain colour with a corner of random pixels. The
 * library keeps one image per file's bytes, so a colour picked at random alone repeats too often.
 */
export function uniquePicture(width: number, height: number, format: 'jpeg' | 'png'): Promise<Buffer> {
  const noise = { input: randomBytes(16 * 16 * 3), raw: { width: 16, height: 16, channels: 3 as const }, left: 0, top: 0 }
  const picture = sharp({ create: { width, height, channels: 3, background: { r: 40, g: 120, b: 160 } } }).composite([noise])
  return (format === 'png' ? picture.png() : picture.jpeg()).toBuffer()
}

/**
 * A 1600 × 1000 JPEG as a camera writes it: EXIF naming the camera and the photographer, GPS
 * coordinates, XMP. `marker` goes into its EXIF, so every photo made here has different bytes.
 */
export async function cameraPhoto(marker: string): Promise<Buffer> {
  const xmp =
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
    '<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>Secret Source Name</dc:creator></rdf:Description>' +
    '</rdf:RDF></x:xmpmeta>'
  return sharp({ create: { width: 1600, height: 1000, channels: 3, background: { r: 40, g: 120, b: 200 } } })
    .composite([{ input: { create: { width: 500, height: 300, channels: 3, background: '#f5d442' } }, left: 200, top: 150 }])
    .withExif({
      IFD0: { Make: 'Camera Maker', Model: 'Model 7', Artist: 'Secret Source Name', ImageDescription: marker },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 30/1 0/1', GPSLongitudeRef: 'W', GPSLongitude: '0/1 7/1 0/1' },
    })
    .withXmp(xmp)
    .jpeg({ quality: 85 })
    .toBuffer()
}

export const uploadLines = (page: Page) => page.getByRole('list', { name: 'Uploads' }).getByRole('listitem')

/** Picks a file with the library's file input and returns its status line. */
export async function chooseFile(page: Page, file: { name: string; mimeType: string; buffer: Buffer }): Promise<Locator> {
  await page.getByLabel('Choose images').setInputFiles(file)
  return uploadLines(page).filter({ hasText: file.name }).first()
}

/** Uploads a photo through the file input and returns its image's id, once the library has it. */
export async function uploadPhoto(page: Page, name: string, buffer: Buffer): Promise<number> {
  const line = await chooseFile(page, { name, mimeType: 'image/jpeg', buffer })
  await expect(line).toContainText(/Added to the library\.|Already in the library\./, processing)
  return idFrom(line)
}

export async function idFrom(line: Locator): Promise<number> {
  const href = await line.getByRole('link', { name: 'Edit details' }).getAttribute('href')
  const id = Number(/\/desk\/media\/(\d+)$/.exec(href ?? '')?.[1])
  expect(id).toBeGreaterThan(0)
  return id
}

export async function searchLibrary(page: Page, terms: string): Promise<void> {
  await page.goto('/desk/media')
  await page.getByLabel('Search alt text, caption and credit').fill(terms)
  await page.getByRole('button', { name: 'Search' }).click()
  await expect(page).toHaveURL(/[?&]q=/)
}

export const gridImages = (page: Page) => page.getByRole('list', { name: 'Images' }).getByRole('listitem')
