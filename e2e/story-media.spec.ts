import { type Page } from '@playwright/test'
import { expect, test } from './test'
import sharp from 'sharp'
import { filesInPage, signIn } from './fixtures'
import { uniquePicture } from './media-files'
import { pressAndWait, startStory, storyBody, submitForReview, toolbarButton, workflow } from './pages/story-form'

/** A photo as a phone would send it: with camera details and where it was taken. */
function photoWithLocation(): Promise<Buffer> {
  return sharp({ create: { width: 1600, height: 1000, channels: 3, background: { r: 40, g: 90, b: 140 } } })
    .composite([
      { input: Buffer.from('<svg width="1600" height="1000"><circle cx="800" cy="500" r="300" fill="#e8b04a"/></svg>'), top: 0, left: 0 },
    ])
    .jpeg({ quality: 85 })
    .withExif({
      IFD0: { Make: 'PhoneMaker', Model: 'Model 7', Artist: 'Source Name' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '31/1 12/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '29/1 55/1 0/1' },
    })
    .toBuffer()
}

// Processing one photo into every width and format takes a few seconds on a small machine.
const processing = { timeout: 60_000 }

/** Starts a story in the first section and puts the cursor in its body. */
async function newStory(page: Page, headline: string): Promise<void> {
  await startStory(page, headline, null)
  await storyBody(page).click()
}

test('an editor uploads a lead photo in the story, adds caption and credit, publishes; readers get srcset, caption, credit and no metadata', async ({
  page,
  browser,
}) => {
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
  const map = await sharp({ create: { width: 1200, height: 900, channels: 3, background: { r: 230, g: 220, b: 200 } } })
    .png()
    .toBuffer()
  const dropped = await filesInPage(page, [{ name: 'harbour-map.png', mimeType: 'image/png', buffer: map }])
  const editorBox = await page.getByRole('textbox', { name: 'Story body' }).boundingBox()
  const at = { clientX: (editorBox?.x ?? 0) + 30, clientY: (editorBox?.y ?? 0) + 15 }
  await page.getByRole('textbox', { name: 'Story body' }).dispatchEvent('drop', { dataTransfer: dropped, ...at })
  await expect(page.getByRole('textbox', { name: 'Story body' }).getByRole('figure')).toHaveCount(1)
  // The checklist wants every figure described and credited before the story goes on.
  await page.getByRole('textbox', { name: 'Story body' }).getByRole('figure').click()
  await toolbarButton(page, 'Figure').click()
  const mapPanel = page.getByRole('group', { name: 'Edit figure' })
  await mapPanel.getByLabel('Alt text', { exact: true }).fill('A map of the harbour and its two breakwaters')
  await mapPanel.getByLabel('Credit').fill('COPYDESK GRAPHICS')
  await mapPanel.getByRole('button', { name: 'OK' }).click()

  const lead = page.getByRole('group', { name: 'Lead image', exact: true })
  await lead.getByLabel('Upload a lead image').setInputFiles({ name: 'IMG_2041.jpg', mimeType: 'image/jpeg', buffer: original })
  await expect(lead.getByRole('status').filter({ hasText: 'Uploaded' })).toBeVisible(processing)
  // The new image has no alt text yet: its uploader writes it here, and the library keeps it.
  const altText = `Fishing boats moored three deep along a rebuilt stone quay ${Date.now()}`
  await lead.getByLabel('Alt text', { exact: true }).fill(altText)
  await lead.getByRole('button', { name: 'Save alt text' }).click()
  await expect(lead.getByRole('status').filter({ hasText: 'Alt text saved to the library.' })).toBeVisible()
  await lead.getByLabel('Caption').fill('Boats unload their catch at the rebuilt quay.')
  await lead.getByLabel('Credit').fill('SAMIR HADDAD/TESSERA')
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(page.getByRole('status').filter({ hasText: /Saved at/ })).toBeVisible()

  await submitForReview(page)
  await expect(workflow(page).getByRole('status')).toContainText('Done')
  await pressAndWait(page, 'Approve')
  await pressAndWait(page, 'Publish')

  const reader = await (await browser.newContext()).newPage()
  await reader.goto('/')
  await reader.getByRole('link', { name: headline }).first().click()
  const figure = reader.getByRole('figure').first()
  await expect(figure).toContainText('Boats unload their catch at the rebuilt quay.')
  await expect(figure).toContainText('SAMIR HADDAD/TESSERA')
  const image = figure.getByRole('img', { name: altText })
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

test('an image pasted into the story body goes to the library and becomes a figure', async ({ page }) => {
  test.setTimeout(90_000)
  await signIn(page, 'writer@copydesk.test')
  await newStory(page, `Pasted picture ${Date.now()}`)
  const pasted = await filesInPage(page, [{ name: 'image.png', mimeType: 'image/png', buffer: await uniquePicture(900, 600, 'png') }])
  await storyBody(page).evaluate((body, clipboardData) => {
    body.dispatchEvent(new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true }))
  }, pasted)
  const figure = storyBody(page).getByRole('figure')
  await expect(figure).toHaveCount(1, processing)
  await expect(figure.locator('img')).toHaveAttribute('src', /^\/media\/[0-9a-f]{2}\/[0-9a-f]{64}-\d+\.webp$/)
})

test('the Figure panel uploads a new image and inserts it with its caption', async ({ page }) => {
  test.setTimeout(90_000)
  await signIn(page, 'writer@copydesk.test')
  await newStory(page, `Figure upload ${Date.now()}`)
  await page.keyboard.type('Before the picture.')
  await toolbarButton(page, 'Figure').click()
  const panel = page.getByRole('group', { name: 'Add figure' })
  await panel
    .getByLabel('Or upload a new image')
    .setInputFiles({ name: 'quay.png', mimeType: 'image/png', buffer: await uniquePicture(1000, 700, 'png') })
  await expect(panel.getByRole('status').filter({ hasText: 'Uploaded' })).toBeVisible(processing)
  await panel.getByLabel('Alt text', { exact: true }).fill('A concrete quay at low tide')
  await panel.getByLabel('Caption').fill('The new quay, before the boats.')
  await panel.getByRole('button', { name: 'OK' }).click()
  const figure = storyBody(page).getByRole('figure')
  await expect(figure).toContainText('The new quay, before the boats.')
  await expect(figure.getByRole('img', { name: 'A concrete quay at low tide' })).toHaveAttribute('src', /^\/media\//)
})

test('a writer finds another person’s image by searching the lead image picker, and sees its alt text read-only with the reason', async ({
  page,
}) => {
  await signIn(page, 'writer@copydesk.test')
  await newStory(page, `Harbour lead ${Date.now()}`)
  const lead = page.getByRole('group', { name: 'Lead image', exact: true })
  await lead.getByLabel('Search images').fill('breakwater lighthouse')
  const choice = lead.getByRole('radio', { name: /Small fishing boats with lamps lit/ })
  await expect(lead.getByRole('status').filter({ hasText: 'image matches “breakwater lighthouse”' })).toBeVisible()
  await choice.check()
  const alt = lead.getByLabel('Alt text', { exact: true })
  await expect(alt).toHaveValue(/^Small fishing boats with lamps lit/)
  await expect(alt).not.toBeEditable()
  await expect(lead.getByText('Only the person who uploaded this image, or an editor, can change its alt text.')).toBeVisible()
  await expect(lead.getByRole('button', { name: 'Save alt text' })).toHaveCount(0)
})

test('a focal point set in the library moves the crop of the image on the story page and the front page', async ({ page, browser }) => {
  test.setTimeout(120_000)
  const headline = `Lighthouse keeper retires ${Date.now()}`
  const altText = `A white lighthouse on a rock ${Date.now()}`
  await signIn(page, 'editor@copydesk.test')
  await newStory(page, headline)
  await page.keyboard.type('Forty years on the rock.')
  const lead = page.getByRole('group', { name: 'Lead image', exact: true })
  await lead
    .getByLabel('Upload a lead image')
    .setInputFiles({ name: 'lighthouse.png', mimeType: 'image/png', buffer: await uniquePicture(1600, 900, 'png') })
  await expect(lead.getByRole('status').filter({ hasText: 'Uploaded' })).toBeVisible(processing)
  await lead.getByLabel('Alt text', { exact: true }).fill(altText)
  await lead.getByRole('button', { name: 'Save alt text' }).click()
  await expect(lead.getByRole('status').filter({ hasText: 'Alt text saved to the library.' })).toBeVisible()
  await lead.getByLabel('Credit').fill('KEEPER’S LOG')
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(page.getByRole('status').filter({ hasText: /Saved at/ })).toBeVisible()
  await submitForReview(page)
  await expect(workflow(page).getByRole('status')).toContainText('Done')
  await pressAndWait(page, 'Approve')
  await pressAndWait(page, 'Publish')

  await page.goto(`/desk/media?q=${encodeURIComponent(altText)}`)
  await page.getByRole('list', { name: 'Images' }).getByRole('link', { name: altText }).click()
  await page.getByLabel('Focal point across').fill('0.3')
  await page.getByLabel('Focal point down').fill('0.6')
  await page.getByRole('button', { name: 'Save details' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible()

  const reader = await (await browser.newContext()).newPage()
  await reader.goto('/')
  await expect(reader.getByRole('img', { name: altText })).toHaveAttribute('style', 'object-position: 30% 60%')
  await reader.getByRole('link', { name: headline }).first().click()
  await expect(reader.getByRole('figure').getByRole('img', { name: altText })).toHaveAttribute('style', 'object-position: 30% 60%')
})
