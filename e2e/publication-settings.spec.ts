import { type Page } from '@playwright/test'
import { expect, test } from './test'
import { signedInPage } from './fixtures'

/** Saves the Publication panel of the settings page with this name, and waits for the answer. */
async function savePublicationName(admin: Page, name: string): Promise<void> {
  await admin.goto('/desk/admin/settings')
  const panel = admin.getByRole('region', { name: 'Publication' })
  await panel.getByLabel('Publication name').fill(name)
  await panel.getByRole('button', { name: 'Save publication' }).click()
  await expect(panel.getByRole('status').filter({ hasText: 'Saved.' })).toContainText(name)
}

test('an admin renames the publication, and the reader’s front page shows the new name at once', async ({ browser, page }) => {
  await page.goto('/')
  const brand = page.getByRole('banner').getByRole('link').first()
  const before = (await brand.textContent())?.trim() ?? ''
  expect(before).not.toBe('')

  const admin = await signedInPage(browser, 'admin@copydesk.test')
  const renamed = `The Harbour Courier ${Date.now()}`
  try {
    await savePublicationName(admin, renamed)
    await page.goto('/')
    await expect(brand).toHaveText(renamed)
    await expect(page).toHaveTitle(renamed)
  } finally {
    // The other journeys read the demo's name.
    await savePublicationName(admin, before)
  }
  await page.goto('/')
  await expect(brand).toHaveText(before)
})

test('a public address that is not http(s) is refused with the reason, and nothing changes', async ({ browser }) => {
  const admin = await signedInPage(browser, 'admin@copydesk.test')
  await admin.goto('/desk/admin/settings')
  const panel = admin.getByRole('region', { name: 'Publication' })
  const address = await panel.getByLabel('Public address').inputValue()
  await panel.getByLabel('Public address').fill('ftp://news.example.test')
  await panel.getByRole('button', { name: 'Save publication' }).click()
  await expect(panel.getByRole('status').filter({ hasText: 'public address' })).toContainText(
    'Give the public address as a full http:// or https:// address',
  )
  await admin.reload()
  await expect(admin.getByRole('region', { name: 'Publication' }).getByLabel('Public address')).toHaveValue(address)
})
