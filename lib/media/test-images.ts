// Images made inside the tests with sharp: nothing is downloaded.
import zlib from 'node:zlib'
import sharp from 'sharp'

/**
 * A picture whose left half is red and right half blue, so that a rotation shows: after a
 * quarter turn clockwise, red is on top.
 */
export async function twoToneImage(width: number, height: number) {
  const half = Math.floor(width / 2)
  return sharp({ create: { width, height, channels: 3, background: '#0000ff' } }).composite([
    { input: { create: { width: half, height, channels: 3, background: '#ff0000' } }, left: 0, top: 0 },
  ])
}

/** A JPEG of the given size, with smooth content and a little noise, like a photo. */
export async function jpegImage(width: number, height: number, seed = 1): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 40 + seed, g: 120, b: 200 } } })
    .composite([
      {
        input: { create: { width: Math.ceil(width / 3), height: Math.ceil(height / 3), channels: 3, background: '#f5d442' } },
        left: seed % 10,
        top: 5,
      },
    ])
    .jpeg({ quality: 90 })
    .toBuffer()
}

export const secretArtist = 'Secret Source Name'

const xmp =
  '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
  '<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>Secret Source Name</dc:creator></rdf:Description>' +
  '</rdf:RDF></x:xmpmeta>'

/** EXIF as a camera writes it: who made it, with what, and where it was standing (GPS). */
const cameraExif = {
  IFD0: { Make: 'Camera Maker', Model: 'Model 7', Artist: secretArtist, Software: 'Firmware 1.0' },
  IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 30/1 0/1', GPSLongitudeRef: 'W', GPSLongitude: '0/1 7/1 0/1' },
}

/** An image in `format` carrying EXIF with GPS, XMP and a wide-gamut ICC profile (and IPTC for JPEG). */
export async function imageWithMetadata(format: 'jpeg' | 'png' | 'webp' | 'avif', options: { orientation?: number } = {}): Promise<Buffer> {
  let image = (await twoToneImage(600, 400)).withIccProfile('p3')
  if (options.orientation) image = image.withMetadata({ orientation: options.orientation })
  image = image.withExif(cameraExif).withXmp(xmp)
  const encoded = await image.toFormat(format).toBuffer()
  return format === 'jpeg' ? withIptc(encoded, 'Caption naming a secret place') : encoded
}

/** Inserts an IPTC caption (a Photoshop APP13 segment) right after a JPEG's SOI marker. */
function withIptc(jpeg: Buffer, caption: string): Buffer {
  const text = Buffer.from(caption, 'latin1')
  const dataset = Buffer.concat([Buffer.from([0x1c, 0x02, 0x78, text.length >> 8, text.length & 0xff]), text])
  const padded = dataset.length % 2 ? Buffer.concat([dataset, Buffer.alloc(1)]) : dataset
  const size = Buffer.alloc(4)
  size.writeUInt32BE(dataset.length)
  const resource = Buffer.concat([Buffer.from('8BIM', 'latin1'), Buffer.from([0x04, 0x04, 0x00, 0x00]), size, padded])
  const payload = Buffer.concat([Buffer.from('Photoshop 3.0\0', 'latin1'), resource])
  const length = Buffer.alloc(2)
  length.writeUInt16BE(payload.length + 2)
  return Buffer.concat([jpeg.subarray(0, 2), Buffer.from([0xff, 0xed]), length, payload, jpeg.subarray(2)])
}

/** The tag ids in the first IFD of a raw EXIF block as sharp returns it (`Exif\0\0` + TIFF). */
export function exifIfd0Tags(exif: Buffer): number[] {
  const tiff = exif.subarray(exif.subarray(0, 6).toString('latin1') === 'Exif\0\0' ? 6 : 0)
  const little = tiff.subarray(0, 2).toString('latin1') === 'II'
  const u16 = (at: number) => (little ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at))
  const u32 = (at: number) => (little ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at))
  const ifd = u32(4)
  return Array.from({ length: u16(ifd) }, (_, index) => u16(ifd + 2 + index * 12))
}

/** The EXIF tag that points to the GPS block. */
export const gpsInfoTag = 0x8825

/**
 * A PNG of a few hundred bytes whose header claims `width` × `height` pixels of 8-bit grey: the shape of a
 * decompression bomb, which only a decoder would find out is hollow.
 */
export function pngHeaderClaiming(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4)
    length.writeUInt32BE(data.length)
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
    const crc = Buffer.alloc(4)
    crc.writeUInt32BE(zlib.crc32(body) >>> 0)
    return Buffer.concat([length, body, crc])
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header[8] = 8 // bit depth
  header[9] = 0 // greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(Buffer.alloc(width + 1))),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

/** A two-frame animated GIF. */
export async function animatedGif(): Promise<Buffer> {
  const frame = (colour: string) =>
    sharp({ create: { width: 120, height: 80, channels: 3, background: colour } })
      .png()
      .toBuffer()
  return sharp([await frame('#ff0000'), await frame('#00ff00')], { join: { animated: true } })
    .gif({ delay: [100, 100] })
    .toBuffer()
}

/** GIF sub-blocks: the bytes in pieces of at most 255, each after its length, then a 0 terminator. */
function subBlocks(bytes: Buffer): Buffer {
  const pieces: Buffer[] = []
  for (let at = 0; at < bytes.length; at += 255) {
    const piece = bytes.subarray(at, at + 255)
    pieces.push(Buffer.from([piece.length]), piece)
  }
  return Buffer.concat([...pieces, Buffer.from([0])])
}

/**
 * A GIF carrying what GIF has for metadata: a comment naming the source and an XMP packet in an
 * application extension, placed after the header and colour table as editors write them.
 */
export async function gifWithMetadata(): Promise<Buffer> {
  const gif = await (await twoToneImage(600, 400)).gif().toBuffer()
  const packed = gif[10] ?? 0
  const colourTable = packed & 0x80 ? 3 * 2 ** ((packed & 0x07) + 1) : 0
  const at = 13 + colourTable
  const comment = Buffer.concat([Buffer.from([0x21, 0xfe]), subBlocks(Buffer.from(`Taken by ${secretArtist} at 51.5N 0.1W`, 'latin1'))])
  const xmpExtension = Buffer.concat([
    Buffer.from([0x21, 0xff, 0x0b]),
    Buffer.from('XMP DataXMP', 'latin1'),
    subBlocks(Buffer.from(xmp, 'latin1')),
  ])
  return Buffer.concat([gif.subarray(0, at), comment, xmpExtension, gif.subarray(at)])
}
