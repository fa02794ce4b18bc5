import { expect, test } from './test'
import sharp from 'sharp'
import { filesInPage, fromSite, signIn } from './fixtures'
import {
  cameraPhoto,
  chooseFile,
  gridImages,
  idFrom,
  processing,
  searchLibrary,
  uniquePicture,
  uniqueWord,
  uploadLines,
  uploadPhoto,
} from './media-files'

test('a writer uploads a photo, describes it, and finds it in the library by its credit', async ({ page }) => {
  const credit = `${uniqueWord('PHOTOGRAPHER')}/TESSERA`
  await signIn(page, 'writer@copydesk.test')
  await page.getByRole('navigation', { name: 'Desk' }).getByRole('link', { name: 'Media' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Media library' })).toBeVisible()

  const id = await uploadPhoto(page, 'harbour-dawn.jpg', await cameraPhoto(uniqueWord('describe')))
  await uploadLines(page).filter({ hasText: 'harbour-dawn.jpg' }).getByRole('link', { name: 'Edit details' }).click()
  await expect(page).toHaveURL(`/desk/media/${id}`)
  await page.getByLabel('Alt text').fill('Fishing boats at a breakwater at sunrise.')
  await page.getByLabel('Caption').fill('Boats return to the rebuilt harbour at dawn.')
  await page.getByLabel('Credit').fill(credit)
  await page.getByLabel('Focal point across').fill('0.25')
  await page.getByLabel('Focal point down').fill('0.4')
  await page.getByRole('button', { name: 'Save details' }).click()
  await expect(page.getByText('Saved.')).toBeVisible()

  await page.reload()
  await expect(page.getByLabel('Credit')).toHaveValue(credit)
  await expect(page.getByLabel('Focal point across')).toHaveValue('0.25')
  await expect(page.getByRole('img', { name: 'Fishing boats at a breakwater at sunrise.' })).toBeVisible()

  await searchLibrary(page, credit.split('/')[0]!.toLowerCase())
  await expect(page.getByText(/^1 image matching/)).toBeVisible()
  await expect(gridImages(page)).toHaveCount(1)
  const card = gridImages(page).first()
  await expect(card.getByRole('img', { name: 'Fishing boats at a breakwater at sunrise.' })).toBeVisible()
  await expect(card).toContainText('Boats return to the rebuilt harbour at dawn.')
  await expect(card).toContainText(credit)
  await expect(card).toContainText('1600 × 1000')
  await expect(card.getByRole('link')).toHaveAttribute('href', `/desk/media/${id}`)
})

test('the served files carry no EXIF, GPS or XMP and, while no published story shows them, only their uploader gets them', async ({
  page,
  request,
}) => {
  await signIn(page, 'writer@copydesk.test')
  await page.goto('/desk/media')
  const photo = await cameraPhoto(uniqueWord('strip'))
  const uploaded = await sharp(photo).metadata()
  expect(uploaded.exif).toBeDefined()
  expect(uploaded.xmp).toBeDefined()

  const id = await uploadPhoto(page, 'with-gps.jpg', photo)
  await page.goto(`/desk/media/${id}`)
  const fullSize = await page.getByRole('link', { name: 'Open the full-size file' }).getAttribute('href')
  const srcsets = await page
    .locator('picture source, picture img')
    .evaluateAll((elements) => elements.map((element) => element.getAttribute('srcset') ?? ''))
  const renditions = srcsets.flatMap((srcset) => srcset.split(',').map((entry) => entry.trim().split(' ')[0]!)).filter(Boolean)
  expect(renditions.length).toBeGreaterThanOrEqual(10)

  for (const url of [fullSize!, ...renditions]) {
    expect(url).toMatch(/^\/media\/[0-9a-f]{2}\/[0-9a-f]{64}(-\d+)?\.(jpg|webp|avif)$/)
    expect((await request.get(url)).status(), url).toBe(404)
    const response = await page.request.get(url)
    expect(response.status(), url).toBe(200)
    expect(response.headers()['cache-control']).toBe('private, no-store')
    expect(response.headers()['x-content-type-options']).toBe('nosniff')
    const served = await sharp(await response.body()).metadata()
    expect(response.headers()['content-type']).toBe(`image/${served.format === 'heif' ? 'avif' : served.format}`)
    expect(served.exif, url).toBeUndefined()
    expect(served.xmp, url).toBeUndefined()
    expect(served.iptc, url).toBeUndefined()
  }
  const original = await sharp(await (await page.request.get(fullSize!)).body()).metadata()
  expect([original.width, original.height]).toEqual([1600, 1000])

  // Only the library's own keys, and only files in storage.
  expect((await request.get('/media/../package.json')).status()).toBe(404)
  expect((await request.get('/media/%2e%2e/%2e%2e/package.json')).status()).toBe(404)
  expect((await request.get(`/media/ab/${'a'.repeat(64)}.jpg`)).status()).toBe(404)
})

/** A DataTransfer in the page holding these files, as a drop or a paste carries them. */
test('images dropped on the upload area or pasted into the page are uploaded too', async ({ page }) => {
  await signIn(page, 'writer@copydesk.test')
  await page.goto('/desk/media')

  const dropped = await filesInPage(page, [
    { name: 'dropped-map.png', mimeType: 'image/png', buffer: await uniquePicture(640, 400, 'png') },
  ])
  const dropArea = page.getByText('Or drop images here')
  await dropArea.dispatchEvent('dragover', { dataTransfer: dropped })
  await dropArea.dispatchEvent('drop', { dataTransfer: dropped })
  await expect(uploadLines(page).filter({ hasText: 'dropped-map.png' })).toContainText('Added to the library.', processing)

  // A screenshot pasted from the clipboard arrives as "image.png".
  const pasted = await filesInPage(page, [{ name: 'image.png', mimeType: 'image/png', buffer: await uniquePicture(640, 400, 'png') }])
  await page.evaluate((clipboardData) => document.dispatchEvent(new ClipboardEvent('paste', { clipboardData, bubbles: true })), pasted)
  const pastedLine = uploadLines(page).filter({ hasText: 'Pasted image 1' })
  await expect(pastedLine).toContainText('Added to the library.', processing)
  // The grid below is refreshed with the new image.
  await expect(page.getByRole('list', { name: 'Images' }).locator(`a[href="/desk/media/${await idFrom(pastedLine)}"]`)).toBeVisible()
})

test('a text file renamed to .jpg is refused with a clear message, and nothing is stored', async ({ page }) => {
  const text = Buffer.from('Notes from the council meeting, not a picture at all.\n'.repeat(40))
  await signIn(page, 'writer@copydesk.test')
  await page.goto('/desk/media')

  const line = await chooseFile(page, { name: 'holiday.jpg', mimeType: 'image/jpeg', buffer: text })
  await expect(line).toContainText('Not added: This file is not an image Copydesk accepts (JPEG, PNG, WebP, AVIF or GIF).')
  await expect(line.getByRole('link')).toHaveCount(0)

  // The same file with alt text straight to the route: refused, and no image with that alt text exists.
  const alt = uniqueWord('renamedtext')
  const response = await page.request.post('/desk/media/upload', {
    headers: fromSite(page),
    multipart: { file: { name: 'holiday.jpg', mimeType: 'image/jpeg', buffer: text }, alt },
  })
  expect(response.status()).toBe(422)
  expect(await response.json()).toEqual({
    ok: false,
    reason: 'invalid',
    message: 'This file is not an image Copydesk accepts (JPEG, PNG, WebP, AVIF or GIF).',
  })
  await searchLibrary(page, alt)
  await expect(page.getByText(`No images match “${alt}”.`)).toBeVisible()
})

test('uploading the same file twice keeps one image', async ({ page }) => {
  const photo = await cameraPhoto(uniqueWord('twice'))
  await signIn(page, 'writer@copydesk.test')
  await page.goto('/desk/media')

  const first = await chooseFile(page, { name: 'first-copy.jpg', mimeType: 'image/jpeg', buffer: photo })
  await expect(first).toContainText('Added to the library.', processing)
  const second = await chooseFile(page, { name: 'second-copy.jpg', mimeType: 'image/jpeg', buffer: photo })
  await expect(second).toContainText('Already in the library.', processing)
  const id = await idFrom(first)
  expect(await idFrom(second)).toBe(id)

  const alt = uniqueWord('onlyonce')
  await page.goto(`/desk/media/${id}`)
  await page.getByLabel('Alt text').fill(alt)
  await page.getByRole('button', { name: 'Save details' }).click()
  await expect(page.getByText('Saved.')).toBeVisible()
  await searchLibrary(page, alt)
  await expect(gridImages(page)).toHaveCount(1)
})

test('an unused image can be deleted, and its files go with it', async ({ page, request }) => {
  await signIn(page, 'writer@copydesk.test')
  await page.goto('/desk/media')
  const id = await uploadPhoto(page, 'to-delete.jpg', await cameraPhoto(uniqueWord('delete')))

  await page.goto(`/desk/media/${id}`)
  await expect(page.getByRole('region', { name: 'Where it is used' })).toContainText('Not used in any story.')
  const fullSize = (await page.getByRole('link', { name: 'Open the full-size file' }).getAttribute('href'))!
  expect((await page.request.get(fullSize)).status()).toBe(200)

  await page.getByRole('button', { name: 'Delete image' }).click()
  await expect(page).toHaveURL('/desk/media?deleted=1')
  await expect(page.getByText('The image was deleted.')).toBeVisible()
  expect((await page.goto(`/desk/media/${id}`))?.status()).toBe(404)
  expect((await page.request.get(fullSize)).status()).toBe(404)
  expect((await request.get(fullSize)).status()).toBe(404)
})

test('a writer can look at, but not change or delete, an image an editor uploaded', async ({ page }) => {
  await signIn(page, 'writer@copydesk.test')
  await searchLibrary(page, 'YOUSSEF HARB')
  await expect(gridImages(page)).toHaveCount(1)
  await gridImages(page).first().getByRole('link').click()
  await expect(page.getByRole('heading', { level: 1, name: 'Image details' })).toBeVisible()
  await expect(page.getByText('YOUSSEF HARB/TESSERA')).toBeVisible()
  await expect(page.getByText('Only the person who uploaded this image, or an editor, can change it.')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Save details' })).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Delete image' })).toHaveCount(0)
  await expect(page.getByRole('region', { name: 'Where it is used' }).getByRole('link')).not.toHaveCount(0)
})

