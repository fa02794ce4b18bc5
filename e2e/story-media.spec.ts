import { type Page, expect, test } from '@playwright/test'
import sharp from 'sharp'
import { filesInPage, signIn } from './fixtures'

/** A photo as a phone would send it: with camera details and where it was taken. */
function photoWithLocation(): Promise<Buffer> {
  return sharp({ create: { width: 1600, height: 1000, channels: 3, background: { r: 40, g: 90, b: 140 } } })
    .composite([{ input: Buffer.from('<svg width="1600" height="1000"><circle cx="800" cy="500" r="300" fill="#e8b04a"/></svg>'), top: 0, left: 0 }])
    .jpeg({ quality: 85 })
    .withExif({ IFD0: { Make: 'PhoneMaker', Model: 'Model 7', Artist: 'Source Name' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '31/1 12/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '29/1 55/1 0/1' } })
    .toBuffer()
}

async function press(page: Page, label: string): Promise<void> {
  await page.getByRole('region', { name: 'Workflow' }).getByRole('button', { name: label, exact: true }).click()
  await expect(page.getByRole('region', { name: 'Workflow' }).getByRole('status')).toContainText('Done')
}

test('an editor uploads a lead photo in the story, adds caption and credit, publishes; readers get srcset, caption, credit and no metadata', async ({ page, browser }) => {
  test.setTimeout(120_000)
  const headline = `Fishing fleet returns to the harbour ${Date.now()}`
  const original = await photoWithLocation()
  expect((await sharp(original).metadata()).exif).toBeDefined()

  await signIn(page, 'editor@copydesk.test')
  await page.goto('/desk/articles/new')
  await page.getByLabel('Working headline').fill(headline)
  await page.getByRole('button', { name: 'Start writing' }).click()
  await page.getByRole('textbox', { name: 'Story body' }).click()
  await page.keyboard.type('The boats came in before dawn.')

  // A map dropped into the body becomes a figure from the library.
  const map = await sharp({ create: { width: 1200, height: 900, channels: 3, background: { r: 230, g: 220, b: 200 } } }).png().toBuffer()
  const dropped = await filesInPage(page, [{ name: 'harbour-map.png', mimeType: 'image/png', buffer: map }])
  const editorBox = await page.getByRole('textbox', { name: 'Story body' }).boundingBox()
  const at = { clientX: (editorBox?.x ?? 0) + 30, clientY: (editorBox?.y ?? 0) + 15 }
  await page.getByRole('textbox', { name: 'Story body' }).dispatchEvent('drop', { dataTransfer: dropped, ...at })
  await expect(page.getByRole('textbox', { name: 'Story body' }).getByRole('figure')).toHaveCount(1)

  const lead = page.getByRole('group', { name: 'Lead image' })
  await lead.getByLabel('Upload a lead image').setInputFiles({ name: 'IMG_2041.jpg', mimeType: 'image/jpeg', buffer: original })
  await expect(lead.getByRole('status')).toContainText('Uploaded')
  await lead.getByLabel('Caption').fill('Boats unload their catch at the rebuilt quay.')
  await lead.getByLabel('Credit').fill('SAMIR HADDAD/TESSERA')
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(page.getByRole('status').filter({ hasText: /Saved at/ })).toBeVisible()

  await press(page, 'Submit for review')
  await press(page, 'Approve')
  await press(page, 'Publish')

  const reader = await (await browser.newContext()).newPage()
  await reader.goto('/')
  await reader.getByRole('link', { name: headline }).first().click()
  const figure = reader.getByRole('figure').first()
  await expect(figure).toContainText('Boats unload their catch at the rebuilt quay.')
  await expect(figure).toContainText('SAMIR HADDAD/TESSERA')
  const image = figure.getByRole('img')
  await expect(image).toHaveAttribute('srcset', /\d+w/)
  await expect(image).toHaveAttribute('width', '1600')
  await expect(image).toHaveAttribute('height', '1000')

  const bodyFigure = reader.getByRole('figure').nth(1)
  await expect(bodyFigure.locator('img')).toHaveAttribute('srcset', /\/media\/.+ 640w/)

  const served = await reader.request.get(String(await image.getAttribute('src')))
  expect(served.ok()).toBe(true)
  expect(served.headers()['cache-control']).toContain('immutable')
  const metadata = await sharp(await served.body()).metadata()
  expect(metadata.exif).toBeUndefined()
  expect(metadata.xmp).toBeUndefined()
  expect(metadata.iptc).toBeUndefined()
})
