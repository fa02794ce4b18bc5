import { describe, expect, it } from 'vitest'
import { uploadImage } from './upload-image'

describe('uploading an image from the story editor', () => {
  it('refuses a file over 25 MB before sending it, in the library’s words', async () => {
    const file = new File([new Uint8Array(25 * 1024 * 1024 + 1)], 'huge.jpg', { type: 'image/jpeg' })
    expect(await uploadImage(file)).toEqual({ ok: false, message: 'This file is larger than 25 MB.' })
  })

  it('refuses an empty file before sending it', async () => {
    expect(await uploadImage(new File([], 'empty.png'))).toEqual({ ok: false, message: 'This file is empty.' })
  })
})
