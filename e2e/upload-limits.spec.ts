import { expect, test } from './test'
import sharp from 'sharp'
import { fromSite, ownWriterPage } from './fixtures'
import { cameraPhoto, chooseFile, uniqueWord } from './media-files'

test('someone past the uploads-a-minute limit is told how long to wait, and the image is not stored', async ({ browser }) => {
  const page = await ownWriterPage(browser, 'Busy Uploader')
  await page.goto('/desk/media')
  // The default is 30 a minute. The same small file each time: every upload counts, duplicates too.
  const small = {
    name: 'small.png',
    mimeType: 'image/png',
    buffer: await sharp({ create: { width: 32, height: 32, channels: 3, background: '#2a9d8f' } })
      .png()
      .toBuffer(),
  }
  for (let upload = 0; upload < 30; upload++) {
    const answer = await page.request.post('/desk/media/upload', { headers: fromSite(page), multipart: { file: small } })
    expect([200, 201]).toContain(answer.status())
  }
  const refused = await page.request.post('/desk/media/upload', { headers: fromSite(page), multipart: { file: small } })
  expect(refused.status()).toBe(429)
  const wait = Number(refused.headers()['retry-after'])
  expect(wait).toBeGreaterThanOrEqual(1)
  expect(wait).toBeLessThanOrEqual(60)

  const line = await chooseFile(page, { name: 'one-more.jpg', mimeType: 'image/jpeg', buffer: await cameraPhoto(uniqueWord('overlimit')) })
  await expect(line).toContainText(
    /Not added: You have uploaded 30 images in the last minute, the most Copydesk takes from one person\. Try again in \d+ seconds?\./,
  )
  await expect(line.getByRole('link')).toHaveCount(0)
  await page.context().close()
})