test('an upload without a session is refused and stores nothing', async ({ page, playwright, baseURL }) => {
  const alt = uniqueWord('anonymous')
  const anonymous = await playwright.request.newContext({ baseURL })
  const response = await anonymous.post('/desk/media/upload', {
    multipart: { file: { name: 'anon.jpg', mimeType: 'image/jpeg', buffer: await cameraPhoto(alt) }, alt },
    maxRedirects: 0,
  })
  // The proxy sends anonymous desk requests to sign in; the route itself answers 401.
  if (response.status() === 307) expect(new URL(response.headers()['location']!, baseURL).pathname).toBe('/login')
  else expect(response.status()).toBe(401)
  await anonymous.dispose()

  await signIn(page, 'writer@copydesk.test')
  await searchLibrary(page, alt)
  await expect(page.getByText(`No images match “${alt}”.`)).toBeVisible()
})

test('a file named with ../ and control characters is stored as a normal upload under its content hash', async ({ page }) => {
  await signIn(page, 'writer@copydesk.test')
  const alt = uniqueWord('pathname')
  const response = await page.request.post('/desk/media/upload', {
    headers: fromSite(page),
    multipart: { file: { name: '../../../etc/pass\u0007wd\u0001.jpg', mimeType: 'image/jpeg', buffer: await cameraPhoto(alt) }, alt },
  })
  expect(response.status()).toBe(201)
  const answer = (await response.json()) as { ok: boolean; media: { id: number; src: string } }
  expect(answer.ok).toBe(true)
  expect(answer.media.src).toMatch(/^\/media\/[0-9a-f]{2}\/[0-9a-f]{64}-\d+\.webp$/)
  expect(answer.media.src).not.toContain('etc')
  const served = await page.request.get(answer.media.src)
  expect(served.ok()).toBe(true)

  await searchLibrary(page, alt)
  await expect(gridImages(page)).toHaveCount(1)
})

test('a request over 25 MB is answered 413 with a clear message, and nothing is stored', async ({ page }) => {
  await signIn(page, 'writer@copydesk.test')
  const alt = uniqueWord('oversized')
  const photo = await cameraPhoto(alt)
  // A real JPEG start, padded past the limit: the server must not need to read it to refuse it.
  const oversized = Buffer.concat([photo, Buffer.alloc(26 * 1024 * 1024)])
  const response = await page.request.post('/desk/media/upload', {
    headers: fromSite(page),
    multipart: { file: { name: 'huge.jpg', mimeType: 'image/jpeg', buffer: oversized }, alt },
  })
  expect(response.status()).toBe(413)
  expect(await response.json()).toEqual({ ok: false, message: 'This file is larger than 25 MB.' })

  await searchLibrary(page, alt)
  await expect(page.getByText(`No images match “${alt}”.`)).toBeVisible()
})
