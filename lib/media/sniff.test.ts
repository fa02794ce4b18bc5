import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { emptyFileMessage } from './limits'
import { notAnImageMessage, sniffImageFormat } from './sniff'

const refused = { ok: false, reason: 'invalid', message: notAnImageMessage }

describe('deciding the type of an upload from its bytes', () => {
  it('recognises JPEG, PNG, WebP, AVIF and GIF by their magic numbers', async () => {
    const base = sharp({ create: { width: 16, height: 16, channels: 3, background: '#808080' } })
    for (const format of ['jpeg', 'png', 'webp', 'avif', 'gif'] as const) {
      expect(sniffImageFormat(await base.clone().toFormat(format).toBuffer())).toEqual({ ok: true, format })
    }
  })

  it('refuses a text file, even one that starts with a few bytes of an image signature', () => {
    expect(sniffImageFormat(Buffer.from('Meeting notes: bring the photos.'))).toEqual(refused)
    expect(sniffImageFormat(Buffer.from('GIF is a file format'))).toEqual(refused)
    expect(sniffImageFormat(Buffer.from('RIFF....WAVEfmt '))).toEqual(refused)
  })

  it('refuses SVG, with or without an XML declaration, script or not', () => {
    expect(sniffImageFormat(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'))).toEqual(refused)
    expect(sniffImageFormat(Buffer.from('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>'))).toEqual(refused)
  })

  it('refuses a PDF, HTML and a HEIC photo', () => {
    expect(sniffImageFormat(Buffer.from('%PDF-1.7\n%âãÏÓ\n'))).toEqual(refused)
    expect(sniffImageFormat(Buffer.from('<!doctype html><img src=x onerror=alert(1)>'))).toEqual(refused)
    const heic = Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypheic\0\0\0\0mif1heic', 'latin1')])
    expect(sniffImageFormat(heic)).toEqual(refused)
  })

  it('recognises AVIF from a compatible brand as well as the major one', () => {
    const avif = Buffer.concat([Buffer.from([0, 0, 0, 28]), Buffer.from('ftypmif1\0\0\0\0mif1avifmiaf', 'latin1')])
    expect(sniffImageFormat(avif)).toEqual({ ok: true, format: 'avif' })
  })

  it('refuses a zero-byte file with its own message', () => {
    expect(sniffImageFormat(Buffer.alloc(0))).toEqual({ ok: false, reason: 'invalid', message: emptyFileMessage })
  })
})
