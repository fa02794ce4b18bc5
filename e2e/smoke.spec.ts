import { expect, test } from './test'

test('the home page answers with a heading, and the sign-in page asks for an e-mail address', async ({ page }) => {
  const home = await page.goto('/')
  expect(home?.ok()).toBe(true)
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()

  await page.goto('/login')
  await expect(page.getByRole('textbox', { name: 'E-mail' })).toBeVisible()
})
